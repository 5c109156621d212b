/**
 * An extract's spec as SQL (docs/inbox.md): how a file's headers map to its columns, each column's
 * DuckDB type, the SQL that parses each text value and the checks whose violations go to quarantine.
 * Everything here produces SQL text from a compiled spec (spec.ts compiles the built-in ones from their
 * zod contracts); the ingest worker needs only this, so it never loads zod (docs/performance.md).
 */
import type { ColumnKind, RowRule } from '../../schemas/extracts.ts';
import { closest, foldCode, foldCodeSql, foldHeader } from '../core/fold.ts';
import { maskTextSql } from '../core/mask.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import { lang, num, t } from '../i18n/index.ts';
import type { ColumnCheck, SpecColumn } from './columns.ts';
import { cprChecks, cprParseSql, digitCountSql } from './cpr.ts';

export type { ColumnCheck, SpecColumn };

export interface ExtractSpec {
  /** A built-in extract's name (ExtractName), or an own extract's from the configuration. */
  extract: string;
  /** Declared in the configuration (docs/own-data.md), not built in. */
  own?: true;
  description: string;
  columns: SpecColumn[];
  key: string[];
  rules: RowRule[];
  references?: { extract: string; columns: string[] };
}

export type DecimalMark = '.' | ',';

/** A header as the analyst wrote it: without the BOM, surrounding spaces and quotes. */
export function cleanHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

export interface HeaderMapping {
  /** contract column -> index of the file's column */
  columnIndex: Map<string, number>;
  missing: string[];
  extra: string[];
  /** For a missing column, the found header it most likely is (a near miss: "did you mean"). */
  nearMisses: Map<string, string>;
}

/**
 * Header matching (docs/inbox.md) folds case, spaces, punctuation and Danish letters, so `CPR-nr.`,
 * `Cpr nr`, `cpr_nr` and `CPRNR` are the same header, and accepts each column's Danish aliases.
 */
export function mapHeaders(contract: ExtractSpec, headers: string[]): HeaderMapping {
  const folded = headers.map((h) => foldHeader(cleanHeader(h)));
  const columnIndex = new Map<string, number>();
  const used = new Set<number>();
  for (const col of contract.columns) {
    const names = [col.name, ...col.aliases].map(foldHeader);
    const hit = folded.findIndex((h, i) => h !== '' && names.includes(h) && !used.has(i));
    if (hit >= 0) {
      columnIndex.set(col.name, hit);
      used.add(hit);
    }
  }
  const missing = contract.columns.filter((c) => !c.optional && !columnIndex.has(c.name)).map((c) => c.name);
  const unused = headers.map(cleanHeader).filter((_, i) => !used.has(i));
  const nearMisses = new Map<string, string>();
  for (const m of missing) {
    const col = contract.columns.find((c) => c.name === m)!;
    for (const name of [col.name, ...col.aliases]) {
      const near = closest(name, unused, foldHeader, name.length > 4 ? 2 : 1);
      if (near !== undefined && ![...nearMisses.values()].includes(near)) {
        nearMisses.set(m, near);
        break;
      }
    }
  }
  return { columnIndex, missing, extra: unused, nearMisses };
}

/** How many of the contract's columns a candidate header line names (to find the header below title rows). */
export function headerScore(
  contract: ExtractSpec,
  headers: string[],
): { matched: number; complete: boolean } {
  const m = mapHeaders(contract, headers);
  return { matched: m.columnIndex.size, complete: m.missing.length === 0 };
}

