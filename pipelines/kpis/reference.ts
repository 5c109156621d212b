/**
 * The KPIs' reference tables for docs/kpis.md, made from the definitions themselves: what each KPI reads (the
 * extracts it waits for and is held back by), its baseline, its target in the words of
 * `kpi explain --lang en`, and whether disclosure control applies, and the source it cites. A test compares it with the
 * committed page; `npm run docs` writes it.
 */

import { formatValue, ruleText } from '../core/describe.ts';
import { lang, setLang } from '../i18n/index.ts';
import type { KpiDefinition } from './catalogue.ts';

function baseline(def: KpiDefinition): string {
  const b = def.baseline;
  // No baseline, or 'first': the series is judged from its first period (docs/kpis.md).
  if (!b || b.period === 'first') return 'the first period';
  if (b.value === undefined) return b.period;
  return `${b.period}, ${formatValue(def.unit, b.value)}${b.fixed ? ' (fixed)' : ' when the data have none'}`;
}

/** The table of `defs`: the built-in catalogue's, or a configured municipality's definitions. */
export function kpiReference(defs: readonly KpiDefinition[]): string {
  const before = lang();
  setLang('en');
  try {
    const rows = defs.map(
      (def) =>
        `| \`${def.id}\` | ${def.extracts.map((e) => `\`${e}\``).join(', ')} | ${baseline(def)} | ${ruleText(def.target, def.unit)} | ${def.disclosure === false ? 'no' : 'yes'}${def.publishPersons ? ', persons published' : ''} | ${def.source} |`,
    );
    return [
      '| id | reads | baseline | target | disclosure control | source |',
      '|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  } finally {
    setLang(before);
  }
}
