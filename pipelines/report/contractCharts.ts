/**
 * Contract charts for finance (restricted/charts/): exact figures, so they never go to public/. Every
 * line style is in the legend; months read as in every other chart (maj 2027).
 */
import type { DsiContractJson, GrantContractJson } from '../../schemas/outputs.ts';
import { formatPercent, formatValue } from '../core/describe.ts';
import { baseConfig, lineStyles, periodAxis, periodLabel, type VegaLiteSpec, yAxis } from '../core/vega.ts';
import { t } from '../i18n/index.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The contract's name without the parenthesis (the counterpart). */
const shortTitle = (title: string) => title.split(' (')[0]!;

/** Ungeløftet: the monthly share against the requirement lines; the counted months are shaded. */
export function grantChartSpec(c: GrantContractJson): VegaLiteSpec {
  const months = c.months;
  const counted = months.filter((m) => m.counted);
  const x = periodAxis('month', months.length);
  const style = lineStyles(['chart.line.series', 'chart.line.requirement']);
  return {
    $schema: SCHEMA,
    title: {
      text: t('chart.grant.title', { title: shortTitle(c.title) }),
      subtitle: [
        t('chart.grant.counted', {
          from: counted[0] ? periodLabel(counted[0].month) : '–',
          to: counted.at(-1) ? periodLabel(counted.at(-1)!.month) : '–',
        }),
      ],
    },
    width: 720,
    height: 300,
    config: baseConfig(),
    layer: [
      {
        data: { values: counted },
        mark: { type: 'bar', color: '#e8f0f8', width: { band: 1 } },
        encoding: { x, y: { datum: 1, type: 'quantitative' } },
      },
      {
        data: { values: months },
        mark: {
          type: 'line',
          strokeWidth: 2.5,
          color: '#1f4e79',
          point: { filled: true, size: 30 },
          invalid: 'break-paths-show-domains',
        },
        encoding: {
          x,
          y: {
            field: 'share',
            type: 'quantitative',
            title: t('chart.axis.share'),
            axis: yAxis('share'),
            scale: { domain: [0, 1] },
          },
          ...style('chart.line.series'),
        },
      },
      {
        data: {
          values: c.requirements.map((r) => ({
            threshold: r.threshold,
            text: `${r.id}: ${formatPercent(r.threshold)}`,
          })),
        },
        layer: [
          {
            mark: { type: 'rule', color: '#c62828' },
            encoding: { y: { field: 'threshold', type: 'quantitative' }, ...style('chart.line.requirement') },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: -6, fontSize: 10, color: '#c62828' },
            encoding: {
              y: { field: 'threshold', type: 'quantitative' },
              x: { value: 0 },
              text: { field: 'text' },
            },
          },
        ],
      },
    ],
  };
}

/** Jobfokus: the share per measurement against the baseline and the business case; payments against the cap. */
export function dsiChartSpec(c: DsiContractJson): VegaLiteSpec {
  const provisional = t('measurement.provisional');
  const final = t('measurement.final');
  const rows = c.measurements.map((m) => ({ ...m, status: m.status === 'final' ? final : provisional }));
  const x = periodAxis('period', rows.length);
  const shares = lineStyles(['chart.line.series', 'chart.line.expected', 'chart.line.baseline']);
  const money = lineStyles(['chart.line.cap']);
  return {
    $schema: SCHEMA,
    title: { text: t('chart.dsi.title', { title: shortTitle(c.title) }) },
    config: baseConfig(),
    data: { values: rows },
    vconcat: [
      {
        width: 640,
        height: 220,
        layer: [
          {
            mark: { type: 'line', strokeWidth: 2.5, color: '#1f4e79', point: { filled: true, size: 50 } },
            encoding: {
              x,
              y: { field: 'share', type: 'quantitative', title: t('chart.dsi.share'), axis: yAxis('share') },
              ...shares('chart.line.series'),
            },
          },
          {
            mark: { type: 'line', color: '#555' },
            encoding: {
              x,
              y: { field: 'expectedShare', type: 'quantitative' },
              ...shares('chart.line.expected'),
            },
          },
          {
            mark: { type: 'line', color: '#888' },
            encoding: {
              x,
              y: { field: 'baselineShare', type: 'quantitative' },
              ...shares('chart.line.baseline'),
            },
          },
        ],
      },
      {
        width: 640,
        height: 220,
        layer: [
          {
            mark: { type: 'bar', color: '#1f4e79' },
            encoding: {
              x,
              y: {
                field: 'cumulative',
                type: 'quantitative',
                title: t('chart.dsi.paid'),
                axis: { format: ',.0f' },
              },
              opacity: {
                field: 'status',
                type: 'nominal',
                title: t('chart.dsi.measurement'),
                scale: { domain: [final, provisional], range: [1, 0.45] },
              },
            },
          },
          {
            data: {
              values: [
                { cap: c.totals.cap, text: t('chart.dsi.cap', { cap: formatValue('dkk', c.totals.cap) }) },
              ],
            },
            layer: [
              {
                mark: { type: 'rule', color: '#c62828' },
                encoding: { y: { field: 'cap', type: 'quantitative' }, ...money('chart.line.cap') },
              },
              {
                mark: { type: 'text', align: 'left', dy: -6, color: '#c62828', fontSize: 10 },
                encoding: {
                  y: { field: 'cap', type: 'quantitative' },
                  x: { value: 0 },
                  text: { field: 'text' },
                },
              },
            ],
          },
        ],
      },
    ],
    resolve: { scale: { strokeDash: 'independent' } },
  };
}
