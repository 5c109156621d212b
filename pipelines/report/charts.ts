/**
 * Charts (Vega-Lite), in Danish, drawn from the published (disclosure-controlled) figures only.
 * One chart per KPI: the series, the dashed target trajectory, the baseline, each point's status colour,
 * and a suppressed point as a gap labelled "<5". Written as .vl.json (data inlined), .svg and .png.
 */
import { Resvg } from '@resvg/resvg-js';
import type * as vl from 'vega-lite';
import type { KpiEntry } from '../../schemas/outputs.ts';
import { formatValue, seriesLabel, statusWord } from '../core/describe.ts';
import { periodMonths } from '../core/periods.ts';
import {
  baseConfig,
  FONT,
  FONT_FILES,
  lineStyles,
  periodAxis,
  periodLabel,
  type VegaLiteSpec,
  withLineStyles,
  yAxis,
} from '../core/vega.ts';
import { type MessageKey, t } from '../i18n/index.ts';

const STATUS_COLOR: Record<string, string> = {
  on_track: '#1a7f37',
  off_track: '#c62828',
  incomplete: '#9e9e9e',
  no_target: '#1f4e79',
  no_data: '#bdbdbd',
  no_baseline: '#bdbdbd',
};

const DIMENSIONS = ['channel', 'facility', 'survey', 'segment', 'benefit_group'] as const;
const dimensionTitle = (d: string) =>
  (DIMENSIONS as readonly string[]).includes(d) ? t(`chart.dim.${d}` as MessageKey) : d;

/**
 * A chart's rows. `final` carries the value of a complete period, `provisional` that of a period still
 * running plus the last complete value before it, so the dashed segment joins the solid line; a
 * period without a value has neither, and the line breaks there.
 */
function chartRows(k: KpiEntry, minCell: number, asOf: string) {
  const total = t('word.total');
  const seriesOf = (p: KpiEntry['series'][number]) => (p.breakdown ? seriesLabel(p) : total);
  const running = (p: KpiEntry['series'][number]) => p.status === 'incomplete';
  const rows = k.series.map((p) => ({
    period: p.period,
    label: periodLabel(p.period),
    series: seriesOf(p),
    value: p.value,
    final: running(p) ? null : p.value,
    provisional: running(p) ? p.value : null,
    running: running(p),
    // Still running (its last month is the as-of month or later): foreløbig; an ended period with
    // months missing: ufuldstændig.
    runningLabel: t(
      (periodMonths(p.period)?.last ?? '') >= asOf.slice(0, 7) ? 'word.running' : 'word.incomplete',
    ),
    target: p.target,
    statusId: p.status,
    status: statusWord(p.status),
    suppressed: p.suppressed,
    valueText: p.suppressed ? `<${minCell}` : formatValue(k.unit, p.value),
    // The label is written once per period, at the total (or the first series).
    labelSeries: '',
  }));
  const bySeries = new Map<string, typeof rows>();
  for (const r of rows) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r]);
  for (const list of bySeries.values()) {
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    list.forEach((r, i) => {
      const next = list[i + 1];
      if (!r.running && r.value !== null && next?.running && next.value !== null) r.provisional = r.value;
    });
  }
  const labelSeries = bySeries.has(total) ? total : ([...bySeries.keys()].sort()[0] ?? '');
  for (const r of rows) r.labelSeries = labelSeries;
  return rows;
}

/** The Vega-Lite spec of one KPI entry (one municipality), from its published points. */
type Encoding = Record<string, unknown>;
type Style = ReturnType<typeof lineStyles>;

function unitTitle(unit: KpiEntry['unit']): string {
  return t(
    unit === 'share'
      ? 'chart.axis.share'
      : unit === 'count'
        ? 'chart.axis.count'
        : unit === 'dkk'
          ? 'chart.axis.dkk'
          : unit === 'rank'
            ? 'chart.axis.rank'
            : unit === 'points'
              ? 'chart.axis.points'
              : unit === 'hours'
                ? 'chart.axis.hours'
                : 'chart.axis.other',
  );
}

