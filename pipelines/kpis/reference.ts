/**
 * The KPIs' reference table for docs/kpis.md, made from the catalogue itself: what each KPI reads (the
 * extracts it waits for and is held back by), its baseline, its default target in the words of
 * `kpi explain --lang en`, and whether disclosure control applies. A test compares it with the
 * committed page; `npm run docs` writes it.
 */

import { formatValue, ruleText } from '../core/describe.ts';
import { lang, setLang } from '../i18n/index.ts';
import { CATALOGUE, type KpiDefinition } from './catalogue.ts';

function baseline(def: KpiDefinition): string {
  const b = def.baseline;
  // No baseline, or 'first': the series is judged from its first period (docs/kpis.md).
  if (!b || b.period === 'first') return 'the first period';
  if (b.value === undefined) return b.period;
  return `${b.period}, ${formatValue(def.unit, b.value)}${b.fixed ? ' (fixed)' : ' when the data have none'}`;
}

export function kpiReference(): string {
  const before = lang();
  setLang('en');
  try {
    const rows = CATALOGUE.map(
      (def) =>
        `| \`${def.id}\` | ${def.extracts.map((e) => `\`${e}\``).join(', ')} | ${baseline(def)} | ${ruleText(def.target, def.unit)} | ${def.disclosure === false ? 'no' : 'yes'}${def.publishPersons ? ', persons published' : ''} |`,
    );
    return [
      '| id | reads | baseline | target (default) | disclosure control |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  } finally {
    setLang(before);
  }
}