export function duckType(kind: ColumnKind): string {
  switch (kind) {
    case 'date':
    case 'month':
      return 'DATE';
    case 'half_year':
      return 'VARCHAR';
    case 'decimal':
      return 'DECIMAL(18,6)';
    case 'integer':
      return 'BIGINT';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

const TRUE_WORDS = ['1', 'true', 'ja', 'j', 'x'];
const FALSE_WORDS = ['0', 'false', 'nej', 'n'];

/** SQL that parses the trimmed text `v` (NULL when empty) to the column's type; NULL when unparseable. */
export function parseSql(col: SpecColumn, v: string, decimal: DecimalMark): string {
  switch (col.kind) {
    case 'cpr':
      return cprParseSql(v);
    case 'date':
      // One try_strptime over the accepted formats (docs/inbox.md); a time of 00:00:00 (Excel, Parquet) is fine.
      return `CAST(try_strptime(${v}, ['%Y-%m-%d', '%d-%m-%Y', '%d.%m.%Y', '%d/%m/%Y', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S']) AS DATE)`;
    case 'month':
      // YYYY-MM or YYYYMM (or the first of a month as a date, as Parquet and Excel deliver months).
      // YYYYMM by integer arithmetic (several times faster than building a date string):
      // six characters that are not six digits either fail the cast or give a year below 1900, which
      // the month rule rejects as it rejects the text.
      return `CASE length(${v})
        WHEN 7 THEN TRY_CAST(${v} || '-01' AS DATE)
        WHEN 6 THEN TRY(make_date(TRY_CAST(${v} AS INTEGER) // 100, TRY_CAST(${v} AS INTEGER) % 100, 1))
        ELSE CASE WHEN substr(${v}, 8, 3) = '-01' THEN TRY_CAST(substr(${v}, 1, 10) AS DATE) END END`;
    case 'half_year': {
      // 2024-H2, 2024H2, "2. halvår 2024", or a list's two half-years "1. halvår 2024 – 2. halvår 2024"
      // (the last one counts), with or without æøå.
      const lower = `lower(trim(${v}))`;
      const danish = `'([12])\\s*\\.?\\s*halv(å|aa|a)r\\s*(\\d{4})$'`;
      const short = `'(\\d{4})\\s*-?\\s*h([12])$'`;
      return `CASE WHEN regexp_matches(${lower}, ${short}) THEN regexp_extract(${lower}, ${short}, 1) || '-H' || regexp_extract(${lower}, ${short}, 2)
        WHEN regexp_matches(${lower}, ${danish}) THEN regexp_extract(${lower}, ${danish}, 3) || '-H' || regexp_extract(${lower}, ${danish}, 1) END`;
    }
    case 'decimal':
    case 'integer': {
      const [thousands, mark] = decimal === ',' ? ['\\.', ','] : [',', '\\.'];
      const grouped = `-?[0-9]{1,3}(${thousands}[0-9]{3})+`;
      const frac = col.kind === 'decimal' ? `(${mark}[0-9]+)?` : `(${mark}0+)?`;
      const ok = `regexp_full_match(${v}, '(${grouped}|-?[0-9]+)${frac}')`;
      const plain = decimal === ',' ? `replace(replace(${v}, '.', ''), ',', '.')` : `replace(${v}, ',', '')`;
      // Nearly every value has no thousands separator: a shorter pattern and one replace do for those.
      const simple = `${v} NOT LIKE '%${decimal === ',' ? '.' : ','}%' AND regexp_full_match(${v}, '-?[0-9]+${frac}')`;
      const simplePlain = decimal === ',' ? `replace(${v}, ',', '.')` : v;
      const type = col.kind === 'integer' ? 'DECIMAL(38,6)' : 'DECIMAL(18,6)';
      const parsed = `CASE WHEN ${simple} THEN TRY_CAST(${simplePlain} AS ${type}) WHEN ${ok} THEN TRY_CAST(${plain} AS ${type}) END`;
      // A number too large for the column is NULL here (one row is rejected), never an error that
      // loses the whole file.
      return col.kind === 'integer' ? `TRY_CAST(${parsed} AS BIGINT)` : parsed;
    }
    case 'boolean': {
      // The words as delivered are tried before their lower case, which few values need.
      const no = FALSE_WORDS.map(sqlString).join(', ');
      const yes = TRUE_WORDS.map(sqlString).join(', ');
      return `CASE WHEN ${v} IS NULL OR ${v} IN (${no}) THEN false WHEN ${v} IN (${yes}) THEN true
        WHEN lower(${v}) IN (${no}) THEN false WHEN lower(${v}) IN (${yes}) THEN true END`;
    }
    case 'code': {
      // Delivered as written first (nearly every value); other spellings fold to a known code
      // (Ungeløftet, UNGELØFTET and ungeloeftet are ungeloftet); anything else is kept in lower case.
      const known = col.codes ?? col.examples ?? [];
      if (known.length === 0) return maskTextSql(`lower(${v})`);
      const folded = known.map((c) => `WHEN ${sqlString(foldCode(c))} THEN ${sqlString(c)}`).join(' ');
      return `CASE WHEN ${v} IN (${known.map(sqlString).join(', ')}) THEN ${v}
        ELSE CASE ${foldCodeSql(v)} ${folded} ELSE ${col.openCodes ? maskTextSql(`lower(${v})`) : `lower(${v})`} END END`;
    }
    case 'text':
      // Free text may hold a caseworker's note with a CPR in it: masked before anything is stored
      // (the spec's privacy rule 5). A kommunekode is three digits and holds none.
      // A column that holds a CPR where cprWhen says so (a survey's respondent) is keyed there and masked
      // elsewhere when it is stored (ingest/handover.ts): its keys must stay apart until then.
      if (col.pattern === '\\d{3}')
        return `CASE WHEN regexp_full_match(${v}, '[0-9]{1,3}') THEN lpad(${v}, 3, '0') END`;
      return col.cprWhen ? v : maskTextSql(v);
  }
}

/** Whether parseSql masks CPR numbers in the column's values: free text and open codes. */
export function masksCpr(col: SpecColumn): boolean {
  return (col.kind === 'text' && col.pattern !== '\\d{3}') || (col.kind === 'code' && col.openCodes === true);
}

/** A bound in a message: grouped from five digits (10.000), as Danish writes them; 1900 and 744 plain. */
const fmt = (n: number) => (Math.abs(n) >= 10_000 ? num(n) : num(n).replace(/[.,](?=\d{3}\b)/g, ''));

/** The per-column checks, in the order they are reported. */
/** What a kind's checks are written from: the column, its raw and typed values, and a check maker. */
interface CheckParts {
  col: SpecColumn;
  raw: string;
  typed: string;
  /** The raw value is there. */
  present: string;
  check(rule: string, message: string, violatedWhen: string): ColumnCheck;
}

/** A number too large for its type, not a number, below its minimum, above its maximum or plausibility. */
function numberChecks({ col, raw, typed, present, check }: CheckParts): ColumnCheck[] {
  // A number too large for the column's type comes out of parseSql as NULL; it is told apart from text
  // that is no number at all by its digits.
  const tooLarge = `${present} AND ${typed} IS NULL AND regexp_full_match(${raw}, '-?[0-9][0-9.,]*') AND ${digitCountSql(raw)} >= ${col.kind === 'integer' ? 19 : 13}`;
  const largest =
    col.max !== undefined
      ? fmt(col.max)
      : col.kind === 'integer'
        ? (2n ** 63n - 1n).toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB')
        : fmt(999_999_999_999);
  const checks = [
    check('number_too_large', t('rule.number_too_large', { column: col.name, largest }), tooLarge),
    col.kind === 'integer'
      ? check(
          'not_an_integer',
          t('rule.not_an_integer'),
          `${present} AND ${typed} IS NULL AND NOT (${tooLarge})`,
        )
      : check(
          'not_a_number',
          t('rule.not_a_number'),
          `${present} AND ${typed} IS NULL AND NOT (${tooLarge})`,
        ),
  ];
  if (col.min !== undefined) {
    const min = fmt(col.min);
    checks.push(
      col.exclusiveMin
        ? check('not_positive', t('rule.not_positive', { column: col.name, min }), `${typed} <= ${col.min}`)
        : check('below_minimum', t('rule.below_minimum', { column: col.name, min }), `${typed} < ${col.min}`),
    );
  }
  if (col.max !== undefined) {
    const max = fmt(col.max);
    checks.push(
      col.plausible
        ? check(
            'implausible_value',
            t('rule.implausible_value', { column: col.name, max, what: t(col.plausible) }),
            `${typed} > ${col.max}`,
          )
        : check('above_maximum', t('rule.above_maximum', { column: col.name, max }), `${typed} > ${col.max}`),
    );
  }
  return checks;
}

const KIND_CHECKS: Record<SpecColumn['kind'], (p: CheckParts) => ColumnCheck[]> = {
  cpr: cprChecks,
  date: ({ typed, present, check }) => [
    check('date_format', t('rule.date_format'), `${present} AND ${typed} IS NULL`),
    check(
      'date_out_of_range',
      t('rule.date_out_of_range'),
      `${typed} IS NOT NULL AND (${typed} < DATE '1900-01-01' OR ${typed} > DATE '2099-12-31')`,
    ),
  ],
  month: ({ typed, present, check }) => [
    check(
      'month_format',
      t('rule.month_format'),
      `${present} AND (${typed} IS NULL OR ${typed} < DATE '1900-01-01' OR ${typed} > DATE '2099-12-01')`,
    ),
  ],
  half_year: ({ typed, present, check }) => [
    check('half_year_format', t('rule.half_year_format'), `${present} AND ${typed} IS NULL`),
  ],
  decimal: numberChecks,
  integer: numberChecks,
  boolean: ({ typed, present, check }) => [
    check('not_a_boolean', t('rule.not_a_boolean'), `${present} AND ${typed} IS NULL`),
  ],
  code: ({ col, typed, present, check }) =>
    col.codes
      ? [
          check(
            'unknown_code',
            t('rule.unknown_code', { codes: col.codes.join(', ') }),
            `${present} AND ${typed} NOT IN (${col.codes.map(sqlString).join(', ')})`,
          ),
        ]
      : [],
  text: ({ col, typed, present, check }) => [
    ...(col.pattern === '\\d{3}'
      ? [check('municipality_format', t('rule.municipality_format'), `${present} AND ${typed} IS NULL`)]
      : []),
    ...(col.cprWhen
      ? [
          check(
            'cpr_format',
            t('rule.cpr_when', { when: col.cprWhen }),
            `(${col.cprWhen}) AND ${present} AND ${quoteIdent(`cpr_${col.name}`)} IS NULL`,
          ),
        ]
      : []),
  ],
};

export function columnChecks(col: SpecColumn): ColumnCheck[] {
  const raw = quoteIdent(`v_${col.name}`);
  const check = (rule: string, message: string, violatedWhen: string): ColumnCheck => ({
    column: col.name,
    rule,
    message,
    violatedWhen,
  });
  const required =
    !col.optional && col.kind !== 'boolean'
      ? [check('required', t('rule.required', { column: col.name }), `${raw} IS NULL`)]
      : [];
  const parts = { col, raw, typed: quoteIdent(col.name), present: `${raw} IS NOT NULL`, check };
  return [...required, ...KIND_CHECKS[col.kind](parts)];
}
