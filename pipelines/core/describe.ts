/**
 * A KPI's target rule, unit and figures in the user's words: "årlig vækst 2 % fra baseline",
 * "baseline −1 procentpoint pr. år til og med 2024, derefter fastholdt", "52,3 %". Used by `kpi explain`,
 * the charts and the reports.
 */
import type { KpiEntry, TargetRule } from '../../schemas/outputs.ts';
import { hasMessage, type MessageKey, num, t } from '../i18n/index.ts';
import { MESSAGES } from '../i18n/messages.ts';

type Unit = KpiEntry['unit'];

/** A value as the unit reads: 52,3 % for a share, 1.709 for a count, 12.345,67 kr. for kroner; – for none. */
export function formatValue(unit: Unit, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (unit === 'share' || unit === 'rate') return `${num(v * 100, 1)} %`;
  if (unit === 'dkk') return `${num(v, 2)} kr.`;
  // A difference in percentage points carries its sign: +0,1 is worse than expected on the ranking list.
  if (unit === 'hours') return t('unit.hoursValue', { value: num(v, 1) });
  if (unit === 'points') return t('unit.pointsValue', { value: `${v > 0 ? '+' : ''}${num(v)}` });
  return Number.isInteger(v) ? num(v, 0) : num(v, 1);
}

/** A share as a percentage without needless decimals: 0.5 → "50 %", 0.555 → "55,5 %". */
export function formatPercent(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${num(Math.round(v * 1000) / 10)} %`;
}

/** A signed change: +10, −1 procentpoint (shares change in percentage points). */
function change(unit: Unit, perYear: number): string {
  const sign = perYear < 0 ? '−' : '+';
  const size = Math.abs(perYear);
  return unit === 'share' || unit === 'rate' || unit === 'points'
    ? `${sign}${t('rule.points', { value: num(unit === 'points' ? size : size * 100) })}`
    : `${sign}${num(size)}`;
}

export function ruleText(rule: TargetRule, unit: Unit): string {
  switch (rule.rule) {
    case 'relative_growth':
      return t('rule.relative_growth', { pct: `${num(rule.perYear * 100)} %` });
    case 'absolute_change':
      return t('rule.absolute_change', {
        change: change(unit, rule.perYear),
        until: rule.until ? t('rule.until', { until: rule.until }) : '',
      });
    case 'fixed':
      return t('rule.fixed', {
        values: Object.entries(rule.values)
          .map(([p, v]) => `${p} ${formatValue(unit, v)}`)
          .join(', '),
      });
    case 'threshold':
      return rule.min !== undefined
        ? t('rule.min', { value: formatValue(unit, rule.min) })
        : t('rule.max', { value: formatValue(unit, rule.max) });
    case 'benchmark':
      return t('rule.benchmark');
    default:
      return t('rule.none');
  }
}

export function unitText(k: Pick<KpiEntry, 'unit' | 'grain' | 'direction'>): string {
  return t('explain.unit', {
    unit: t(`unit.${k.unit}`),
    grain: t(`grain.${k.grain}`),
    direction: t(`direction.${k.direction}`),
  });
}

/** The status word as users read it: "På sporet", "Ikke på sporet" (one case everywhere). */
export function statusWord(status: string | null): string {
  // A suppressed point has no status (kpis/disclosure.ts): it would tell which side of the target it is.
  const key = `status.${status ?? 'suppressed'}`;
  return key in MESSAGES ? t(key as MessageKey) : String(status);
}

/**
 * A breakdown member as readers read it: a code's Danish (or English) label from the catalogue
 * (`fremmoede` → "Fremmøde"), or the value itself where it is a name already (a facility, a list's
 * benefit group).
 */
export function memberLabel(dimension: string, member: string): string {
  const key = `member.${dimension}.${member}`;
  return hasMessage(key) ? t(key) : member;
}

/** The series a point belongs to, as a label: its breakdown member's, or "I alt". */
export function seriesLabel(p: { breakdown?: Record<string, string> }): string {
  const [dimension, member] = Object.entries(p.breakdown ?? {})[0] ?? [];
  return dimension !== undefined && member !== undefined ? memberLabel(dimension, member) : t('word.total');
}
