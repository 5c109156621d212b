/**
 * `kpi init`: a municipality's starting configuration (docs/getting-started.md). The name comes from the
 * list of the 98 municipalities, the KPIs are the national catalogue's with no baseline or target of
 * anyone's, and there is no contract. JSON has no comments, so a companion README says, in the user's
 * language, what each part means and what to fill in.
 */

import { localised } from './config.ts';
import { unitText } from './core/describe.ts';
import { closest, foldCode } from './core/fold.ts';
import { MUNICIPALITIES, municipalityName } from './core/municipalities.ts';
import { UserError } from './errors.ts';
import { t } from './i18n/index.ts';
import { CATALOGUE } from './kpis/catalogue.ts';

export interface Municipality {
  code: string;
  name: string;
}

/** A municipality by its kommunekode (376, 0376) or its name (Guldborgsund, guldborgsund kommune). */
export function findMunicipality(value: string): Municipality {
  const v = value.trim();
  if (/^\d{1,4}$/.test(v)) {
    const name = municipalityName(String(Number(v)));
    if (name) return { code: String(Number(v)).padStart(3, '0'), name };
  }
  // "Guldborgsund", "guldborgsund kommune" and "Københavns" name the same; æøå fold as in headers.
  const short = (name: string) => foldCode(name.replace(/\s+(regions)?kommune$/i, ''));
  const hit = MUNICIPALITIES.find(([, name]) => short(name) === short(v));
  if (hit) return { code: hit[0], name: hit[1] };
  const like = closest(
    v,
    MUNICIPALITIES.map(([, name]) => name),
    short,
  );
  const hint = like ? t('cli.didYouMean', { suggestion: like }) : '';
  throw new UserError(t('init.unknown', { value, hint }));
}

/** The starting configuration: the municipality, minCell and every national KPI, enabled, without a target of its own. */
export function initConfig(m: Municipality): Record<string, unknown> {
  return {
    municipality: { code: m.code, name: m.name },
    minCell: 5,
    kpis: Object.fromEntries(CATALOGUE.map((k) => [k.id, { enabled: true, target: k.target }])),
    contracts: [],
    initiatives: [],
  };
}

/** The README beside the configuration, in the current language. */
export function initReadme(m: Municipality, configFile: string): string {
  const kpis = CATALOGUE.map(localised).map((k) =>
    t('init.readme.kpi', {
      id: k.id,
      title: k.title,
      definition: k.definition,
      source: k.source,
      extracts: k.extracts.map((e) => `\`${e}\``).join(', '),
      unit: unitText(k),
    }),
  );
  return [
    t('init.readme.title', { ...m }),
    t('init.readme.intro', { config: configFile }),
    t('init.readme.municipality', { ...m }),
    t('init.readme.minCell', { minCell: 5, below: 4 }),
    t('init.readme.kpis'),
    ...kpis,
    t('init.readme.contracts'),
    t('init.readme.next', { config: configFile }),
  ]
    .join('\n\n')
    .concat('\n');
}
