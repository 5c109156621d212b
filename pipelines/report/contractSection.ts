/**
 * The standard section of a contract in a restricted report (docs/outputs.md, the `contracts` block):
 * its title, the money as finance reads it, and its chart, for every configured contract whatever its
 * id, so the built-in finance report fits any municipality's contracts.
 */
import type { ContractConfig } from '../../schemas/contracts.ts';
import { HeldBack } from '../../schemas/outputs.ts';
import type { VegaLiteSpec } from '../core/vega.ts';
import type { Db } from '../duckdb.ts';
import { kindOfResult } from '../kinds/index.ts';
import type { ReportTable } from '../kinds/kind.ts';

export interface SectionParts {
  title: string;
  /** Held back: why, and the files behind it. */
  heldBack?: HeldBack;
  /** No figures at all (held back before it was ever published). */
  empty: boolean;
  /** The contract in words, paragraph by paragraph. */
  explanation: string[];
  queries: string[];
  chart?: VegaLiteSpec;
  projection: ReportTable[];
  projectionChart?: VegaLiteSpec;
}

/** What a contract's section shows, from its published JSON (and its configuration, when known). */
export function contractSection(
  id: string,
  json: Record<string, unknown>,
  config?: ContractConfig,
): SectionParts {
  const heldBack = json.heldBack ? HeldBack.parse(json.heldBack) : undefined;
  const title = String(json.title ?? id);
  const kind = kindOfResult(json);
  if (!kind) return { title, heldBack, empty: true, explanation: [], queries: [], projection: [] };
  // The kinds are one union here; each kind gets its own results and configuration.
  const k = kind as unknown as {
    json: { parse(x: unknown): unknown };
    explain(r: unknown, c?: unknown): string[];
    projectionTables(r: unknown): ReportTable[];
    projectionChart?(r: unknown): VegaLiteSpec | undefined;
    chart(r: unknown): VegaLiteSpec;
  };
  const r = k.json.parse(json);
  const c = config && config.kind === kind.kind ? config : undefined;
  return {
    title,
    heldBack,
    empty: false,
    explanation: k.explain(r, c),
    queries: kind.queries(id),
    chart: k.chart(r),
    projection: k.projectionTables(r),
    projectionChart: k.projectionChart?.(r),
  };
}

/** Runs the section's queries in the report database. */
export async function sectionRows(db: Db, s: SectionParts): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = [];
  for (const q of s.queries) out.push(await db.all(q));
  return out;
}
