/**
 * SQL text for DuckDB: identifiers and string literals quoted the SQL way (a doubled quote inside).
 * Values never reach SQL any other way; the rows themselves stay in DuckDB.
 */

/** `name` as an identifier: "a ""b""". */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `s` as a string literal: 'it''s'. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
