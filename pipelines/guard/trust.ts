/**
 * Trust (docs/privacy-and-reliability.md: a rejected input never silently changes a published figure).
 * One decision, which `kpi run` and `kpi check` both make: which inputs cannot be trusted this night,
 * and so which published artifacts are held back at their previous publication. Every artifact
 * declares what it reads (run/artifacts.ts); an input that cannot be trusted holds back every artifact
 * that reads it, whatever kind of artifact it is. The reasons are kinds, not sentences: the words come
 * from the kind (reasons.ts).
 */
import type { InputFile } from '../../schemas/outputs.ts';
import { type VolumeDrop, type Volumes, volumeDrops, volumeGrowth } from './volumes.ts';

/** What happened to an extract's delivery, such that what reads it cannot be trusted. */
export type ReasonKind = 'rejected' | 'shrank' | 'grew' | 'folder_missing' | 'folder_empty';

export interface Reason {
  kind: ReasonKind;
  extract: string;
  /** The files behind it, or the extract's folder (`<extract>/`). */
  files: string[];
  /** rejected: why the file was rejected. */
  message?: string;
  /** shrank, grew: the months that fell or grew; folder_missing and folder_empty: the rows the previous run read. */
  drops?: VolumeDrop[];
  previousRows?: number;
  /** grew: the tolerance it grew beyond (shrank's is the one reasons.ts is given). */
  tolerance?: number;
}

/**
 * What an artifact is. A KPI entry, a list beside kpis.json and a contract's files are held back at
 * their previous publication when an input they read cannot be trusted. The others are rebuilt from
 * what is published and say what was held back (a report, kpis.json's table files), or read nothing the
 * inbox delivers (the JSON Schemas), or are exact restricted copies (the warehouse, the quarantine, the
 * manifest).
 */
export const HOLDABLE = ['kpi', 'list', 'contract'] as const;
export type HoldableKind = (typeof HOLDABLE)[number];
export type ArtifactKind = HoldableKind | 'report' | 'table' | 'static' | 'warehouse' | 'run';

const holdable = (k: ArtifactKind): k is HoldableKind => (HOLDABLE as readonly string[]).includes(k);

/** A published artifact and what it reads (run/artifacts.ts declares every one). */
export interface Artifact {
  kind: ArtifactKind;
  id: string;
  /** The extracts it reads, directly or through its configuration (a benchmark target reads survey_benchmarks). */
  reads: readonly string[];
  /** Its files, relative to the run's folder; `*` stands for any part of one name. */
  files: readonly string[];
}

/** One artifact held back this night: why, and whether the previous publication has it to carry. */
export interface Hold {
  kind: HoldableKind;
  id: string;
  reasons: Reason[];
  files: string[];
  /** The previous publication has this artifact: its figures are carried over. Else: a first run. */
  carried: boolean;
}

export interface TrustInput {
  inputs: readonly InputFile[];
  delivered: readonly string[];
  volumes: Volumes;
  /** The previous publication of the same municipality and inbox, when there is one. */
  previous?: { volumes?: Volumes; asOfMonth?: string; has(kind: HoldableKind, id: string): boolean };
  tolerance: number;
  /** volumeGrowthTolerance: growth in a month complete before, beyond which a delivery is doubled. */
  growthTolerance?: number;
  artifacts: readonly Artifact[];
  allowPartial: boolean;
}

export interface TrustDecision {
  /** The extracts that cannot be trusted, and why. */
  reasons: Reason[];
  /** What is held back (none with allowPartial). */
  holds: Hold[];
  /** What would be held back without allowPartial (the partial_publish warning names them). */
  wouldHold: Hold[];
  /**
   * The volumes the next night compares with: an extract not trusted keeps the previous run's, so the
   * next night compares with the last accepted delivery, not the shrunken one.
   */
  volumes: Volumes;
}

/** Files rejected whole, per extract. */
function rejected(inputs: readonly InputFile[]): Reason[] {
  return inputs
    .filter((i) => i.status === 'rejected')
    .map((f) => ({ kind: 'rejected' as const, extract: f.extract, files: [f.file], message: f.message }));
}

/** An extract whose rows fell: its folder is gone, it is empty, or it shrank. */
function fallen(extract: string, drops: VolumeDrop[], input: TrustInput): Reason {
  const previousRows = drops.reduce((s, d) => s + d.previous, 0);
  const files = [`${extract}/`];
  if (!input.delivered.includes(extract)) return { kind: 'folder_missing', extract, files, previousRows };
  const mine = input.inputs.filter((i) => i.extract === extract);
  // An empty file, or one whose every row was quarantined, loaded nothing (a rejected one is told as such).
  const nothing = mine.every((i) => i.rowsLoaded === 0);
  const gone = Object.values(input.volumes[extract] ?? {}).every((n) => n === 0);
  if (nothing && gone) return { kind: 'folder_empty', extract, files, previousRows };
  return { kind: 'shrank', extract, files, drops };
}

/** The extracts that cannot be trusted this night. A rejected file is the reason told for its extract. */
export function untrusted(input: TrustInput): Reason[] {
  const reasons = rejected(input.inputs);
  const byExtract = new Map<string, VolumeDrop[]>();
  for (const d of volumeDrops(input.volumes, input.previous?.volumes, input.tolerance))
    byExtract.set(d.extract, [...(byExtract.get(d.extract) ?? []), d]);
  for (const [extract, drops] of byExtract) {
    if (reasons.some((r) => r.extract === extract)) continue;
    reasons.push(fallen(extract, drops, input));
  }
  const growth = input.growthTolerance ?? 1;
  const grown = new Map<string, VolumeDrop[]>();
  for (const g of volumeGrowth(input.volumes, input.previous?.volumes, growth, input.previous?.asOfMonth))
    grown.set(g.extract, [...(grown.get(g.extract) ?? []), g]);
  for (const [extract, drops] of grown) {
    if (reasons.some((r) => r.extract === extract)) continue;
    reasons.push({ kind: 'grew', extract, files: [`${extract}/`], drops, tolerance: growth });
  }
  return reasons;
}

/** The decision: what cannot be trusted, and which holdable artifacts read it. */
export function decideTrust(input: TrustInput): TrustDecision {
  const reasons = untrusted(input);
  const wouldHold: Hold[] = [];
  for (const a of input.artifacts) {
    const kind = a.kind;
    if (!holdable(kind)) continue;
    const mine = reasons.filter((r) => a.reads.includes(r.extract));
    if (mine.length === 0) continue;
    wouldHold.push({
      kind,
      id: a.id,
      reasons: mine,
      files: [...new Set(mine.flatMap((r) => r.files))],
      carried: input.previous?.has(kind, a.id) ?? false,
    });
  }
  const holds = input.allowPartial ? [] : wouldHold;
  const volumes = { ...input.volumes };
  if (holds.length > 0 && input.previous?.volumes) {
    for (const r of reasons) {
      const before = input.previous.volumes[r.extract];
      if (before) volumes[r.extract] = before;
    }
  }
  return { reasons, holds, wouldHold, volumes };
}

/** The hold of an artifact this night, if it is held back. */
export function heldIn(
  decision: Pick<TrustDecision, 'holds'>,
  kind: HoldableKind,
  id: string,
): Hold | undefined {
  return decision.holds.find((h) => h.kind === kind && h.id === id);
}
