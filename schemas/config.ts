/**
 * Configuration (docs/commands.md): the municipality and every KPI parameter. The defaults are the figures
 * of the source documents (docs/kpis.md); a config file may override any of them.
 */
import { z } from 'zod';
import { t } from '../pipelines/i18n/index.ts';
import { ContractConfig } from './contracts.ts';
import { FOLLOW_UPS, KpiEntry, TargetRule } from './outputs.ts';
import { OwnExtracts } from './ownExtracts.ts';

const Period = z.string().regex(/^\d{4}(-H[12]|-\d{2})?$|^first$/, { error: () => t('config.period') });

/**
 * A user-defined initiative (the Kolding pattern, Kolding's initiative catalogue): a SQL query over the
 * warehouse, a baseline and a target rule, and the initiative's card (themes, owner, description,
 * follow-up). It is published like the built-in KPIs. The SQL returns municipality, period, numerator,
 * denominator and complete (and optionally persons, dimension, member). It may read the built-in
 * extracts and the configuration's own ones (docs/own-data.md).
 */
export const Initiative = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: () => t('config.initiativeId') }),
    title: z.string().min(1),
    definition: z.string().default(''),
    unit: KpiEntry.shape.unit,
    grain: KpiEntry.shape.grain,
    direction: KpiEntry.shape.direction,
    sql: z.string().min(1).optional(),
    sqlFile: z.string().min(1).optional().describe('relative to the configuration file'),
    baseline: z.object({ period: Period, value: z.number().optional() }).strict().optional(),
    target: TargetRule.default({ rule: 'none' }),
    /** Built-in or own extract names; checked against both in parseConfig. */
    extracts: z.array(z.string().min(1)).min(1),
    source: z.string().default('Egen indsats (konfiguration)'),
    /** The themes the initiative serves (Kolding: several of its ten). */
    themes: z.array(z.string().min(1)).default([]),
    owner: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    followUp: z.enum(FOLLOW_UPS).default('half_year'),
  })
  .strict()
  .refine((i) => (i.sql === undefined) !== (i.sqlFile === undefined), {
    error: () => t('config.sqlOrFile'),
    path: ['sql'],
  });
export type Initiative = z.infer<typeof Initiative>;

export const KpiOverride = z
  .object({
    baseline: z
      .object({
        period: Period,
        value: z.number().optional(),
      })
      .strict()
      .optional(),
    target: TargetRule.optional(),
    enabled: z.boolean().optional(),
    /** The municipality's own source for its target (its strategy, a committee's decision), and its words. */
    source: z.string().min(1).optional(),
    passage: z.string().min(1).optional(),
  })
  .strict();

/** Used when the configuration names no municipality, with a `municipality_not_configured` warning. */
export const DEFAULT_MUNICIPALITY = { code: '360', name: 'Lolland Kommune' } as const;

