/** The Ungeløftet chart for finance (restricted/charts/<id>): exact figures, so never public. */
import type { GrantContractJson } from '../../../schemas/outputs.ts';
import { formatPercent } from '../../core/describe.ts';
import {
  baseConfig,
  lineStyles,
  periodAxis,
  periodLabel,
  shortTitle,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
  yAxis,
} from '../../core/vega.ts';
import { t } from '../../i18n/index.ts';

type Style = ReturnType<typeof lineStyles>;
type Axis = ReturnType<typeof periodAxis>;

/** The monthly share in employment or education, a line that breaks where a month has no value. */
function shareLayer(months: GrantContractJson['months'], x: Axis, style: Style): Record<string, unknown> {
  return {
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
  };
}

/** Each requirement's threshold as a labelled rule. */
function requirementLayer(c: GrantContractJson, style: Style): Record<string, unknown> {
  return {
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
  };
}

/** Ungeløftet: the monthly share against the requirement lines; the counted months are shaded. */
export function grantChartSpec(c: GrantContractJson): VegaLiteSpec {
  const months = c.months;
  const counted = months.filter((m) => m.counted);
  const x = periodAxis('month', months.length);
  const style = lineStyles(['chart.line.series', 'chart.line.requirement']);
  return {
    $schema: VEGA_LITE_SCHEMA,
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
      shareLayer(months, x, style),
      requirementLayer(c, style),
    ],
  };
}
