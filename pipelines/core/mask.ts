/**
 * CPR numbers never appear in a message, a log line or a quarantine file after ingest
 * (docs/privacy-and-reliability.md): these mask anything that looks like one, in text and in SQL.
 */

/**
 * Anything that looks like a CPR (DDMMYY-SSSS or 10 digits) becomes ******-**NN. For messages. Also
 * inside a longer run of digits: a damaged file can glue a CPR to other digits (fuzz: a header that lost
 * its line break read "Lønt01010170-0000"). Masking a long number that is no CPR is the lesser harm.
 */
export const CPR_LIKE = /\d{6}-?\d{2}(\d{2})/g;
export function maskCprs(text: string): string {
  return text.replace(CPR_LIKE, '******-**$1');
}

/** The same masking in DuckDB SQL, for quarantine values. */
export function maskCprsSql(expr: string): string {
  return `regexp_replace(${expr}, '[0-9]{6}-?[0-9]{2}([0-9]{2})', '******-**\\1', 'g')`;
}