/** The source, the status and the latest value against its target. */
function subtitleOf(k: KpiEntry): string[] {
  const latest = k.latest
    ? t('chart.latest', {
        period: periodLabel(k.latest.period),
        value: formatValue(k.unit, k.latest.value),
        target:
          k.latest.target !== null
            ? t('chart.latestTarget', { target: formatValue(k.unit, k.latest.target) })
            : '',
      })
    : '';
  return [
    t('chart.source', { source: k.source }),
    t('chart.status', { status: statusWord(k.status) }) + latest,
  ];
}

/**
 * What a chart shows, in words, for readers who do not see it (WCAG 2.1, 1.1.1): the KPI, its periods,
 * and each series' latest value with its target. A suppressed value is not a value.
 */
export function kpiChartAlt(k: KpiEntry): string {
  const periods = [...new Set(k.series.map((p) => p.period))].sort();
  if (periods.length === 0 || k.series.every((p) => p.value === null))
    return t('chart.altNoData', { title: k.title });
  const bySeries = new Map<string, KpiEntry['series']>();
  for (const p of k.series) bySeries.set(seriesLabel(p), [...(bySeries.get(seriesLabel(p)) ?? []), p]);
  const series = [...bySeries].map(([name, points]) => {
    // The latest complete value, as the KPI's status reads it; a running period only when there is none.
    const valued = points.filter((p) => p.value !== null).sort((a, b) => (a.period < b.period ? 1 : -1));
    const last = valued.find((p) => p.status !== 'incomplete') ?? valued[0];
    if (!last) return t('chart.altNoValue', { series: name });
    return t('chart.altSeries', {
      series: name,
      value: formatValue(k.unit, last.value),
      period: periodLabel(last.period),
      target:
        last.target !== null ? t('chart.latestTarget', { target: formatValue(k.unit, last.target) }) : '',
    });
  });
  return t('chart.alt', {
    title: k.title,
    from: periodLabel(periods[0]!),
    to: periodLabel(periods.at(-1)!),
    series: series.join(' '),
  });
}

/** The target line, then the series: solid through complete periods, dashed into a running one. */
function lineLayers(
  x: Encoding,
  y: Encoding,
  style: Style,
  dimension: string | undefined,
): Record<string, unknown>[] {
  const multi = dimension !== undefined;
  return [
    {
      mark: { type: 'line', strokeWidth: 1.5, color: '#555', invalid: 'break-paths-show-domains' },
      encoding: {
        x,
        y: { field: 'target', type: 'quantitative' },
        ...style('chart.line.target'),
        ...(multi ? { detail: { field: 'series' } } : {}),
      },
    },
    // The series: solid through the complete periods, dashed into a period that is still running
    // (foreløbig), and broken where a period has no value: a gap, never a drop to zero.
    ...(['final', 'provisional'] as const).map((field) => ({
      mark: {
        type: 'line',
        strokeWidth: 2.5,
        invalid: 'break-paths-show-domains',
        ...(field === 'provisional' ? { opacity: 0.8 } : {}),
        ...(multi ? {} : { color: '#1f4e79' }),
      },
      encoding: {
        x,
        y: { ...y, field },
        ...style(field === 'provisional' ? 'chart.line.provisional' : 'chart.line.series'),
        ...(multi
          ? {
              color: {
                field: 'series',
                type: 'nominal',
                title: dimensionTitle(dimension),
                ...(field === 'provisional' ? { legend: null } : {}),
              },
            }
          : {}),
      },
    })),
  ];
}

