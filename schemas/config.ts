/**
 * Configuration (spec/README.md): the municipality and every KPI parameter. The defaults are the figures
 * of the source documents (spec/kpis.md); a config file may override any of them.
 */
import { z } from 'zod';
import { TargetRule } from './outputs.ts';

export const KpiOverride = z
  .object({
    baseline: z
      .object({
        period: z.string().regex(/^\d{4}(-H[12]|-\d{2})?$/, 'a period such as 2020, 2027-H2 or 2027-05'),
        value: z.number().optional(),
      })
      .strict()
      .optional(),
    target: TargetRule.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const Config = z
  .object({
    municipality: z
      .object({
        code: z.string().regex(/^\d{3}$/, 'a 3-digit kommunekode such as 360'),
        name: z.string().min(1),
      })
      .strict()
      .default({ code: '360', name: 'Lolland Kommune' }),
    /** Disclosure control: counts in 1..minCell-1 are suppressed in public/. */
    minCell: z.number().int().min(1).default(5),
    /** "Employed in a month": wage_hours above this (kpis.md, common definitions). */
    employedMinHours: z.number().min(0).default(0),
    /** Months after which an extract counts as stale (privacy-and-reliability.md). */
    staleAfterMonths: z.number().int().min(1).default(2),
    duckdb: z
      .object({
        memoryLimit: z.string().optional(),
        tempDirectory: z.string().optional(),
        threads: z.number().int().min(1).optional(),
      })
      .strict()
      .default({}),
    /** Published runs kept for rollback. */
    keepRuns: z.number().int().min(1).default(5),
    kpis: z.record(z.string(), KpiOverride).default({}),
  })
  .strict();
export type Config = z.infer<typeof Config>;
