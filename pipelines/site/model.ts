/**
 * What the sites are built from: the published, disclosure-controlled kpis.json (never the warehouse, for
 * the public site), the KPI definitions, the run's manifest and the reports it rendered.
 */
import type { ContractConfig } from '../../schemas/contracts.ts';
import type { KpiEntry, KpisJson, Manifest } from '../../schemas/outputs.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import type { KpiDefinition } from '../kpis/catalogue.ts';
import type { HistoryEntry } from './history.ts';

export interface SiteInput {
  kpis: KpisJson;
  /** The previous publication, for "what changed" (none on a first night). */
  previous?: KpisJson;
  defs: KpiDefinition[];
  /** The run's manifest (its outputs not yet listed: the sites are among them). */
  manifest: Manifest;
  municipalityName: string;
  /** The reports rendered beside the site, with whether each has its PDF. */
  reports: { name: string; title: string; audience: 'public' | 'restricted'; pdf: boolean }[];
  contracts: ContractConfig[];
  /** The kept nights, oldest first, this one last. */
  history: HistoryEntry[];
  /** How many published runs are kept (their dated sites stay reachable). */
  keepRuns: number;
  /** The inbox, for the input files' dates in the lineage. */
  inbox: string;
  /** The stage durations known when the site is written (the report stage is still running). */
  stages: { name: string; seconds: number }[];
}

/** A KPI page's file, by id: one page per KPI, with every municipality the publication has. */
export const kpiPath = (id: string) => `kpi/${encodeURIComponent(id)}.html`;

/** The KPI entries grouped by id, in the publication's order. */
export function byId(kpis: KpisJson): Map<string, KpiEntry[]> {
  const m = new Map<string, KpiEntry[]>();
  for (const k of kpis.kpis) m.set(k.id, [...(m.get(k.id) ?? []), k]);
  return m;
}

/**
 * The front page's groups: the strategy areas of the catalogue (def.area), the contracts' KPIs, and
 * each initiative under its first theme.
 */
export function groupOf(def: KpiDefinition | undefined): string {
  if (!def) return t('site.area.other');
  if (def.initiative) return def.initiative.themes[0] ?? t('site.area.initiatives');
  if (def.engineSql) return t('site.area.contracts');
  return def.area ? t(`site.area.${def.area}` as MessageKey) : t('site.area.other');
}

/** An id for a heading from its words: ASCII letters and digits (æ, ø, å spelled out), dashes between. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}