/** The points: a running period hollow and labelled, the others by status colour, a suppressed one a labelled gap. */
function pointLayers(x: Encoding, y: Encoding, present: string[], multi: boolean): Record<string, unknown>[] {
  return [
    {
      // A running period's point is hollow and labelled, so a partial year never looks like a collapse.
      mark: { type: 'point', filled: false, size: 70, strokeWidth: 2, color: '#777' },
      transform: [{ filter: 'datum.running && datum.value !== null' }],
      encoding: { x, y },
    },
    {
      mark: { type: 'text', fontSize: 10, color: '#555', dy: -12 },
      transform: [{ filter: 'datum.running && datum.value !== null && datum.series === datum.labelSeries' }],
      encoding: { x, y, text: { field: 'runningLabel' } },
    },
    {
      mark: { type: 'point', filled: true, size: 70, opacity: 1 },
      transform: [{ filter: 'datum.value !== null && !datum.running' }],
      encoding: {
        x,
        y,
        // One series: its points by status colour. Several (facilities, channels): each series its own
        // colour, as its line, and its own shape, so no two series look alike.
        ...(multi
          ? {
              color: { field: 'series', type: 'nominal', legend: null },
              shape: { field: 'series', type: 'nominal', title: t('chart.tip.series') },
            }
          : {
              color: {
                field: 'statusId',
                type: 'nominal',
                title: t('chart.legend.status'),
                scale: { domain: present, range: present.map((s) => STATUS_COLOR[s]) },
                legend: {
                  labelExpr: `${JSON.stringify(Object.fromEntries(present.map((s) => [s, statusWord(s)])))}[datum.value]`,
                },
              },
            }),
        tooltip: [
          { field: 'label', title: t('chart.tip.period') },
          { field: 'series', title: t('chart.tip.series') },
          { field: 'valueText', title: t('chart.tip.value') },
          { field: 'status', title: t('chart.tip.status') },
        ],
      },
    },
    {
      // A suppressed point is a gap with a label, never a zero (privacy: small numbers are not shown).
      mark: { type: 'text', fontSize: 11, color: '#555', baseline: 'top' },
      transform: [{ filter: 'datum.suppressed' }],
      encoding: { x, text: { field: 'valueText' }, y: { value: 4 } },
    },
  ];
}

/** The baseline as a rule with its value. */
function baselineLayer(k: KpiEntry & { baseline: { period: string; value: number } }, style: Style) {
  return {
    data: {
      values: [
        {
          baseline: k.baseline.value,
          text: t('chart.baseline', {
            period: k.baseline.period,
            value: formatValue(k.unit, k.baseline.value),
          }),
        },
      ],
    },
    layer: [
      {
        mark: { type: 'rule', color: '#888' },
        encoding: { y: { field: 'baseline', type: 'quantitative' }, ...style('chart.line.baseline') },
      },
      {
        mark: { type: 'text', align: 'right', dy: -6, fontSize: 10, color: '#666' },
        encoding: {
          y: { field: 'baseline', type: 'quantitative' },
          x: { value: 640 },
          text: { field: 'text' },
        },
      },
    ],
  };
}

export function kpiChartSpec(k: KpiEntry, minCell: number, asOf: string): VegaLiteSpec {
  const dimension = Object.keys(k.series.find((p) => p.breakdown)?.breakdown ?? {})[0];
  const periods = [...new Set(k.series.map((p) => p.period))].sort();
  const rows = chartRows(k, minCell, asOf);
  const x = periodAxis('period', periods.length);
  const y = {
    field: 'value',
    type: 'quantitative',
    title: unitTitle(k.unit),
    axis: yAxis(k.unit),
    // A rank reads best at the top (1 is best) and never starts at 0.
    // A share starts at 0, so a half-point change never looks like a collapse; a difference (points)
    // is read against 0 by its sign, not its base.
    scale: k.unit === 'rank' ? { zero: false, reverse: true } : { zero: k.unit !== 'points' },
  };
  const multi = dimension !== undefined;
  const present = Object.keys(STATUS_COLOR).filter((s) =>
    rows.some((r) => r.statusId === s && !r.running && r.value !== null),
  );
  const showBaseline = k.baseline !== null && k.baseline.value !== null && !multi;
  const kinds: MessageKey[] = [
    'chart.line.series',
    ...(rows.some((r) => r.running && r.value !== null) ? (['chart.line.provisional'] as const) : []),
    ...(rows.some((r) => r.target !== null) ? (['chart.line.target'] as const) : []),
    ...(showBaseline ? (['chart.line.baseline'] as const) : []),
  ];
  const style = lineStyles(kinds);
  const layer = [...lineLayers(x, y, style, dimension), ...pointLayers(x, y, present, multi)];
  if (showBaseline && k.baseline)
    layer.push(baselineLayer(k as KpiEntry & { baseline: { period: string; value: number } }, style));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: k.title, subtitle: subtitleOf(k) },
    width: 640,
    height: 300,
    config: baseConfig(),
    data: { values: rows },
    layer,
    resolve: { scale: { color: 'independent' } },
    usermeta: { kpi: k.id, municipality: k.municipality, lines: kinds.map((kind) => t(kind)) },
  };
}

