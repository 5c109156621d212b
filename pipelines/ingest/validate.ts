/**
 * Validation (docs/inbox.md): every row of a prepared file read as text with its physical line, every
 * value parsed and checked in SQL, and every violation recorded, masked, for the quarantine.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskCprs, maskCprsSql, maskTextSql } from '../core/mask.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { birthDateSql, cprPaddedSql, quarantineValueSql } from '../extracts/cpr.ts';
import { columnChecks, type DecimalMark, type ExtractSpec, masksCpr, parseSql } from '../extracts/parse.ts';
import { bytes, t } from '../i18n/index.ts';
import { readCsvSql } from './read.ts';
import type { Delimiter } from './sniff.ts';
import type { FileLoad } from './types.ts';

/** A violation record as SQL: which column broke which rule, the message, and the (masked) value. */
function violationSql(column: string, rule: string, message: string, value: string): string {
  return `{'column': ${sqlString(column)}, 'rule': ${sqlString(rule)}, 'message': ${sqlString(message)}, 'value': ${value}}`;
}

/** The extract's columns as raw text (`v_<name>`) from the file's columns (`c<i>`, or Parquet's own). */
function rawColumns(f: FileLoad, prefix: string): string[] {
  const { contract, p, columnIndex } = f;
  return contract.columns.map((c) => {
    const idx = columnIndex.get(c.name);
    const src =
      idx === undefined
        ? 'NULL'
        : p.kind === 'parquet'
          ? `CAST(${quoteIdent(p.headers[idx]!)} AS VARCHAR)`
          : `${prefix}c${idx}`;
    return `nullif(${trimmedSql(src)}, '') AS ${quoteIdent(`v_${c.name}`)}`;
  });
}

/** 1. The raw text of every row with its physical line (the view `raw`); returns the totals rows skipped. */
export async function readRaw(f: FileLoad): Promise<number> {
  const { db, p } = f;
  await db.run(
    'DROP VIEW IF EXISTS raw; DROP VIEW IF EXISTS parsed; DROP TABLE IF EXISTS scratch.raw_csv; DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_reject_scans;',
  );
  if (p.kind === 'csv') return readRawCsv(f);
  await db.run(`CREATE TEMP VIEW raw AS SELECT file_row_number + 1 AS _line, ${rawColumns(f, '').join(', ')}
    FROM read_parquet(${sqlString(p.readPath)}, file_row_number = true)`);
  await db.run(
    'CREATE TEMP TABLE csv_rejects (line BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)',
  );
  return 0;
}

/**
 * A CSV is read once into a table (the parse in step 3 runs faster over a table than over the CSV
 * reader), with the physical line of every row. DuckDB skips blank lines and rows it rejects while
 * parsing, and a quoted value with line breaks takes several lines for one row; all of these shift the
 * lines of the rows after them: row i (0-based, the table's rowid: it was filled in file order) sits on
 * line headerLine + 1 + i + (skipped lines before it). DuckDB numbers rejected rows by record, not by
 * physical line, when a quoted value spans lines: their lines are made physical first. The line lists
 * can be long (a multi-line value in every row): they reach DuckDB as files.
 */
