/**
 * Cells of the CSV files the engine writes (kpis.csv, quarantine files, downloads), neutralised against
 * formula injection as OWASP advises: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return as a formula (`=HYPERLINK(…)` in a facility name), quoted or not. Such a cell
 * gets a leading `'`, which Excel and LibreOffice show as text. A negative number stays a number.
 */

/** A number as a CSV cell may hold it: -12, -1,5, -1.234,5. */
const NUMBER = /^-[0-9][0-9.,]*$/;

/** The cell as it is safe to write. */
export function neutralise(cell: string): string {
  if (cell === '') return cell;
  const c = cell[0]!;
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r') return `'${cell}`;
  if (c === '-' && !NUMBER.test(cell)) return `'${cell}`;
  return cell;
}

/** The same in DuckDB SQL, for CSV files DuckDB writes (the quarantine). */
export function neutraliseSql(expr: string): string {
  return `CASE WHEN regexp_matches(${expr}, '^[=+@\\t\\r]') OR (starts_with(${expr}, '-') AND NOT regexp_full_match(${expr}, '-[0-9][0-9.,]*')) THEN '''' || ${expr} ELSE ${expr} END`;
}
