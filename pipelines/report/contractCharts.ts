/**
 * Contract charts for finance (restricted/charts/): exact figures, so they never go to public/.
 */
import type { DsiContractJson, GrantContractJson } from '../../schemas/outputs.ts';
import { baseConfig, periodAxis, type VegaLiteSpec, yAxis } from './charts.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Ungeløftet: the monthly share against the requirement lines; the counted months are shaded. */
export function grantChartSpec(c: GrantContractJson): VegaLiteSpec {
  const months = c.months;
  const counted = months.filter((m) => m.counted);
  const x = periodAxis('month', months.length);
  return {
    $schema: SCHEMA,
    title: {
      text: `${c.title.split(' (')[0]}: andel i beskæftigelse eller uddannelse`,
      subtitle: [
        `Tællende måneder (skraveret): ${counted[0]?.month ?? '–'} til ${counted[counted.length - 1]?.month ?? '–'}`,
        'Vandrette linjer: resultatkravene',
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
            title: 'Andel',
            axis: yAxis('share'),
            scale: { domain: [0, 1] },
          },
        },
      },
      {
        data: {
          values: c.requirements.map((r) => ({
            threshold: r.threshold,
            text: `${r.id}: ${Math.round(r.threshold * 100)} %`,
          })),
        },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [6, 4], color: '#c62828' },
            encoding: { y: { field: 'threshold', type: 'quantitative' } },
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
  const rows = c.measurements.map((m) => ({ ...m, status: m.status === 'final' ? 'Endelig' : 'Foreløbig' }));
  const x = periodAxis('period', rows.length);
  return {
    $schema: SCHEMA,
    title: {
      text: `${c.title.split(' (')[0]}: målinger og tilbagebetalinger`,
      subtitle: ['Stiplet: forretningsplanens forventning; prikket: baseline 4 %'],
    },
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
              y: { field: 'share', type: 'quantitative', title: 'Andel med succes', axis: yAxis('share') },
            },
          },
          {
            mark: { type: 'line', strokeDash: [6, 4], color: '#555' },
            encoding: { x, y: { field: 'expectedShare', type: 'quantitative' } },
          },
          {
            mark: { type: 'line', strokeDash: [2, 3], color: '#888' },
            encoding: { x, y: { field: 'baselineShare', type: 'quantitative' } },
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
                title: 'Samlet tilbagebetaling (kr.)',
                axis: { format: ',.0f' },
              },
              opacity: {
                field: 'status',
                type: 'nominal',
                title: 'Måling',
                scale: { domain: ['Endelig', 'Foreløbig'], range: [1, 0.45] },
              },
            },
          },
          {
            data: {
              values: [
                {
                  cap: c.totals.cap,
                  text: `Loft: ${new Intl.NumberFormat('da-DK').format(c.totals.cap)} kr.`,
                },
              ],
            },
            layer: [
              {
                mark: { type: 'rule', color: '#c62828', strokeDash: [6, 4] },
                encoding: { y: { field: 'cap', type: 'quantitative' } },
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
  };
}
