/**
 * The extracts' reference tables for docs/inbox.md, made from the same compiled contracts that check the
 * files, so the documentation cannot drift from the code (a test compares them; `npm run docs` writes
 * them).
 */
import { EXTRACT_NAMES } from '../../schemas/extracts.ts';
import { t } from '../i18n/index.ts';
import { EXTRACT_SPECS, type SpecColumn } from './spec.ts';

const KIND: Record<SpecColumn['kind'], string> = {
  cpr: 'CPR',
  date: 'date',
  month: 'month',
  half_year: 'half-year',
  decimal: 'decimal',
  integer: 'integer',
  boolean: 'boolean',
  code: 'code',
  text: 'text',
};

function rule(c: SpecColumn): string {
  const parts: string[] = [];
  if (c.codes) parts.push(`one of ${c.codes.map((v) => `\`${v}\``).join(', ')}`);
  if (c.examples?.length) parts.push(`any value; usually ${c.examples.map((v) => `\`${v}\``).join(', ')}`);
  if (c.min !== undefined) parts.push(`${c.exclusiveMin ? '>' : '≥'} ${c.min}`);
  if (c.max !== undefined)
    parts.push(`≤ ${c.max}${c.plausible ? ` (plausibility bound: ${t(c.plausible, {}, 'en')})` : ''}`);
  if (c.pattern === '\\d{3}') parts.push('a 3-digit kommunekode');
  if (c.kind === 'half_year')
    parts.push(
      '`2024-H2`, `2. halvår 2024`, or a list\'s "1. halvår 2024 – 2. halvår 2024" (its last half-year)',
    );
  if (c.cprWhen) parts.push(`a CPR, pseudonymised, where ${c.cprWhen}`);
  return parts.join('; ') || '–';
}

/** Markdown: one table per extract with its columns, then its key, row rules and references. */
export function extractReference(): string {
  const out: string[] = [];
  for (const name of EXTRACT_NAMES) {
    const c = EXTRACT_SPECS[name];
    out.push(`### \`${name}\`: ${c.description}`, '');
    out.push('| column | type | required | rule | also accepted as |', '|---|---|---|---|---|');
    for (const col of c.columns) {
      const aliases = col.aliases.map((a) => `\`${a}\``).join(', ') || '–';
      out.push(
        `| \`${col.name}\` | ${KIND[col.kind]} | ${col.optional ? 'optional' : 'yes'} | ${rule(col)} | ${aliases} |`,
      );
    }
    out.push('');
    if (c.key.length) out.push(`Key: (${c.key.join(', ')}); a key twice in one file rejects the later rows.`);
    for (const r of c.rules) out.push(`Rule \`${r.rule}\`: ${t(r.message.key, r.message.params, 'en')}.`);
    if (c.references)
      out.push(
        `Every row must match a row of \`${c.references.extract}\` on (${c.references.columns.join(', ')}).`,
      );
    out.push('');
  }
  return out.join('\n').trimEnd();
}