export const Config = z
  .object({
    /** The municipality of rows without a `municipality` column; DEFAULT_MUNICIPALITY when not set. */
    municipality: z
      .object({
        code: z.string().regex(/^\d{3}$/, { error: () => t('config.kommunekode') }),
        name: z.string().min(1),
      })
      .strict()
      .optional(),
    /**
     * The municipalities this publication is for, when more than one (kommunekoder): each gets its own
     * sections. Rows of any other municipality are quarantined as `other_municipality`. Without it, only
     * `municipality`'s rows are published.
     */
    municipalities: z
      .array(z.string().regex(/^\d{3}$/, { error: () => t('config.kommunekode') }))
      .min(1)
      .optional(),
    /** Disclosure control: counts in 1..minCell-1 are suppressed in public/. */
    minCell: z.number().int().min(1).default(5),
    /** "Employed in a month": wage_hours above this (docs/kpis.md, common definitions). */
    employedMinHours: z.number().min(0).default(0),
    /** Months after which an extract counts as stale (docs/privacy-and-reliability.md). */
    staleAfterMonths: z.number().int().min(1).default(2),
    duckdb: z
      .object({
        memoryLimit: z.string().optional(),
        tempDirectory: z.string().optional(),
        threads: z.number().int().min(1).optional(),
      })
      .strict()
      .default({}),
    /**
     * A folder of the municipality's own notebooks (*.md), rendered beside the built-in ones; one named
     * like a built-in notebook replaces it. Relative to the configuration file.
     */
    notebooks: z.string().min(1).optional(),
    /** The reports also as PDF (reports/<name>.pdf), printed by headless Chromium (docs/outputs.md). */
    report: z
      .object({ pdf: z.boolean().default(false) })
      .strict()
      .default({ pdf: false }),
    /**
     * Bounds on what one delivered file may cost (docs/security.md): a compressed file inflates to at
     * most maxInflatedBytes and maxInflateRatio times its size; a physical line is at most maxLineBytes
     * (a longer one is rejected as a row); the ingest worker's memory is at most workerMemoryBytes
     * (default: half of the machine's memory), past which the file it was reading is rejected.
     */
    limits: z
      .object({
        maxInflatedBytes: z
          .number()
          .int()
          .min(1)
          .default(4 * 1024 ** 3),
        maxInflateRatio: z.number().min(1).default(20),
        maxLineBytes: z
          .number()
          .int()
          .min(1024)
          .default(1024 ** 2),
        workerMemoryBytes: z
          .number()
          .int()
          .min(64 * 1024 ** 2)
          .optional(),
      })
      .strict()
      .default({ maxInflatedBytes: 4 * 1024 ** 3, maxInflateRatio: 20, maxLineBytes: 1024 ** 2 }),
    /** Published runs kept for rollback. */
    keepRuns: z.number().int().min(1).default(5),
    /**
     * Nights kept in the run history (output/history.json, the restricted site's run history and data
     * health): counts only, no person data, so it outlives the runs themselves (`keepRuns`).
     */
    historyRuns: z.number().int().min(1).default(400),
    /** Reuse files already loaded by an earlier run (same sha256) instead of parsing them again. */
    incremental: z.boolean().default(true),
    /** Tariff increases above these fractions are alerts (the minutes, item 12). */
    tariffThresholds: z
      .object({ privat: z.number().min(0).default(0.05), offentlig: z.number().min(0).default(0.08) })
      .strict()
      .default({ privat: 0.05, offentlig: 0.08 }),
    /**
     * Publish computed values even when an input they read was rejected whole or shrank (exit 0 with a
     * `partial_publish` warning) instead of holding them back at their previous values (exit 3).
     */
    allowPartial: z.boolean().default(false),
    /** An extract's rows in a month may fall by this fraction against the previous published run. */
    volumeDropTolerance: z.number().min(0).max(1).default(0.2),
    /**
     * An extract's rows in a month the previous published run had complete may grow by this fraction
     * (1: a doubling is flagged): beyond it, a re-export beside the earlier deliveries is likely.
     */
    volumeGrowthTolerance: z.number().min(0).default(1),
    /**
     * More known values of open code columns, by `<extract>.<column>` (e.g. `enrollment.programme`):
     * values not known give an `unknown_code` warning with a "did you mean".
     */
    knownCodes: z.record(z.string(), z.array(z.string().min(1))).default({}),
    /**
     * A group (name or number) that may read restricted/, .cache/ and the run folders (0750/0640);
     * without it they are the owner's only (0700/0600).
     */
    restrictedGroup: z.string().min(1).optional(),
    kpis: z.record(z.string(), KpiOverride).default({}),
    /** The ranking list's list of the most improved compares with the previous list or the one a year before. */
    rangliste: z
      .object({ comparedWith: z.enum(['previous', 'year']).default('previous') })
      .strict()
      .default({ comparedWith: 'previous' }),
    /** The municipality's own extracts (docs/own-data.md): files in inbox/<name>/, view staging.<name>. */
    extracts: OwnExtracts.default({}),
    /**
     * The themes initiatives may name, in the order the follow-up report shows them; when empty, any
     * theme is allowed and they appear in the order the initiatives first name them.
     */
    themes: z.array(z.string().min(1)).default([]),
    initiatives: z.array(Initiative).default([]),
    /**
     * Outcome contracts (docs/contracts.md); each entry is evaluated with evidence. None unless the
     * configuration names them (`kpi demo` names Lolland's two).
     */
    contracts: z.array(ContractConfig).default([]),
  })
  .strict();
export type Config = z.infer<typeof Config>;

/** The kommunekoder whose rows this publication publishes (`municipalities`, or the one municipality). */
export function publishedMunicipalities(config: Pick<Config, 'municipality' | 'municipalities'>): string[] {
  return config.municipalities ?? [municipalityOf(config).code];
}

/** The configured municipality, or the default one (then `assumed`). */
export function municipalityOf(config: Pick<Config, 'municipality'>): {
  code: string;
  name: string;
  assumed: boolean;
} {
  return config.municipality
    ? { ...config.municipality, assumed: false }
    : { ...DEFAULT_MUNICIPALITY, assumed: true };
}
