/**
 * The parts every chart is built from (Vega-Lite specs, pure data): the pinned font, the Danish
 * number and time locale, month labels (maj 2027), the period axis, the y-axis by unit, and line styles
 * that each have a legend entry. The report stage renders the specs; contract kinds build their own.
 */
import { createRequire } from 'node:module';
import type { KpiEntry } from '../../schemas/outputs.ts';
import { lang, type MessageKey, t } from '../i18n/index.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');
export const FONT_FILES = [`${FONT_DIR}DejaVuSans.ttf`, `${FONT_DIR}DejaVuSans-Bold.ttf`];
export const FONT = 'DejaVu Sans';

export const DANISH_LOCALE = {
  number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] },
  time: {
    dateTime: '%A den %d. %B %Y %X',
    date: '%d.%m.%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
    shortDays: ['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'],
    months: [
      'januar',
      'februar',
      'marts',
      'april',
      'maj',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'december',
    ],
    shortMonths: [
      'jan.',
      'feb.',
      'mar.',
      'apr.',
      'maj',
      'jun.',
      'jul.',
      'aug.',
      'sep.',
      'okt.',
      'nov.',
      'dec.',
    ],
  },
};

const ENGLISH_LOCALE = {
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' kr.'] },
  time: {
    dateTime: '%A %e %B %Y %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

/** The chart locale of the current language (numbers and month names). */
export function chartLocale(): typeof DANISH_LOCALE {
  return lang() === 'da' ? DANISH_LOCALE : ENGLISH_LOCALE;
}

/** The colour of a point's status (the status ids; the legend shows the words). */

/** '2027-05' -> 'maj 2027' (May 2027); years, half-years ('2027-H2') and waves stay as they are. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${chartLocale().time.shortMonths[Number(m[2]) - 1]} ${m[1]}`;
  const h = /^(\d{4})-H([12])$/.exec(period);
  return h ? t('period.halfYear', { n: h[2]!, year: h[1]! }) : period;
}

export type VegaLiteSpec = Record<string, unknown>;

/** A Vega expression that writes a half-year `2027-H1` as periodLabel does. */
function halfYearExpr(v: string): string {
  const [n, year] = ['{n}', '{year}'];
  const template = t('period.halfYear', { n, year });
  const parts = template.split(/(\{n\}|\{year\})/).filter(Boolean);
  return parts
    .map((p) =>
      p === n
        ? `substring(${v}, 6, 7)`
        : p === year
          ? `substring(${v}, 0, 4)`
          : JSON.stringify(p).replace(/"/g, "'"),
    )
    .join(' + ');
}

/** The x axis over period strings, which sort chronologically; months get their names (maj 2027). */
export function periodAxis(field: string, count: number): Record<string, unknown> {
  return {
    field,
    type: 'ordinal',
    sort: 'ascending',
    title: null,
    axis: {
      labelAngle: count > 12 ? -45 : 0,
      labelOverlap: 'greedy',
      // Months by name (maj 2027), half-years as the reports write them (1. halvår 2027).
      labelExpr: `test(/^\\d{4}-\\d{2}$/, datum.value) ? utcFormat(toDate(datum.value + '-01'), '%b %Y') : test(/^\\d{4}-H[12]$/, datum.value) ? ${halfYearExpr('datum.value')} : datum.value`,
    },
  };
}

export function baseConfig(): Record<string, unknown> {
  return {
    locale: chartLocale(),
    // The marks carry no ARIA roles of their own: the chart's box is one image with a text
    // alternative that says what it shows (report/notebook.ts), and an empty mark group would be an
    // image without one.
    aria: false,
    font: FONT,
    background: 'white',
    view: { stroke: null },
    title: { anchor: 'start', fontSize: 15, subtitleFontSize: 11, subtitleColor: '#444' },
    axis: { labelFontSize: 11, titleFontSize: 11, gridColor: '#e6e6e6' },
    // Legend labels in full: Vega cuts them at 160 px ("Resten som planla…"), which leaves a reader
    // guessing which line is which.
    legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', labelLimit: 0 },
  };
}

/** Shares in percent; counts in whole numbers with whole-number ticks (never 4, 4, 3, 3, …). */
export function yAxis(unit: KpiEntry['unit']): Record<string, unknown> {
  if (unit === 'share' || unit === 'rate')
    return { labelExpr: "replace(format(datum.value, '.1~%'), '%', ' %')", tickCount: 6 };
  if (unit === 'count' || unit === 'rank') return { format: ',.0f', tickMinStep: 1 };
  // A difference carries its sign, and 0 none.
  if (unit === 'points') return { labelExpr: "(datum.value > 0 ? '+' : '') + format(datum.value, ',.1~f')" };
  if (unit === 'hours') return { format: ',.1~f' };
  return { format: ',.0f' };
}

/**
 * The line styles and what they mean, for a legend: every chart explains its solid, dashed and dotted
 * lines. `datum` encodings in each layer share this scale.
 */
export function lineStyles(kinds: MessageKey[]): (kind: MessageKey) => Record<string, unknown> {
  const dashes: Partial<Record<MessageKey, number[]>> = {
    'chart.line.series': [1, 0],
    'chart.line.provisional': [5, 4],
    'chart.line.target': [6, 4],
    'chart.line.expected': [6, 4],
    'chart.line.requirement': [6, 4],
    'chart.line.cap': [6, 4],
    'chart.line.baseline': [2, 3],
  };
  const domain = kinds.map((k) => t(k));
  const range = kinds.map((k) => dashes[k] ?? [1, 0]);
  return (kind) => ({
    strokeDash: {
      datum: t(kind),
      type: 'nominal',
      scale: { domain, range },
      legend: {
        title: t('chart.legend.lines'),
        symbolType: 'stroke',
        symbolStrokeWidth: 2,
        symbolSize: 300,
        labelLimit: 400,
      },
    },
  });
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A contract's name without the parenthesis (the counterpart), for chart titles. */
export const shortTitle = (title: string) => title.split(' (')[0]!;

/** The field a layer's line style is read from (withLineStyles). */
const LINE_FIELD = 'line_style';

/**
 * The line styles as the Vega-Lite schema wants them: a `datum` channel may carry no scale or legend,
 * so each layer that draws a styled line gets its style as a field (a calculated constant) and the
 * channel reads that field, with the shared scale and legend. Applied to every spec before it is
 * published, so every spec validates against the official schema (test/charts.test.ts).
 */
export function withLineStyles<T>(spec: T): T {
  if (Array.isArray(spec)) return spec.map(withLineStyles) as T;
  if (!spec || typeof spec !== 'object') return spec;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = withLineStyles(v);
  const encoding = out.encoding as Record<string, Record<string, unknown>> | undefined;
  const dash = encoding?.strokeDash;
  if (dash && 'datum' in dash) {
    const { datum, ...rest } = dash;
    out.encoding = { ...encoding, strokeDash: { ...rest, field: LINE_FIELD } };
    out.transform = [
      ...((out.transform as unknown[]) ?? []),
      { calculate: JSON.stringify(datum), as: LINE_FIELD },
    ];
  }
  return out as T;
}
