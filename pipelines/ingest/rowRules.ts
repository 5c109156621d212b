/**
 * The rules a row is checked by that come from the run, not from the extract's contract
 * (docs/inbox.md; the spec's "one municipality per publication" and "the clock"):
 * - `other_municipality`: a row whose kommunekode is not a municipality the configuration publishes
 *   (`municipality`, or `municipalities` to opt in to several) is another municipality's citizen data;
 *   it is quarantined, never published under this municipality's headings. The ranking list is every
 *   municipality's by design and is not checked.
 * - `future_date`: a row of an observed month (the extracts whose months open a period,
 *   marts/03_data_months.sql) dated after the as-of month cannot have been delivered yet; loaded, it
 *   would open a new period.
 * A file an earlier run loaded is kept only while these rules would judge it the same (stillHolds).
 */
import type { RowRule } from '../../schemas/extracts.ts';
import type { InputFile, Warning } from '../../schemas/outputs.ts';
import { municipalityName } from '../core/municipalities.ts';
import { sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import type { ExtractSpec } from '../extracts/parse.ts';
import { list, plural, t } from '../i18n/index.ts';
import type { FileStats } from './registry.ts';

export interface RunRowRules {
  /** The kommunekoder this publication is for. */
  municipalities: string[];
  /** The as-of month, YYYY-MM. */
  asOfMonth: string;
}

/** The column that dates a row of an observed month, per extract (the months marts.data_months counts). */
const DATED: Record<string, string> = {
  employment: 'month',
  neet: 'month',
  occupancy: 'month',
  cafe: 'date',
};

/** The first day after the as-of month: a row dated on or after it is from the future. */
export function afterAsOf(asOfMonth: string): string {
  const [y, m] = asOfMonth.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function datedColumn(spec: ExtractSpec): string | undefined {
  return DATED[spec.extract];
}

/** The extract's contract with the run's rules added. */
export function withRunRules(spec: ExtractSpec, rules: RunRowRules | undefined): ExtractSpec {
  if (!rules) return spec;
  const added: RowRule[] = [];
  if (spec.extract !== 'rangliste' && spec.columns.some((c) => c.name === 'municipality')) {
    added.push({
      rule: 'other_municipality',
      column: 'municipality',
      violatedWhen: `municipality NOT IN (${rules.municipalities.map(sqlString).join(', ')})`,
      message: { key: 'rule.other_municipality', params: { allowed: list(rules.municipalities) } },
    });
  }
  const dated = datedColumn(spec);
  if (dated) {
    added.push({
      rule: 'future_date',
      column: dated,
      violatedWhen: `${dated} >= DATE '${afterAsOf(rules.asOfMonth)}'`,
      message: { key: 'rule.future_date', params: { asOf: rules.asOfMonth } },
    });
  }
  return added.length ? { ...spec, rules: [...spec.rules, ...added] } : spec;
}

/** The run's rules' counts on the file's manifest entry, from its quarantine counts by rule. */
export function countRunRules(input: InputFile, rules: Record<string, number>): void {
  if (rules.other_municipality) input.otherMunicipality = rules.other_municipality;
  if (rules.future_date) input.futureDate = rules.future_date;
}

/**
 * One warning per file and rule, naming the file and, for another municipality's rows, each code with
 * its name. `violations` is the quarantine records' source: this run's, or an earlier run's kept file's.
 */
export async function runRuleWarnings(db: Db, violations: string, input: InputFile): Promise<Warning[]> {
  const warnings: Warning[] = [];
  const at = { extract: input.extract, file: input.file };
  if (input.otherMunicipality) {
    const codes = await db.all<{ value: string; n: number }>(
      `SELECT value, count(*)::INTEGER AS n FROM ${violations} WHERE rule = 'other_municipality' GROUP BY value ORDER BY n DESC, value`,
    );
    const named = codes.map((c) => `${c.value} ${municipalityName(c.value) ?? t('municipality.unknown')}`);
    warnings.push({
      code: 'other_municipality',
      message: t('warn.otherMunicipality', {
        file: input.file,
        rows: plural(input.otherMunicipality, 'row'),
        codes: list(named),
      }),
      ...at,
    });
  }
  if (input.futureDate) {
    warnings.push({
      code: 'future_date',
      message: t('warn.futureDate', { file: input.file, rows: plural(input.futureDate, 'row') }),
      ...at,
    });
  }
  return warnings;
}

/**
 * Whether an earlier run's judgement of a kept file still holds under this run's as-of month: always
 * when the month is the same; otherwise only when none of its rows was, or now is, in the future.
 */
export function stillHolds(stats: FileStats, rules: RunRowRules | undefined): boolean {
  if (!rules || stats.asOfMonth === undefined || stats.asOfMonth === rules.asOfMonth) return true;
  if (stats.input.futureDate) return false;
  return (
    stats.maxDated === undefined || stats.maxDated === null || stats.maxDated < afterAsOf(rules.asOfMonth)
  );
}

/** What stillHolds needs to know of a file parsed now: the as-of month and its latest dated row. */
export async function datedStats(
  db: Db,
  spec: ExtractSpec,
  rules: RunRowRules | undefined,
): Promise<Pick<FileStats, 'asOfMonth' | 'maxDated'>> {
  const dated = datedColumn(spec);
  if (!rules || !dated) return {};
  const r = await db.one<{ max: string | null }>(`SELECT max("${dated}")::VARCHAR AS max FROM parsed`);
  return { asOfMonth: rules.asOfMonth, maxDated: r.max };
}
