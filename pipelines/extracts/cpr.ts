/**
 * The CPR number in ingest (docs/inbox.md; the spec's privacy rules 1 and 5): how a CPR column's text is
 * parsed, checked and turned into a date of birth, and how an offending value is shown in the
 * quarantine. Everything that touches a raw CPR's digits is here, and in core/mask.ts and
 * core/pseudonym.ts: the privacy mutation scope (test/mutation-scopes.json) names these files.
 */
import { maskCprsSql } from '../core/mask.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import { t } from '../i18n/index.ts';
import type { ColumnCheck, SpecColumn } from './columns.ts';

/**
 * A CPR that was stored as a number (a Parquet integer or double, an xlsx number cell, a CSV written
 * by pandas) lost its leading zero: 9 digits, perhaps with a `.0` a double's text adds. Read as the
 * number it is, it is the same CPR (the number keeps no leading zero anyway); it is counted as padded.
 */
const NUMERIC_CPR = "'[0-9]{9,10}(\\.0+)?'";

/** A digits-only value shorter than 9 digits: a number that lost more than one leading zero. */
const SHORT_NUMBER = "'[0-9]{1,8}(\\.0+)?'";

/** The 10 digits as a number (ddmmyy-xxxx or ddmmyyxxxx): it groups, joins and stores faster than text. */
export function cprParseSql(v: string): string {
  return `CASE WHEN regexp_full_match(${v}, '[0-9]{6}-?[0-9]{4}') THEN CAST(replace(${v}, '-', '') AS BIGINT)
    WHEN regexp_full_match(${v}, ${NUMERIC_CPR}) THEN CAST(split_part(${v}, '.', 1) AS BIGINT) END`;
}

/** 1 when the value is a CPR read from a number with 9 digits, left-padded to 10 (the manifest's cprPadded). */
export function cprPaddedSql(v: string): string {
  return `coalesce(regexp_full_match(${v}, '[0-9]{9}(\\.0+)?'), false)::INTEGER`;
}

/** The CPR number as its 10 digits (text, leading zero kept) from the number parseSql makes of it. */
export function cprDigitsText(digits: string): string {
  return `lpad(CAST(${digits} AS VARCHAR), 10, '0')`;
}

/**
 * Birth date from the CPR number (its 10 digits as a BIGINT, see parseSql), with the century from digit
 * 7 (docs/inbox.md). Integer arithmetic and make_date (NULL for an impossible date) cost a third of
 * formatting and casting a date string.
 */
export function birthDateSql(digits: string): string {
  const ddmmyy = `(${digits} // 10000)`;
  const yy = `${ddmmyy} % 100`;
  const d7 = `((${digits} // 1000) % 10)`;
  const century = `CASE WHEN ${d7} <= 3 THEN 1900
      WHEN ${d7} IN (4, 9) THEN CASE WHEN ${yy} <= 36 THEN 2000 ELSE 1900 END
      ELSE CASE WHEN ${yy} <= 57 THEN 2000 ELSE 1800 END END`;
  return `TRY(make_date(${century} + ${yy}, (${ddmmyy} // 100) % 100, ${ddmmyy} // 10000))`;
}

/** How many digits a text value has (SQL). */
export function digitCountSql(v: string): string {
  return `length(regexp_replace(${v}, '[^0-9]', '', 'g'))`;
}

/** A CPR column's checks: the text is no CPR, or its date is impossible. */
export function cprChecks(p: {
  raw: string;
  typed: string;
  present: string;
  check: (rule: string, message: string, violatedWhen: string) => ColumnCheck;
}): ColumnCheck[] {
  const short = `regexp_full_match(${p.raw}, ${SHORT_NUMBER})`;
  return [
    p.check('cpr_format', t('rule.cpr_format'), `${p.present} AND ${p.typed} IS NULL AND NOT ${short}`),
    p.check('cpr_number', t('rule.cpr_number'), `${p.present} AND ${p.typed} IS NULL AND ${short}`),
    p.check('cpr_date', t('rule.cpr_date'), `${p.typed} IS NOT NULL AND birth_date IS NULL`),
  ];
}

/**
 * The offending value as the quarantine shows it. A CPR column's value is masked to its last two
 * digits when it has digits enough to be part of a CPR; text such as `I alt` is shown as it is. A long
 * number is described ("a number with 20 digits"): the CPR masker would garble it into
 * `******-**99******-**99`, and the masker stays conservative, because privacy comes first.
 */
export function quarantineValueSql(col: SpecColumn): string {
  const v = quoteIdent(`v_${col.name}`);
  if (col.kind === 'cpr') {
    return `CASE WHEN ${v} IS NULL THEN '' WHEN ${digitCountSql(v)} >= 4 THEN '******-**' || right(${v}, 2) ELSE left(${v}, 200) END`;
  }
  const masked = `left(coalesce(${maskCprsSql(v)}, ''), 200)`;
  if (col.kind === 'integer' || col.kind === 'decimal') {
    return `CASE WHEN ${digitCountSql(v)} >= 10 AND regexp_full_match(${v}, '-?[0-9][0-9.,]*') THEN replace(${sqlString(t('value.digits'))}, '{n}', ${digitCountSql(v)}::VARCHAR) ELSE ${masked} END`;
  }
  return masked;
}
