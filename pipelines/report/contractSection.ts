/**
 * The standard section of a contract in a restricted report (docs/outputs.md, the `contracts` block):
 * its title, the money as finance reads it, and its chart, for every configured contract whatever its
 * id, so the built-in finance report fits any municipality's contracts.
 */

import { HeldBack } from '../../schemas/outputs.ts';
import type { VegaLiteSpec } from '../core/vega.ts';
import type { Db } from '../duckdb.ts';
import type { ContractBase } from '../kinds/index.ts';
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
  config?: ContractBase,
): SectionParts {
  const heldBack = json.heldBack ? HeldBack.parse(json.heldBack) : undefined;
  const title = String(json.title ?? id);
  const kind = kindOfResult(json);
  if (!kind) return { title, heldBack, empty: true, explanation: [], queries: [], projection: [] };
  const r = kind.json.parse(json);
  return {
    title,
    heldBack,
    empty: false,
    explanation: kind.explain(r, config),
    queries: kind.queries(id),
    chart: kind.chart(r),
    projection: kind.projectionTables(r),
    projectionChart: kind.projectionChart(r),
  };
}

/** Runs the section's queries in the report database. */
export async function sectionRows(db: Db, s: SectionParts): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = [];
  for (const q of s.queries) out.push(await db.all(q));
  return out;
}