/** Vega-Lite's warnings would go to the console, in the middle of the JSON log lines. */
const QUIET = {
  level: () => QUIET,
  error: () => QUIET,
  warn: () => QUIET,
  info: () => QUIET,
  debug: () => QUIET,
} as never;

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  // Loaded when charts are drawn, not while the run ingests (together about 50 MiB).
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = compile(spec as unknown as vl.TopLevelSpec, { logger: QUIET }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** PNG with the DejaVu font pinned: without a font resvg silently drops every label. */
export function renderPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}

/** File stem of a KPI's chart: `<id>` for the configured municipality, `<id>-<kommunekode>` for others. */
export function chartName(k: Pick<KpiEntry, 'id' | 'municipality'>, municipality: string): string {
  return k.municipality === municipality ? k.id : `${k.id}-${k.municipality}`;
}

/**
 * Writes <name>.vl.json (data inlined), <name>.svg and <name>.png for every spec. A quiet night draws
 * nothing again: when `previous` (the last publication's folder, drawn by the same code version) holds
 * the very same spec, its SVG and PNG are copied, byte for byte, instead of rendered (docs/performance.md).
 */
export async function writeCharts(
  dir: string,
  specs: { name: string; spec: VegaLiteSpec }[],
  previous?: string,
): Promise<{ drawn: number; kept: number }> {
  const { copyFile, mkdir, readFile, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await mkdir(dir, { recursive: true });
  let kept = 0;
  for (const { name, spec: built } of specs) {
    const spec = withLineStyles(built);
    const text = `${JSON.stringify(spec, null, 2)}\n`;
    const before = previous ? await readFile(join(previous, `${name}.vl.json`), 'utf8').catch(() => '') : '';
    await writeFile(join(dir, `${name}.vl.json`), text, 'utf8');
    if (previous && before === text) {
      const copied = await Promise.all(
        ['svg', 'png'].map((ext) =>
          copyFile(join(previous, `${name}.${ext}`), join(dir, `${name}.${ext}`)).then(
            () => true,
            () => false,
          ),
        ),
      );
      if (copied.every(Boolean)) {
        kept++;
        continue;
      }
    }
    const drawn = DRAWN.get(text) ?? (await draw(spec));
    remember(text, drawn);
    await writeFile(join(dir, `${name}.svg`), drawn.svg, 'utf8');
    await writeFile(join(dir, `${name}.png`), drawn.png);
  }
  return { drawn: specs.length - kept, kept };
}

async function draw(spec: VegaLiteSpec): Promise<{ svg: string; png: Buffer }> {
  const svg = await renderSvg(spec);
  return { svg, png: renderPng(svg) };
}

/**
 * The charts this process drew last, by their spec's text: `kpi schedule` (one process, night after
 * night) and `kpi report` draw an unchanged chart once. A spec is all a drawing depends on in one
 * process (the code and the font are the process's own).
 */
const DRAWN = new Map<string, { svg: string; png: Buffer }>();
const KEEP_DRAWN = 64;

function remember(text: string, drawn: { svg: string; png: Buffer }): void {
  DRAWN.delete(text);
  DRAWN.set(text, drawn);
  if (DRAWN.size > KEEP_DRAWN) DRAWN.delete(DRAWN.keys().next().value!);
}
