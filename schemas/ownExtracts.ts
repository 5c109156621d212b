/**
 * A municipality's own extracts, declared in its configuration (docs/own-data.md). Each becomes an
 * extract like the built-in ones: files in inbox/<name>/, the same dialects and formats, quarantine
 * with reasons, pseudonymisation and the view staging.<name>. This interface is stable.
 */
import { z } from 'zod';
import { t } from '../pipelines/i18n/index.ts';

export const OWN_COLUMN_TYPES = [
  'cpr',
  'text',
  'code',
  'integer',
  'decimal',
  'boolean',
  'date',
  'month',
] as const;
export type OwnColumnType = (typeof OWN_COLUMN_TYPES)[number];

/** A lower-case SQL-friendly name: it becomes a table or column name in the warehouse. */
const Name = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: () => t('config.ownName') });

export const OwnColumn = z
  .object({
    type: z.enum(OWN_COLUMN_TYPES),
    /** Other headers the column may have in a file (Danish spellings); case, spaces and æøå are folded. */
    aliases: z.array(z.string().min(1)).default([]),
    required: z.boolean().default(true),
    min: z.number().optional(),
    max: z.number().optional(),
    /** The allowed values of a `code` column; another value quarantines the row. */
    values: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.type === 'code' && !c.values)
      ctx.addIssue({ code: 'custom', path: ['values'], message: t('config.ownCodeValues') });
    if (c.type !== 'code' && c.values)
      ctx.addIssue({ code: 'custom', path: ['values'], message: t('config.ownValuesOnlyCode') });
    const numeric = c.type === 'integer' || c.type === 'decimal';
    for (const bound of ['min', 'max'] as const) {
      if (c[bound] !== undefined && !numeric)
        ctx.addIssue({ code: 'custom', path: [bound], message: t('config.ownBoundOnlyNumber') });
    }
    if (c.min !== undefined && c.max !== undefined && c.min > c.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: t('config.ownMinMax') });
  });
export type OwnColumn = z.infer<typeof OwnColumn>;

export const OwnCheck = z
  .object({
    /** SQL over one row's typed columns that is true for a good row; false quarantines the row. */
    sql: z.string().min(1),
    /** What the analyst reads in the quarantine file. */
    message: z.string().min(1),
    /** The rule's name in quarantine files; check_<n> when not given. */
    name: Name.optional(),
    /** The column the violation is reported against; by default the first column the SQL names. */
    column: Name.optional(),
  })
  .strict();

/** Column names the warehouse uses itself. */
export const RESERVED_COLUMNS = ['person_id', 'birth_date'];

export const OwnExtract = z
  .object({
    title: z.string().min(1),
    columns: z.record(Name, OwnColumn).refine((c) => Object.keys(c).length > 0, {
      error: () => t('config.ownNoColumns'),
    }),
    /** Where two rows share the key, the row of the later file wins; twice in one file is an error. */
    key: z.array(z.string()).default([]),
    checks: z.array(OwnCheck).default([]),
  })
  .strict()
  .superRefine((e, ctx) => {
    const names = Object.keys(e.columns);
    e.key.forEach((k, i) => {
      if (!names.includes(k))
        ctx.addIssue({
          code: 'custom',
          path: ['key', i],
          message: t('config.ownKeyUnknown', { column: k, columns: names.join(', ') }),
        });
    });
    for (const name of names) {
      if (RESERVED_COLUMNS.includes(name) || name.startsWith('v_') || name.startsWith('cpr_'))
        ctx.addIssue({ code: 'custom', path: ['columns', name], message: t('config.ownReservedColumn') });
    }
    const cprs = names.filter((n) => e.columns[n]!.type === 'cpr');
    if (cprs.length > 1)
      ctx.addIssue({ code: 'custom', path: ['columns', cprs[1]!], message: t('config.ownOneCpr') });
    const municipality = e.columns.municipality;
    if (municipality && municipality.type !== 'text')
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'municipality'],
        message: t('config.ownMunicipality'),
      });
    e.checks.forEach((c, i) => {
      if (c.column && !names.includes(c.column))
        ctx.addIssue({
          code: 'custom',
          path: ['checks', i, 'column'],
          message: t('config.ownKeyUnknown', { column: c.column, columns: names.join(', ') }),
        });
    });
  });
export type OwnExtract = z.infer<typeof OwnExtract>;

/** Tables of the ingest schema that are not extracts. */
export const RESERVED_EXTRACT_NAMES = ['files', 'violations', 'persons'];

export const OwnExtracts = z.record(Name, OwnExtract);
export type OwnExtracts = z.infer<typeof OwnExtracts>;
