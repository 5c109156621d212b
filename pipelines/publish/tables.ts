/**
 * public/kpis.parquet, kpis.arrow and kpis.csv (docs/outputs.md): the published kpis.json in long format,
 * one row per KPI × municipality × period (× breakdown), with the same (disclosure-controlled) values.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KpisJson } from '../../schemas/outputs.ts';
import { neutralise } from '../core/csv.ts';
import { memberLabel, statusWord } from '../core/describe.ts';
import { sqlString } from '../core/sql.ts';
import { Db } from '../duckdb.ts';
import { t } from '../i18n/index.ts';

/** The documented columns, in order, with their types. */
export const LONG_COLUMNS = {
  run_id: 'VARCHAR',
  as_of: 'DATE',
  kpi_id: 'VARCHAR',
  title: 'VARCHAR',
  unit: 'VARCHAR',
  grain: 'VARCHAR',
  direction: 'VARCHAR',
  municipality: 'VARCHAR',
  period: 'VARCHAR',
  breakdown_dimension: 'VARCHAR',
  breakdown_value: 'VARCHAR',
  /** The breakdown member as readers read it (fremmoede: "Fremmøde"), in the run's language. */
  breakdown_label: 'VARCHAR',
  value: 'DOUBLE',
  target: 'DOUBLE',
  numerator: 'DOUBLE',
  denominator: 'DOUBLE',
  persons: 'DOUBLE',
  status: 'VARCHAR',
  suppressed: 'BOOLEAN',
  baseline_period: 'VARCHAR',
  baseline_value: 'DOUBLE',
  /** The KPI was held back: these are its previous publication's figures (kpis.json says why). */
  held_back: 'BOOLEAN',
} as const;
type Column = keyof typeof LONG_COLUMNS;
export type LongRow = Record<Column, string | number | boolean | null>;

export function longRows(kpis: KpisJson): LongRow[] {
  return kpis.kpis.flatMap((k) =>
    k.series.map((p) => {
      const [dimension, member] = Object.entries(p.breakdown ?? {})[0] ?? [null, null];
      return {
        run_id: kpis.runId,
        as_of: kpis.asOf,
        kpi_id: k.id,
        title: k.title,
        unit: k.unit,
        grain: k.grain,
        direction: k.direction,
        municipality: k.municipality,
        period: p.period,
        breakdown_dimension: dimension,
        breakdown_value: member,
        breakdown_label: dimension && member ? memberLabel(dimension, member) : null,
        value: p.value,
        target: p.target,
        numerator: p.numerator,
        denominator: p.denominator,
        persons: p.persons ?? null,
        status: p.status,
        suppressed: p.suppressed,
        baseline_period: k.baseline?.period ?? null,
        baseline_value: k.baseline?.value ?? null,
        held_back: k.heldBack !== undefined,
      };
    }),
  );
}

export async function writeParquet(rows: LongRow[], dir: string, workDir: string): Promise<void> {
  const ndjson = join(workDir, 'kpis.ndjson');
  await writeFile(ndjson, rows.map((r) => JSON.stringify(r)).join('\n'), 'utf8');
  const db = await Db.open(':memory:');
  try {
    const cols = Object.entries(LONG_COLUMNS)
      .map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`)
      .join(', ');
    const source = rows.length
      ? `read_json(${sqlString(ndjson)}, format = 'newline_delimited', columns = {${cols}})`
      : `(SELECT ${Object.entries(LONG_COLUMNS)
          .map(([c, t]) => `NULL::${t} AS ${c}`)
          .join(', ')} WHERE false)`;
    await db.run(
      `COPY (SELECT * FROM ${source}) TO ${sqlString(join(dir, 'kpis.parquet'))} (FORMAT parquet)`,
    );
  } finally {
    db.close();
  }
}

export async function writeArrow(rows: LongRow[], dir: string): Promise<void> {
  const { Bool, DateDay, Float64, Table, tableToIPC, Utf8, vectorFromArray } = await import('apache-arrow');
  const column = (c: Column, t: string) => {
    const values = rows.map((r) => r[c]);
    if (t === 'DOUBLE') return vectorFromArray(values as (number | null)[], new Float64());
    if (t === 'BOOLEAN') return vectorFromArray(values as (boolean | null)[], new Bool());
    // A date is a date in Arrow as in Parquet (days since 1970-01-01), not text.
    if (t === 'DATE')
      return vectorFromArray(
        values.map((v) => (v === null ? null : new Date(`${String(v)}T00:00:00Z`))),
        new DateDay(),
      );
    return vectorFromArray(values as (string | null)[], new Utf8());
  };
  const table = new Table(
    Object.fromEntries(Object.entries(LONG_COLUMNS).map(([c, t]) => [c, column(c as Column, t)])),
  );
  await writeFile(join(dir, 'kpis.arrow'), tableToIPC(table, 'file'));
}

/**
 * Danish Excel: ';' separator, decimal comma, UTF-8 with BOM, CRLF. People read it, so the status is
 * the word ("På sporet") and yes/no are "ja"/"nej" (in the run's language); Parquet and Arrow keep the
 * codes for BI tools.
 */
export async function writeCsv(rows: LongRow[], dir: string, name = 'kpis.csv'): Promise<void> {
  const field = (v: string | number | boolean | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    if (typeof v === 'boolean') return t(v ? 'word.yes' : 'word.no');
    const safe = neutralise(v);
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = Object.keys(LONG_COLUMNS).join(';');
  const lines = rows.map((r) =>
    Object.keys(LONG_COLUMNS)
      .map((c) =>
        field(c === 'status' ? statusWord(r.status === null ? null : String(r.status)) : r[c as Column]),
      )
      .join(';'),
  );
  await writeFile(join(dir, name), `\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}