async function readRawCsv(f: FileLoad): Promise<number> {
  const { db, p, opts, fileId } = f;
  await db.run(`CREATE TABLE scratch.raw_csv AS SELECT * FROM ${readCsvSql(p, p.headers.length, true)}`);
  const blankFile = await linesFile(opts.workDir, `${fileId}.blank`, p.blankLines);
  const continuationFile = await linesFile(opts.workDir, `${fileId}.continuation`, p.continuationLines);
  if (continuationFile) await physicalRejectLines(db, continuationFile);
  // Lines too long to read were emptied before DuckDB saw them (read.ts): each is a rejected row.
  if (p.longLines.length > 0) {
    await db.run(`INSERT INTO csv_rejects (line, error_type, error_message, csv_line)
      SELECT unnest([${p.longLines.join(', ')}])::BIGINT, 'LINE SIZE OVER MAXIMUM', '', ''`);
  }
  const rejects = (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM csv_rejects')).n;
  const base = p.headerLine + 1;
  const totals = await markTrailingTotals(db, p.headers.length);
  const notTotal = totals > 0 ? ' WHERE r.rowid NOT IN (SELECT r FROM totals_rows)' : '';
  const cols = rawColumns(f, 'r.').join(', ');
  if (!blankFile && !continuationFile && rejects === 0) {
    await db.run(
      `CREATE TEMP VIEW raw AS SELECT r.rowid + ${base} AS _line, ${cols} FROM scratch.raw_csv r${notTotal}`,
    );
    return totals;
  }
  // The j-th skipped line (1-based), on physical line s, shifts every row from row t = s - base -
  // (j - 1) on by j: an as-of join finds each row's j.
  const skipped = [
    ...[blankFile, continuationFile].filter((x) => x !== undefined).map(readLinesSql),
    'SELECT line::BIGINT AS line FROM csv_rejects',
  ].join(' UNION ALL ');
  await db.run(`CREATE OR REPLACE TEMP TABLE skip_thresholds AS
    SELECT line - ${base} - (j - 1) AS t, max(j) AS j
    FROM (SELECT line, row_number() OVER (ORDER BY line) AS j FROM (SELECT DISTINCT line FROM (${skipped})))
    GROUP BY 1`);
  await db.run(`CREATE TEMP VIEW raw AS SELECT r.rowid + ${base} + coalesce(s.j, 0) AS _line, ${cols}
    FROM scratch.raw_csv r ASOF LEFT JOIN skip_thresholds s ON r.rowid >= s.t${notTotal}`);
  // A totals row with fewer values than the header is one DuckDB rejected while parsing.
  return totals + (await dropTrailingTotalRejects(db, p.delimiter!));
}

/** 2. The file's decimal mark. */
export async function decideDecimal(f: FileLoad): Promise<DecimalMark> {
  const { db, contract, p, columnIndex, input } = f;
  // 2. Decimal mark: decided once per file from the numeric columns' text (docs/inbox.md).
  const numeric = contract.columns.filter(
    (c) => (c.kind === 'decimal' || c.kind === 'integer') && columnIndex.has(c.name),
  );
  const decimal: DecimalMark =
    p.kind === 'parquet'
      ? '.'
      : await detectDecimal(
          db,
          numeric.map((c) => quoteIdent(`v_${c.name}`)),
          'raw',
          p.delimiter!,
        );
  input.decimal = numeric.length > 0 ? decimal : null;

  return decimal;
}

/**
 * Whether a row is the header again (a second export pasted below the first). lower() over every value
 * is costly on a national extract; a byte-length test first (free: DuckDB stores it) leaves it to the
 * few values as long as the header. Only for an ASCII header, whose length no change of case alters.
 */
function headerAgainSql(f: FileLoad): string {
  const { contract, p, columnIndex } = f;
  const headerCols = contract.columns
    .filter((c) => columnIndex.has(c.name))
    .map((c) => ({
      v: quoteIdent(`v_${c.name}`),
      header: p.headers[columnIndex.get(c.name)!]!.replace(/^\uFEFF/, '').trim(),
    }));
  const repeat = headerCols.map(
    ({ v, header }) => `lower(coalesce(${v}, '')) = ${sqlString(header.toLowerCase())}`,
  );
  if (repeat.length === 0) return 'false';
  const ascii = headerCols.find(({ header }) => /^[\x20-\x7e]+$/.test(header));
  return ascii
    ? `CASE WHEN strlen(${ascii.v}) = ${Buffer.byteLength(ascii.header)} THEN ${repeat.join(' AND ')} ELSE false END`
    : `(${repeat.join(' AND ')})`;
}

/**
 * What a row's parsed values give: its date of birth, how many of its values had a CPR masked
 * (extracts/spec.ts masksCpr; a column that holds a CPR by design where cprWhen says so, a survey's
 * respondent, is keyed there, not masked), and the CPR of a cprWhen column where it holds one.
 */
function derivedSql(f: FileLoad, decimal: DecimalMark): string[] {
  const { contract } = f;
  const cprCol = contract.columns.find((c) => c.kind === 'cpr');
  const masked = contract.columns.filter(masksCpr).map((c) => {
    const v = quoteIdent(`v_${c.name}`);
    const stored = c.cprWhen ? maskTextSql(v) : quoteIdent(c.name);
    const when = c.cprWhen ? `NOT (${c.cprWhen}) AND ` : '';
    return `coalesce(${when}contains(${stored}, '******-**') AND NOT contains(${v}, '******-**'), false)::INTEGER`;
  });
  return [
    cprCol ? `${birthDateSql(quoteIdent(cprCol.name))} AS birth_date` : 'NULL::DATE AS birth_date',
    cprCol ? `${cprPaddedSql(quoteIdent(`v_${cprCol.name}`))} AS _cpr_padded` : '0 AS _cpr_padded',
    ...(masked.length ? [`(${masked.join(' + ')})::INTEGER AS _cpr_masked`] : []),
    ...contract.columns
      .filter((c) => c.cprWhen)
      .map((c) => {
        const digits = parseSql({ ...c, kind: 'cpr' }, quoteIdent(`v_${c.name}`), decimal);
        return `CASE WHEN (${c.cprWhen}) AND ${birthDateSql(digits)} IS NOT NULL THEN ${digits} END AS ${quoteIdent(`cpr_${c.name}`)}`;
      }),
  ];
}

/** 3. Every value parsed and every row flagged (`_bad`) in one pass: the view `parsed`. */
export async function parseRows(f: FileLoad, decimal: DecimalMark): Promise<void> {
  const { db, contract } = f;
  const raw = contract.columns.map((c) => quoteIdent(`v_${c.name}`));
  const typed = contract.columns.map(
    (c) => `${parseSql(c, quoteIdent(`v_${c.name}`), decimal)} AS ${quoteIdent(c.name)}`,
  );
  const allNull = raw.map((v) => `${v} IS NULL`).join(' AND ');
  // The rules are evaluated once per row for a flag; the violation records are built for bad rows only.
  const conditions = [
    ...contract.columns.flatMap((col) => columnChecks(col).map((ch) => ch.violatedWhen)),
    ...contract.rules.map((rule) => rule.violatedWhen),
  ];
  // The raw text is kept for the rows that break a rule (the quarantine shows it) and, for every row,
  // for the columns that other checks quote (the key's last column, the referenced column). The bad
  // rows' text goes into one list column: an in-memory table stores a NULL value in every row of every
  // column, and one list in place of five text columns saves much memory on a national extract. The
  // `parsed` view shows the text under the columns' own names again.
  const quoted = new Set([contract.key[contract.key.length - 1], contract.references?.columns.at(-1)]);
  const onlyWhenBad = contract.columns
    .filter((c) => !quoted.has(c.name))
    .map((c) => quoteIdent(`v_${c.name}`));
  await db.run('DROP TABLE IF EXISTS scratch.parsed_rows');
  await db.run(`CREATE TABLE scratch.parsed_rows AS
    SELECT * ${onlyWhenBad.length ? `EXCLUDE (${onlyWhenBad.join(', ')}), CASE WHEN _bad THEN [${onlyWhenBad.join(', ')}] END AS _bad_text` : ''} FROM (
    SELECT *, _empty OR _header_again ${conditions.map((c) => `OR coalesce(${c}, false)`).join(' ')} AS _bad FROM (
      SELECT *, ${derivedSql(f, decimal).join(', ')} FROM (
        SELECT _line, ${raw.join(', ')}, ${typed.join(', ')}, (${allNull}) AS _empty, ${headerAgainSql(f)} AS _header_again
        FROM raw)))`);
  await db.run('DROP VIEW raw; DROP TABLE IF EXISTS scratch.raw_csv;');
  await db.run(
    `CREATE TEMP VIEW parsed AS SELECT * ${
      onlyWhenBad.length
        ? `EXCLUDE (_bad_text), ${onlyWhenBad.map((v, i) => `_bad_text[${i + 1}] AS ${v}`).join(', ')}`
        : ''
    } FROM scratch.parsed_rows`,
  );
}

/** 4. The violations of the flagged rows and of the rows DuckDB could not split (scratch.violations). */
export async function recordViolations(f: FileLoad): Promise<void> {
  const { db, contract, p } = f;
  const width = p.headers.length;
  const checks = [
    ...contract.columns.flatMap((col) =>
      columnChecks(col).map(
        (ch) =>
          `CASE WHEN ${ch.violatedWhen} THEN ${violationSql(ch.column, ch.rule, ch.message, quarantineValueSql(col))} END`,
      ),
    ),
    ...contract.rules.map((rule) => {
      const col = contract.columns.find((c) => c.name === rule.column)!;
      const message = t(rule.message.key, rule.message.params);
      return `CASE WHEN coalesce(${rule.violatedWhen}, false) THEN ${violationSql(rule.column, rule.rule, message, quarantineValueSql(col))} END`;
    }),
  ];
  // 4. The violations, one row per (line, column, rule); a row with any violation is rejected.
  const violationList = `CASE
      WHEN _empty THEN [${violationSql('', 'empty_row', t('rule.empty_row'), "''")}]
      WHEN _header_again THEN [${violationSql('', 'repeated_header', t('rule.repeated_header'), "''")}]
      ELSE list_filter([${checks.join(',\n        ') || 'NULL'}], lambda x: x IS NOT NULL) END`;
  await db.run(`DROP TABLE IF EXISTS scratch.violations;
    CREATE TABLE scratch.violations AS
    SELECT _line AS line, v.column AS "column", v.rule AS rule, v.message AS message, v.value AS value
    FROM (SELECT _line, unnest(${violationList}) AS v FROM parsed WHERE _bad)`);
  if (contract.key.length > 0) await checkDuplicateKeys(db, contract);
  // Rows DuckDB could not split into the header's columns; internal column names become the file's.
  const headerName = `CASE column_name ${p.headers
    .map((h, i) => `WHEN 'c${i}' THEN ${sqlString(maskCprs(h.replace(/^\uFEFF/, '').trim()))}`)
    .join(' ')} ELSE coalesce(column_name, '') END`;
  await db.run(`INSERT INTO scratch.violations
    SELECT line, ${p.kind === 'csv' ? headerName : "coalesce(column_name, '')"},
      CASE error_type WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line_too_long' ELSE lower(replace(error_type, ' ', '_')) END,
      CASE error_type
        WHEN 'UNQUOTED VALUE' THEN ${sqlString(t('rule.unquoted_value'))}
        WHEN 'TOO MANY COLUMNS' THEN ${sqlString(t('rule.too_many_columns', { width }))}
        WHEN 'MISSING COLUMNS' THEN ${sqlString(t('rule.missing_columns', { width }))}
        WHEN 'LINE SIZE OVER MAXIMUM' THEN ${sqlString(t('rule.line_too_long', { max: bytes(p.maxLineBytes) }))}
        ELSE ${maskCprsSql('error_message')} END,
      left(${maskCprsSql('csv_line')}, 200)
    FROM csv_rejects`);
  // A column name DuckDB reports itself (a Parquet column) is the file's: masked like a header cell.
  await db.run(
    `UPDATE scratch.violations SET "column" = ${maskCprsSql('"column"')} WHERE regexp_matches("column", '[0-9]{6}')`,
  );
}

/** Characters trimmed from both ends of every value: space, tab, carriage return, no-break space. */
const TRIMMED = [' ', '\t', '\r', '\u00a0'];

/**
 * A value without the surrounding TRIMMED characters. trim() with a character set costs several times
 * a test of the value's ends, and almost no value needs it, so it runs only where an end may need it.
 * The start is tested by comparing strings byte by byte: below '!' is a value that starts with a space,
 * tab or carriage return (or any other byte up to 0x20); between U+00A0 and U+00A1 one that starts with
 * a no-break space. This costs a third less than a prefix LIKE per character.
 */
function trimmedSql(expr: string): string {
  const edges = [
    `${expr} < '!'`,
    `(${expr} >= '\u00a0' AND ${expr} < '\u00a1')`,
    ...TRIMMED.map((ch) => `ends_with(${expr}, '${ch}')`),
  ].join(' OR ');
  return `CASE WHEN ${edges} THEN trim(${expr}, '${TRIMMED.join('')}') ELSE ${expr} END`;
}

/**
 * A totals row's first cell, folded (Danish and English exports): `I alt`, `Total`, `Totalt`, `Sum`,
 * `Hovedtotal`.
 */
function isTotalsSql(cell: string): string {
  return `regexp_replace(lower(coalesce(${cell}, '')), '[^a-zæøå]', '', 'g') IN ('ialt', 'total', 'totalt', 'sum', 'hovedtotal')`;
}

/** How far from the end totals rows and blank rows are looked for. */
const TAIL_ROWS = 1000;

/** A row with no value in any of its `width` cells (Excel's `;;;;` rows below the data). */
function blankRowSql(width: number): string {
  return Array.from({ length: width }, (_, i) => `coalesce(trim(c${i}), '') = ''`).join(' AND ') || 'true';
}

/**
 * Marks the rows at the end of scratch.raw_csv that are skipped, in `totals_rows` (their rowids): the
 * last rows, after every data row, that are a totals row (first cell a totals word) or blank (Excel
 * writes `;;;;` below a sheet's data). A blank row between data rows is still an `empty_row`. Only the
 * file's last rows are read. Returns how many there are.
 */
async function markTrailingTotals(db: Db, width: number): Promise<number> {
  await db.run(`CREATE OR REPLACE TEMP TABLE totals_rows AS
    WITH tail AS (
      SELECT rowid AS r, ${isTotalsSql('c0')} OR (${blankRowSql(width)}) AS t FROM scratch.raw_csv
      WHERE rowid >= (SELECT count(*) FROM scratch.raw_csv) - ${TAIL_ROWS})
    SELECT r FROM tail WHERE t AND r > coalesce((SELECT max(r) FROM tail WHERE NOT t), -1)`);
  return (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM totals_rows')).n;
}

/**
 * Removes totals rows and blank rows that DuckDB rejected (too few values) below the last data row;
 * returns how many.
 */
async function dropTrailingTotalRejects(db: Db, delimiter: Delimiter): Promise<number> {
  const line = 'ltrim(csv_line, chr(10) || chr(13))';
  const first = `split_part(${line}, ${sqlString(delimiter)}, 1)`;
  const skippable = `(${isTotalsSql(first)} OR regexp_replace(${line}, '[\\s"' || ${sqlString(delimiter)} || ']', '', 'g') = '')`;
  const candidates = (
    await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM csv_rejects WHERE ${skippable}`)
  ).n;
  if (candidates === 0) return 0;
  await db.run(`CREATE OR REPLACE TEMP TABLE totals_rejects AS
    SELECT DISTINCT line FROM csv_rejects
    WHERE ${skippable} AND line > (SELECT coalesce(max(_line), 0) FROM raw)
      AND line > (SELECT coalesce(max(line), 0) FROM csv_rejects WHERE NOT ${skippable})`);
  await db.run('DELETE FROM csv_rejects WHERE line IN (SELECT line FROM totals_rejects)');
  return (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM totals_rejects')).n;
}

/** Writes line numbers, one per line, to a file in the work folder; undefined when there are none. */
async function linesFile(workDir: string, name: string, lines: number[]): Promise<string | undefined> {
  if (lines.length === 0) return undefined;
  const path = join(workDir, `${name}.lines`);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

function readLinesSql(path: string): string {
  return `SELECT line FROM read_csv(${sqlString(path)}, header = false, auto_detect = false, columns = {'line': 'BIGINT'})`;
}

/**
 * Rewrites csv_rejects.line from DuckDB's record number to the physical line. The j-th continuation line
 * (1-based, on physical line c) belongs to the row DuckDB numbers c - j; a row DuckDB numbers L sits
 * below every continuation line whose row is numbered below L.
 */
async function physicalRejectLines(db: Db, continuationFile: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE csv_rejects_physical AS
      WITH c AS (SELECT line - row_number() OVER (ORDER BY line) AS record, row_number() OVER (ORDER BY line) AS k
                 FROM (${readLinesSql(continuationFile)})),
      below AS (SELECT record, max(k) AS k FROM c GROUP BY record)
      SELECT r.* REPLACE (r.line + coalesce(b.k, 0) AS line)
      FROM csv_rejects r ASOF LEFT JOIN below b ON r.line > b.record;
    DROP TABLE csv_rejects;
    ALTER TABLE csv_rejects_physical RENAME TO csv_rejects`);
}

/** A key twice in one file is an error in the delivery: the first row loads, later ones are rejected. */
async function checkDuplicateKeys(db: Db, contract: ExtractSpec): Promise<void> {
  const keyCols = contract.key.map((k) => quoteIdent(k));
  const keyCol = contract.columns.find((c) => c.name === contract.key[contract.key.length - 1])!;
  // A GROUP BY finds the (usually no) duplicated keys; only their rows are looked at again.
  await db.run(`INSERT INTO scratch.violations
    SELECT p._line, ${sqlString(contract.key.join('+'))}, 'duplicate_key',
      replace(${sqlString(t('rule.duplicate_key', { key: contract.key.join(', ') }))}, '{line}', d.first_line::VARCHAR),
      ${quarantineValueSql(keyCol).replace(/"v_/g, 'p."v_')}
    FROM parsed p
    JOIN (SELECT ${keyCols.join(', ')}, min(_line) AS first_line FROM parsed WHERE NOT _bad
          GROUP BY ALL HAVING count(*) > 1) d USING (${keyCols.join(', ')})
    WHERE NOT p._bad AND p._line <> d.first_line`);
}

/** Rows must match a row of the referenced extract from a file that is still delivered. */
export async function checkReferences(db: Db, contract: ExtractSpec): Promise<void> {
  const ref = contract.references!;
  const cols = ref.columns.map(quoteIdent);
  const col = contract.columns.find((c) => c.name === ref.columns[ref.columns.length - 1])!;
  await db.run(`INSERT INTO scratch.violations
    SELECT f._line, ${sqlString(ref.columns.join('+'))}, 'no_matching_${ref.extract}',
      ${sqlString(t('rule.no_matching', { extract: ref.extract, columns: ref.columns.join(', ') }))}, ${quarantineValueSql(col)}
    FROM scratch.final f JOIN parsed p USING (_line)
    WHERE NOT EXISTS (SELECT 1 FROM ingest.${ref.extract} r JOIN ingest.files rf ON rf.file_id = r._file_id
      WHERE ${cols.map((c) => `r.${c} = f.${c}`).join(' AND ')})`);
}

/** `values`: the numeric columns' text in `source` (the raw view). */
async function detectDecimal(
  db: Db,
  values: string[],
  source: string,
  delimiter: Delimiter,
): Promise<DecimalMark> {
  if (values.length === 0) return delimiter === ';' ? ',' : '.';
  // Over the distinct values with their counts: the patterns then run on thousands of values, not
  // millions.
  const e = await db.one<{ comma: number; point: number; dotted: number }>(`SELECT
      coalesce(sum(n) FILTER (WHERE v LIKE '%,%' AND NOT regexp_full_match(v, '-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?')), 0)::BIGINT AS comma,
      coalesce(sum(n) FILTER (WHERE regexp_full_match(v, '-?[0-9]*\\.[0-9]+') AND NOT regexp_full_match(v, '-?[0-9]{1,3}(\\.[0-9]{3})+')), 0)::BIGINT AS point,
      coalesce(sum(n) FILTER (WHERE regexp_full_match(v, '-?[0-9]{1,3}(\\.[0-9]{3})+')), 0)::BIGINT AS dotted
    FROM (SELECT v, count(*) AS n FROM (SELECT unnest([${values.join(', ')}]) AS v FROM ${source}) WHERE v IS NOT NULL GROUP BY v)`);
  if (e.comma > 0 || e.point > 0) return e.comma >= e.point ? ',' : '.';
  if (e.dotted > 0) return delimiter === ',' ? '.' : ',';
  return delimiter === ';' ? ',' : '.';
}
