/** The sentence that opens a KPI's section in the reports. */
import type { KpiEntry } from '../../schemas/outputs.ts';
import { formatValue, statusWord } from '../core/describe.ts';
import { periodLabel } from '../core/vega.ts';
import { t } from '../i18n/index.ts';

/**
 * The sentence that states a KPI's status, e.g. "Andelen faldt fra 14,2 % i 2020 til 11,8 % i 2024; målet
 * for 2024 var 10,2 %. Målet er ikke nået."
 */
export function statusSentence(k: KpiEntry, minCell: number): string {
  const total = k.series.filter((p) => !p.breakdown);
  const latest = k.latest;
  if (!latest) return t('sentence.none');
  if (latest.value === null) {
    return t('sentence.suppressed', {
      period: periodLabel(latest.period),
      minCell,
      status: statusWord(latest.status),
    });
  }
  const noun = t(
    k.unit === 'share'
      ? 'sentence.noun.share'
      : k.unit === 'count'
        ? 'sentence.noun.count'
        : 'sentence.noun.other',
  );
  const first = (total.length ? total : k.series).find((p) => p.value !== null && p.status !== 'incomplete');
  const value = (v: number) => formatValue(k.unit, v);
  let text: string;
  if (first && first.period !== latest.period && first.value !== null) {
    const key =
      latest.value > first.value
        ? 'sentence.rose'
        : latest.value < first.value
          ? 'sentence.fell'
          : 'sentence.unchanged';
    text = t(key, {
      noun,
      from: value(first.value),
      to: value(latest.value),
      value: value(latest.value),
      fromPeriod: periodLabel(first.period),
      toPeriod: periodLabel(latest.period),
    });
  } else {
    text = t('sentence.was', { noun, value: value(latest.value), period: periodLabel(latest.period) });
  }
  if (latest.target !== null) {
    text += t('sentence.target', { period: periodLabel(latest.period), target: value(latest.target) });
    text += t(latest.status === 'on_track' ? 'sentence.met' : 'sentence.notMet');
  } else {
    text += t('sentence.noTarget');
  }
  return text;
}
