/**
 * Every artifact a run publishes declares what it reads (docs/architecture.md): a KPI entry its
 * extracts (kpis/catalogue.ts kpiReads, its target's included), a list its query's extracts
 * (publish/lists.ts), a contract its kind's extracts, and the files that are rebuilt from those or copy
 * the warehouse their whole input. The trust stage (guard/trust.ts) holds back every holdable artifact
 * that reads an input it cannot trust, whatever its kind; `test/trust-stage.test.ts` fails on any file
 * a run writes that no declaration names.
 */
import type { Config } from '../../schemas/config.ts';
import type { Artifact, HoldableKind } from '../guard/trust.ts';
import { kindOf } from '../kinds/index.ts';
import { type KpiDefinition, kpiReads } from '../kpis/catalogue.ts';
import { LISTS } from '../publish/lists.ts';

/** The artifacts of a run with this configuration, KPIs and contracts (the selected ones, with --select). */
export function declareArtifacts(
  config: Config,
  defs: readonly KpiDefinition[],
  select?: readonly string[],
): Artifact[] {
  const chosen = (id: string) => !select || select.includes(id);
  const kpis = defs.filter((d) => chosen(d.id));
  const contracts = config.contracts.filter((c) => chosen(c.id));
  const everything = [
    ...new Set([
      ...defs.flatMap(kpiReads),
      ...LISTS.flatMap((l) => l.reads),
      ...config.contracts.flatMap((c) => kindOf(c).extracts),
    ]),
  ];
  return [
    ...kpis.map(
      (d): Artifact => ({
        kind: 'kpi',
        id: d.id,
        reads: kpiReads(d),
        files: [`public/charts/${d.id}.*`, `public/charts/${d.id}-*`],
      }),
    ),
    ...LISTS.map((l): Artifact => ({ kind: 'list', id: l.id, reads: l.reads, files: [`public/${l.file}`] })),
    ...contracts.map(
      (c): Artifact => ({
        kind: 'contract',
        id: c.id,
        reads: kindOf(c).extracts,
        files: [`restricted/contracts/${c.id}.*`, `restricted/charts/${c.id}.*`],
      }),
    ),
    // kpis.json and its tables hold every KPI entry, each held back or not on its own.
    { kind: 'table', id: 'kpis', reads: everything, files: ['public/kpis.*'] },
    // The reports are drawn from what is published, and say what was held back and why.
    { kind: 'report', id: 'reports', reads: everything, files: ['public/reports/*', 'restricted/reports/*'] },
    // The sites, like the reports, show what is published (a held-back KPI at its previous values).
    { kind: 'report', id: 'sites', reads: everything, files: ['public/site/**', 'restricted/site/**'] },
    { kind: 'static', id: 'schemas', reads: [], files: ['public/schemas/*'] },
    // The exact, restricted copy of the warehouse, and the quarantine of this night's files.
    { kind: 'warehouse', id: 'warehouse', reads: everything, files: ['restricted/warehouse.duckdb'] },
    { kind: 'run', id: 'quarantine', reads: everything, files: ['restricted/quarantine/**'] },
    { kind: 'run', id: 'manifest', reads: everything, files: ['manifest.json', 'config.json'] },
  ];
}

/** Whether `path` (relative to the run's folder, with `/`) is one of the artifact's files. */
export function ownsFile(a: Artifact, path: string): boolean {
  return a.files.some((pattern) => {
    const re = pattern
      .split(/(\*\*|\*)/)
      .map((part) =>
        part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    return new RegExp(`^${re}$`).test(path);
  });
}

/** What the previous publication has: its KPI entries, lists and contracts (for a first run's words). */
export interface PreviousPublication {
  has(kind: HoldableKind, id: string): boolean;
}
