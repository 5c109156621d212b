/** The Jobfokus chart for finance (restricted/charts/<id>): exact figures, so never public. */
import type { DsiContractJson } from '../../../schemas/outputs.ts';
import { formatValue } from '../../core/describe.ts';
import {
  baseConfig,
  lineStyles,
  periodAxis,
  shortTitle,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
  yAxis,
} from '../../core/vega.ts';
import { t } from '../../i18n/index.ts';

/** Jobfokus: the share per measurement against the baseline and the business case; payments against the cap. */
export function dsiChartSpec(c: DsiContractJson): VegaLiteSpec {
  const provisional = t('measurement.provisional');
  const final = t('measurement.final');
  const rows = c.measurements.map((m) => ({ ...m, status: m.status === 'final' ? final : provisional }));
  const x = periodAxis('period', rows.length);
  const shares = lineStyles(['chart.line.series', 'chart.line.expected', 'chart.line.baseline']);
  const money = lineStyles(['chart.line.cap']);
  return {
    $schema: VEGA_LITE_SCHEMA,
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
