/**
 * CPR numbers never appear in a message, a log line, a quarantine file or a stored text after ingest
 * (docs/security.md; the spec's privacy rules 1 and 5), in any of the four spellings a caseworker
 * writes: ddmmyy-xxxx, ddmmyyxxxx, ddmmyy xxxx and dd.mm.yy-xxxx. These mask them, in text and in SQL.
 */

/**
 * Anything that looks like a CPR in one of the four spellings becomes ******-**NN. For messages, logs,
 * headers and file names. Also inside a longer run of digits: a damaged file can glue a CPR to other
 * digits (fuzz: a header that lost its line break read "Lønt01010170-0000"). Masking a long number that
 * is no CPR is the lesser harm.
 */
export const CPR_LIKE = /\d{6}[- ]?\d{2}(\d{2})|\d{2}\.\d{2}\.\d{2}-\d{2}(\d{2})/g;
export function maskCprs(text: string): string {
  return text.replace(CPR_LIKE, (_m, a: string | undefined, b: string | undefined) => `******-**${a ?? b}`);
}

/** The same masking in DuckDB SQL, for quarantine values and DuckDB's own messages. */
export function maskCprsSql(expr: string): string {
  const plain = `regexp_replace(${expr}, '[0-9]{6}[- ]?[0-9]{2}([0-9]{2})', '******-**\\1', 'g')`;
  return `regexp_replace(${plain}, '[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}-[0-9]{2}([0-9]{2})', '******-**\\1', 'g')`;
}

/**
 * A CPR in a stored text value (a caseworker's note in a provider field): a valid day and month, in one
 * of the four spellings, not part of a longer number. DuckDB's regular expressions (RE2) have no
 * look-around, so the digits on either side are matched as groups 1 and 9 and put back; a match
 * consumes the character after it, so a second pass finds a CPR right behind another.
 */
const DAY = '(0[1-9]|[12][0-9]|3[01])';
const MONTH = '(0[1-9]|1[0-2])';
const CPR_IN_TEXT = `(^|[^0-9])(${DAY}${MONTH}[0-9]{2}[- ]?[0-9]{2}([0-9]{2})|${DAY}\\.${MONTH}\\.[0-9]{2}-[0-9]{2}([0-9]{2}))([^0-9]|$)`;

/** SQL: `expr` (a text value) with every CPR in it masked as ******-**NN. */
export function maskTextSql(expr: string): string {
  const once = (e: string) => `regexp_replace(${e}, '${CPR_IN_TEXT}', '\\1******-**\\5\\8\\9', 'g')`;
  // Most values are short or hold no six digits in a row: the pattern runs only where it can match.
  return `CASE WHEN strlen(${expr}) >= 10 AND regexp_matches(${expr}, '[0-9]{2}\\.?[0-9]{2}\\.?[0-9]{2}') THEN ${once(once(expr))} ELSE ${expr} END`;
}

/**
 * The same test in TypeScript, for the privacy gate (publish/gate.ts): is there a CPR in `text`? Not
 * ten digits that are the decimals of a number (after "0,") nor ten digits followed by decimals (",5"):
 * outputs are full of numbers, and a false alarm stops the night.
 */
const CPR_IN_TEXT_JS = new RegExp(
  `(?<![0-9])(?<![0-9][.,])(?:${DAY}${MONTH}[0-9]{2}[- ]?[0-9]{4}|${DAY}\\.${MONTH}\\.[0-9]{2}-[0-9]{4})(?![0-9])(?![.,][0-9])`,
);
export function hasCpr(text: string): boolean {
  return CPR_IN_TEXT_JS.test(text);
}
