/**
 * A schema's complaints in the user's words (docs/configuration.md): every bad field on its own line,
 * with its path; an unknown key with a "did you mean" (or the keys allowed there), and a value outside
 * a list with the list. zod's own texts are the fallback, in the user's language.
 */
import type { z } from 'zod';
import { t } from '../i18n/index.ts';
import { closest, foldHeader } from './fold.ts';

type Schema = z.core.$ZodType;
type Def = { type: string; [k: string]: unknown };

const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The option of a discriminated union that the raw value's discriminator picks. */
function unionOption(def: Def, raw: unknown): Schema | undefined {
  const key = def.discriminator as string | undefined;
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key ?? ''] : undefined;
  if (!key || given === undefined) return undefined;
  return (def.options as Schema[]).find((o) => {
    const d = defOf(o);
    const lit = d.type === 'object' ? (d.shape as Record<string, Schema>)[key] : undefined;
    return lit !== undefined && (defOf(lit).values as unknown[] | undefined)?.includes(given);
  });
}

/**
 * The schema that validates the value at `path` under `schema`, where it can be told (a discriminated
 * union by the raw value's discriminator); else undefined.
 */
export function schemaAt(schema: Schema, path: readonly PropertyKey[], raw?: unknown): Schema | undefined {
  let s: Schema | undefined = schema;
  let i = 0;
  while (s) {
    const def = defOf(s);
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type))
      s = def.innerType as Schema;
    else if (def.type === 'pipe') s = def.in as Schema;
    else if (def.type === 'union') s = unionOption(def, valueAt(raw, path.slice(0, i)));
    else if (i >= path.length) return s;
    else if (def.type === 'object') s = (def.shape as Record<string, Schema>)[String(path[i++])];
    else if (def.type === 'array') {
      s = def.element as Schema;
      i++;
    } else if (def.type === 'record') {
      s = def.valueType as Schema;
      i++;
    } else return undefined;
  }
  return undefined;
}

/** The keys an object schema allows. */
export function keysOf(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** The raw value at `path`. */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

const hint = (value: string, allowed: readonly string[]) => {
  const like =
    closest(value, allowed, (x) => foldHeader(x), 3) ??
    allowed.find((a) => foldHeader(a).startsWith(foldHeader(value)) && value.length >= 3);
  return like ? t('cli.didYouMean', { suggestion: `"${like}"` }) : '';
};

/** One issue as lines `  - path: what is wrong`, the paths prefixed with `prefix` (e.g. `contracts.0`). */
export function issueLines(
  issue: z.core.$ZodIssue,
  schema: Schema,
  raw: unknown,
  prefix: readonly PropertyKey[] = [],
): string[] {
  const at = (p: readonly PropertyKey[]) => [...prefix, ...p].join('.') || t('config.topLevel');
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysOf(schemaAt(schema, issue.path, raw));
    return issue.keys.map((key) => {
      const h = hint(key, allowed);
      const list = h || allowed.length === 0 ? '' : t('config.allowedKeys', { keys: allowed.join(', ') });
      return `  - ${at([...issue.path, key])}: ${t('config.unknownKey')}${h}${list}`;
    });
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const given = valueAt(raw, issue.path);
    const h = typeof given === 'string' ? hint(given, allowed) : '';
    return [
      `  - ${at(issue.path)}: ${t('config.notAllowed', { value: JSON.stringify(given) ?? '–', allowed: allowed.join(', ') })}${h}`,
    ];
  }
  const union = issue as z.core.$ZodIssue & { discriminator?: string; options?: unknown[] };
  if (issue.code === 'invalid_union' && union.discriminator && union.options) {
    const allowed = union.options.map(String);
    const given = valueAt(raw, issue.path);
    const path =
      issue.path.at(-1) === union.discriminator ? issue.path : [...issue.path, union.discriminator];
    const h = typeof given === 'string' ? hint(given, allowed) : '';
    return [
      `  - ${at(path)}: ${t('config.notAllowed', { value: JSON.stringify(given) ?? '–', allowed: allowed.join(', ') })}${h}`,
    ];
  }
  return [`  - ${at(issue.path)}: ${issue.message}`];
}
