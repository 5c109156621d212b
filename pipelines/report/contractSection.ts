/**
 * The standard section of a contract in a restricted report (docs/outputs.md, the `contracts` block):
 * its title, the money as finance reads it, and its chart, for every configured contract whatever its
 * id, so the built-in finance report fits any municipality's contracts.
 */
import { DsiContractJson, GrantContractJson, HeldBack } from '../../schemas/outputs.ts';
import { quoteIdent } from '../core/sql.ts';
import type { VegaLiteSpec } from '../core/vega.ts';
import type { Db } from '../duckdb.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import { dsiChartSpec, grantChartSpec } from './contractCharts.ts';

/** `expression AS "label"`, the label from the catalogue. */
const col = (expression: string, label: string) =>
  `${expression} AS ${quoteIdent(t(`report.col.${label}` as MessageKey))}`;

/** The queries of a contract's tables (openReportDb makes `<id>_<part>`), in the report's language. */
export function contractQueries(id: string, kind: 'dsi' | 'grant'): string[] {
  const table = (part: string) => quoteIdent(`${id}_${part}`);
  if (kind === 'dsi') {
    return [
      `SELECT ${[
        col('kr(goal1)', 'goal1'),
        col('kr(goal2)', 'goal2'),
        col('kr(repayment)', 'repayment'),
        col('kr(cap)', 'cap'),
        col(`coalesce(CAST("capReachedIn" AS VARCHAR), '–')`, 'capReachedIn'),
        col('kr("expectedRepayment")', 'expectedRepayment'),
      ].join(', ')} FROM ${table('totals')}`,
      `SELECT ${[
        col('period', 'measurement'),
        col('measurement_da(status)', 'status'),
        col('"measuredPopulation"', 'measured'),
        col('successes', 'successes'),
        col('pct(share)', 'share'),
        col('excess', 'excess'),
        col('kr("goal1Payment")', 'goal1'),
        col('"goal2Successes"', 'goal2Successes'),
        col('kr("goal2Payment")', 'goal2'),
        col('kr(payment)', 'booked'),
        col('kr(cumulative)', 'cumulative'),
        col(
          `CASE WHEN "capApplied" THEN ${sqlWord('word.yes')} ELSE ${sqlWord('word.no')} END`,
          'capApplied',
        ),
      ].join(', ')} FROM ${table('measurements')} ORDER BY period`,
    ];
  }
  return [
    `SELECT ${[
      col('kr(rate1)', 'rate1'),
      col('kr(released)', 'released'),
      col('kr(withheld)', 'withheld'),
      col('kr(total)', 'total'),
    ].join(', ')} FROM ${table('payout')}`,
    `SELECT ${[
      col('id', 'requirement'),
      col('pct(threshold)', 'threshold'),
      col('requirement_da(status)', 'status'),
      col(`coalesce(period_label("firstMonthMet"), '–')`, 'firstMonthMet'),
      col('pct("bestShare")', 'bestShare'),
      col(`coalesce(period_label("bestMonth"), '–')`, 'bestMonth'),
      col('kr(amount)', 'amount'),
    ].join(', ')} FROM ${table('requirements')}`,
  ];
}

const sqlWord = (key: MessageKey) => `'${t(key).replace(/'/g, "''")}'`;

export interface SectionParts {
  title: string;
  /** Held back: why, and the files behind it. */
  heldBack?: HeldBack;
  /** No figures at all (held back before it was ever published). */
  empty: boolean;
  queries: string[];
  chart?: VegaLiteSpec;
}

/** What a contract's section shows, from its published JSON. */
export function contractSection(id: string, json: Record<string, unknown>): SectionParts {
  const heldBack = json.heldBack ? HeldBack.parse(json.heldBack) : undefined;
  const title = String(json.title ?? id);
  if ('measurements' in json) {
    const c = DsiContractJson.parse(json);
    return { title, heldBack, empty: false, queries: contractQueries(id, 'dsi'), chart: dsiChartSpec(c) };
  }
  if ('months' in json) {
    const c = GrantContractJson.parse(json);
    return { title, heldBack, empty: false, queries: contractQueries(id, 'grant'), chart: grantChartSpec(c) };
  }
  return { title, heldBack, empty: true, queries: [] };
}

/** Runs the section's queries in the report database. */
export async function sectionRows(db: Db, s: SectionParts): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = [];
  for (const q of s.queries) out.push(await db.all(q));
  return out;
}
