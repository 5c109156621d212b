/**
 * Jobfokus for finance, in words (the finance report): who counts, what a success is, the prices and
 * how they were calibrated, the cap and the calendar; and the projection as tables and a chart.
 */
import type { DsiContract } from '../../../schemas/contracts.ts';
import type { DsiContractJson } from '../../../schemas/outputs.ts';
import { formatPercent, formatValue } from '../../core/describe.ts';
import {
  baseConfig,
  periodAxis,
  periodLabel,
  shortTitle,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from '../../core/vega.ts';
import { num, t } from '../../i18n/index.ts';
import type { ReportTable } from '../kind.ts';
import { expectedShare, halfYears } from './prices.ts';

const kr = (v: number) => formatValue('dkk', v);

export function dsiExplain(r: DsiContractJson, c?: DsiContract): string[] {
  const out: string[] = [];
  if (c) {
    const bc = c.businessCase;
    const periods = halfYears(c.measurements.first, c.measurements.last);
    const excess = periods.reduce(
      (s, p) => s + ((expectedShare(c, p) ?? 0) - c.baselineShare) * bc.plannedPopulation,
      0,
    );
    out.push(
      t('finance.dsi.who', { programme: c.programme, months: c.startupMonths }),
      t('finance.dsi.success', { hours: c.successMinHours, baseline: formatPercent(c.baselineShare) }),
      t('finance.dsi.prices', {
        price1: kr(r.prices.goal1PerExcessSuccess),
        share1: formatPercent(bc.goal1Share),
        repayment: kr(bc.expectedRepayment),
        excess: num(excess),
        population: bc.plannedPopulation,
        price2: kr(r.prices.goal2PerSuccess),
        share2: formatPercent(bc.goal2Share),
        rate: formatPercent(bc.goal2ExpectedRate),
        months: c.goal2.minMonthsBetween,
      }),
      t('finance.dsi.cap', {
        cap: kr(c.cap),
        first: periodLabel(c.measurements.first),
        last: periodLabel(c.measurements.last),
      }),
    );
    // Each rule with where it was decided (the contract's `source`: the minutes' item).
    if (c.source) {
      const cite = t('finance.source', { source: c.source });
      for (let i = 0; i < out.length; i++) out[i] += cite;
    }
    if (r.measurements.length === 0)
      out.push(t('finance.dsi.noMeasurement', { first: periodLabel(c.measurements.first) }));
  } else if (r.measurements.length === 0) {
    out.push(t('finance.noMeasurementYet'));
  }
  if (r.measurements.some((m) => m.status === 'final')) out.push(footing(r));
  return out;
}

/**
 * The footnote on øre footing (the rounding rule, docs/contracts.md): each row is rounded on its own,
 * the totals from the exact amounts; where a column's rows add up otherwise than its total, it says so.
 */
function footing(r: DsiContractJson): string {
  const finals = r.measurements.filter((m) => m.status === 'final');
  const inOre = (v: number) => Math.round(v * 100);
  const columns = [
    ['goal1', t('report.col.goal1'), finals.reduce((s, m) => s + inOre(m.goal1Payment), 0), r.totals.goal1],
    ['goal2', t('report.col.goal2'), finals.reduce((s, m) => s + inOre(m.goal2Payment), 0), r.totals.goal2],
  ] as const;
  const off = columns.filter(([, , sum, total]) => sum !== inOre(total));
  return (
    t('finance.dsi.footing') +
    off
      .map(([, column, sum, total]) =>
        t('finance.dsi.footingHere', { column, sum: kr(sum / 100), total: kr(total) }),
      )
      .join('')
  );
}

export function dsiProjectionTables(r: DsiContractJson): ReportTable[] {
  const p = r.projection;
  if (!p) return [];
  const summary: ReportTable = {
    caption: p.basedOn
      ? t('finance.projection.caption', { booked: kr(p.booked), basedOn: periodLabel(p.basedOn) })
      : t('finance.projection.captionNoTrajectory', { booked: kr(p.booked) }),
    rows: p.scenarios.map((s) => ({
      [t('finance.projection.scenario')]: t(`projection.name.${s.id}`),
      [t('workbook.projection.expected')]: kr(s.expectedRepayment),
      [t('workbook.projection.against')]: formatPercent(s.againstBusinessCase),
      [t('workbook.projection.capBindsIn')]: s.capBindsIn ? periodLabel(s.capBindsIn) : '–',
    })),
  };
  // What each scenario assumes, in words, and the provisional measurement that is not its basis.
  const assumptions: ReportTable = {
    caption: t('finance.projection.assumptions'),
    rows: [
      ...p.scenarios.flatMap((s) =>
        s.assumptions.map((a) => ({
          [t('finance.projection.scenario')]: t(`projection.name.${s.id}`),
          [t('finance.projection.assumption')]: a,
        })),
      ),
      ...(p.provisional
        ? [
            {
              [t('finance.projection.scenario')]: t('projection.name.current_trajectory'),
              [t('finance.projection.assumption')]: t('projection.provisional', {
                period: periodLabel(p.provisional.period),
                share: formatPercent(p.provisional.share),
                successes: num(p.provisional.successes),
                population: num(p.provisional.population),
              }),
            },
          ]
        : []),
    ],
  };
  return [summary, assumptions];
}

/** The cumulative repayment: booked by the final measurements, then each scenario, against the cap. */
export function dsiProjectionChart(r: DsiContractJson): VegaLiteSpec | undefined {
  const p = r.projection;
  if (!p || p.scenarios.every((s) => s.measurements.length === 0)) return undefined;
  const booked = t('finance.projection.bookedLine');
  const rows = [
    ...r.measurements
      .filter((m) => m.status === 'final')
      .map((m) => ({ period: m.period, amount: m.cumulative, series: booked })),
    ...p.scenarios.flatMap((s) => {
      const name = t(`projection.name.${s.id}`);
      const last = r.measurements.filter((m) => m.status === 'final').at(-1);
      const start = last ? [{ period: last.period, amount: last.cumulative, series: name }] : [];
      return [
        ...start,
        ...s.measurements.map((m) => ({
          period: m.period,
          amount: Math.min(m.cumulativeBeforeCap, r.totals.cap),
          series: name,
        })),
      ];
    }),
  ];
  const x = periodAxis('period', new Set(rows.map((row) => row.period)).size);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: t('finance.projection.chartTitle', { title: shortTitle(r.title) }) },
    config: baseConfig(),
    width: 640,
    height: 240,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: { filled: true, size: 40 } },
        encoding: {
          x,
          y: { field: 'amount', type: 'quantitative', title: t('chart.dsi.paid'), axis: { format: ',.0f' } },
          color: { field: 'series', type: 'nominal', title: null },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: {
              domain: [booked, t('projection.name.business_case'), t('projection.name.current_trajectory')],
              range: [
                [1, 0],
                [6, 4],
                [2, 3],
              ],
            },
          },
        },
      },
      {
        data: { values: [{ cap: r.totals.cap }] },
        mark: { type: 'rule', color: '#c62828' },
        encoding: { y: { field: 'cap', type: 'quantitative' } },
      },
    ],
  };
}

/** jobfokus: bogført 1.457.641,03 kr.; foreløbig måling 1. halvår 2028; fremskrevet 11.564.179,49 kr. (…). */
export function dsiSummary(r: DsiContractJson): string {
  const provisional = r.measurements.find((m) => m.status === 'provisional');
  const projected =
    r.projection?.scenarios.find((s) => s.id === 'current_trajectory') ?? r.projection?.scenarios[0];
  return t('summary.dsi', {
    id: r.id,
    booked: kr(r.totals.repayment),
    finals: r.measurements.filter((m) => m.status === 'final').length,
    provisional: provisional
      ? t('summary.dsiProvisional', {
          period: periodLabel(provisional.period),
          amount: kr(provisional.payment),
        })
      : '',
    projected: projected
      ? t('summary.projected', {
          amount: kr(projected.expectedRepayment),
          scenario: t(`projection.name.${projected.id}`),
        })
      : '',
  });
}
