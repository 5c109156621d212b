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

type Row = Omit<DsiContractJson['measurements'][number], 'status'> & { status: string };
type Axis = ReturnType<typeof periodAxis>;

/** The share with success per measurement, against the business case and the baseline. */
function sharePanel(x: Axis): Record<string, unknown> {
  const shares = lineStyles(['chart.line.series', 'chart.line.expected', 'chart.line.baseline']);
  const line = (
    field: string,
    mark: Record<string, unknown>,
    style: Parameters<typeof shares>[0],
    title?: string,
  ) => ({
    mark,
    encoding: {
      x,
      y: { field, type: 'quantitative', ...(title ? { title, axis: yAxis('share') } : {}) },
      ...shares(style),
    },
  });
  return {
    width: 640,
    height: 220,
    layer: [
      line(
        'share',
        { type: 'line', strokeWidth: 2.5, color: '#1f4e79', point: { filled: true, size: 50 } },
        'chart.line.series',
        t('chart.dsi.share'),
      ),
      line('expectedShare', { type: 'line', color: '#555' }, 'chart.line.expected'),
      line('baselineShare', { type: 'line', color: '#888' }, 'chart.line.baseline'),
    ],
  };
}

/** The cumulative repayment per measurement (a provisional one paler), against the cap. */
function moneyPanel(
  x: Axis,
  c: DsiContractJson,
  final: string,
  provisional: string,
): Record<string, unknown> {
  const money = lineStyles(['chart.line.cap']);
  const cap = { cap: c.totals.cap, text: t('chart.dsi.cap', { cap: formatValue('dkk', c.totals.cap) }) };
  return {
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
        data: { values: [cap] },
        layer: [
          {
            mark: { type: 'rule', color: '#c62828' },
            encoding: { y: { field: 'cap', type: 'quantitative' }, ...money('chart.line.cap') },
          },
          {
            mark: { type: 'text', align: 'left', dy: -6, color: '#c62828', fontSize: 10 },
            encoding: { y: { field: 'cap', type: 'quantitative' }, x: { value: 0 }, text: { field: 'text' } },
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
  const rows: Row[] = c.measurements.map((m) => ({
    ...m,
    status: m.status === 'final' ? final : provisional,
  }));
  const x = periodAxis('period', rows.length);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: t('chart.dsi.title', { title: shortTitle(c.title) }) },
    config: baseConfig(),
    data: { values: rows },
    vconcat: [sharePanel(x), moneyPanel(x, c, final, provisional)],
    resolve: { scale: { strokeDash: 'independent' } },
  };
}
