/**
 * Compiles an extract's zod contract (schemas/extracts.ts) to a spec: its columns with their kinds,
 * bounds, codes and patterns, its key, rules and references. parse.ts turns a spec into SQL (the typed
 * column list, the SQL that parses each text value, the checks whose violations go to quarantine); the
 * rows themselves are only ever touched by DuckDB.
 */
import type { z } from 'zod';
import type { ColumnMeta, ExtractMeta, ExtractName } from '../../schemas/extracts.ts';
import { EXTRACTS } from '../../schemas/extracts.ts';
import { foldCode } from '../core/fold.ts';
import type { ColumnCheck, SpecColumn } from './columns.ts';
import type { ExtractSpec } from './parse.ts';

export type { DecimalMark, ExtractSpec, HeaderMapping } from './parse.ts';
export {
  cleanHeader,
  columnChecks,
  duckType,
  headerScore,
  mapHeaders,
  masksCpr,
  parseSql,
} from './parse.ts';
export type { ColumnCheck, SpecColumn };

type AnySchema = z.ZodType & {
  def: { type: string };
  meta(): Record<string, unknown> | undefined;
  isOptional(): boolean;
};

function innerSchema(s: AnySchema): AnySchema & Record<string, unknown> {
  let cur = s as AnySchema & { unwrap?: () => AnySchema };
  while (cur.def.type === 'optional' || cur.def.type === 'default') cur = cur.unwrap!() as typeof cur;
  return cur as AnySchema & Record<string, unknown>;
}

function patternOf(inner: Record<string, unknown>): string | undefined {
  const checks = ((inner as { def: { checks?: { _zod: { def: Record<string, unknown> } }[] } }).def.checks ??
    []) as { _zod: { def: Record<string, unknown> } }[];
  for (const c of checks) {
    const p = c._zod.def.pattern;
    if (p instanceof RegExp) return p.source.replace(/^\^/, '').replace(/\$$/, '');
  }
  return undefined;
}

export function compileSpec(extract: ExtractName): ExtractSpec {
  const schema = EXTRACTS[extract] as unknown as z.ZodObject;
  const meta = schema.meta() as unknown as ExtractMeta;
  const columns: SpecColumn[] = Object.entries(schema.shape).map(([name, s]) => {
    const col = s as unknown as AnySchema;
    const m = (col.meta() ?? {}) as unknown as ColumnMeta;
    const inner = innerSchema(col);
    const c: SpecColumn = {
      name,
      kind: m.kind,
      optional: col.isOptional(),
      aliases: m.aliases ?? [],
      openCodes: m.openCodes ?? false,
      cprWhen: m.cprWhen,
    };
    if (m.plausible) c.plausible = m.plausible;
    if (m.kind === 'decimal' || m.kind === 'integer') {
      const min = inner.minValue as number | null;
      const max = inner.maxValue as number | null;
      if (min !== null && Number.isFinite(min)) c.min = min;
      if (max !== null && Number.isFinite(max) && max < Number.MAX_SAFE_INTEGER) c.max = max;
      // A strict lower bound (places > 0) is a check whose definition says inclusive: false.
      const checks =
        (inner as { def: { checks?: { _zod: { def: { check?: string; inclusive?: boolean } } }[] } }).def
          .checks ?? [];
      if (checks.some((ch) => ch._zod.def.check === 'greater_than' && ch._zod.def.inclusive === false))
        c.exclusiveMin = true;
    }
    if (m.kind === 'code' && !m.openCodes) c.codes = inner.options as string[];
    if (m.kind === 'code' && m.openCodes) c.examples = m.examples ?? [];
    if (m.kind === 'code') assertFoldsApart(`${extract}.${name}`, c.codes ?? c.examples ?? []);
    if (m.kind === 'text') c.pattern = patternOf(inner);
    return c;
  });
  return {
    extract,
    description: meta.description,
    columns,
    key: meta.key ?? [],
    rules: meta.rules ?? [],
    references: meta.references,
  };
}

export const EXTRACT_SPECS: Record<ExtractName, ExtractSpec> = Object.fromEntries(
  (Object.keys(EXTRACTS) as ExtractName[]).map((e) => [e, compileSpec(e)]),
) as Record<ExtractName, ExtractSpec>;

/** A built-in extract's spec by name; undefined for an own extract's name. */
export function builtinSpec(name: string): ExtractSpec | undefined {
  return Object.hasOwn(EXTRACT_SPECS, name) ? EXTRACT_SPECS[name as ExtractName] : undefined;
}

/** Two codes of one column must not fold to the same value, or a delivered value could not be placed. */
function assertFoldsApart(column: string, codes: string[]): void {
  const seen = new Map<string, string>();
  for (const code of codes) {
    const f = foldCode(code);
    if (seen.has(f))
      throw new Error(`${column}: the codes ${seen.get(f)} and ${code} fold to the same value`);
    seen.set(f, code);
  }
}
