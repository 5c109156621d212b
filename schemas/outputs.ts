/**
 * The published JSON shapes (docs/outputs.md). The writer validates every file with these schemas before
 * it writes it, and the JSON Schemas under public/schemas/ are generated from them.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  extract: z.string().optional(),
  file: z.string().optional(),
});
export type Warning = z.infer<typeof Warning>;

export const InputFile = z.object({
  extract: z.string(),
  file: z.string().describe('relative to the inbox'),
  sha256: z.string(),
  status: z.enum(['loaded', 'rejected', 'duplicate', 'empty']),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsRejected: z.number().int(),
  rowsSkipped: z
    .number()
    .int()
    .describe(
      "rows read that are no data: Excel's sep= line and title rows above the header, totals rows and blank rows at the end; rowsRead = rowsLoaded + rowsRejected + rowsSkipped",
    ),
  headerLine: z.number().int().optional().describe('the line the header was found on, when it is not line 1'),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  decimal: z.string().nullable(),
  extraColumns: z.array(z.string()),
  cprMasked: z
    .number()
    .int()
    .optional()
    .describe(
      'CPR numbers masked in this file: in free-text values, header cells and its name (docs/security.md); 0 or absent when none',
    ),
  cprPadded: z
    .number()
    .int()
    .optional()
    .describe(
      'CPR numbers read from a numeric column (Parquet integer or double, an xlsx number cell) with 9 digits, left-padded with the lost leading 0',
    ),
  otherMunicipality: z
    .number()
    .int()
    .optional()
    .describe('rows quarantined as `other_municipality`: a municipality the configuration does not publish'),
  futureDate: z
    .number()
    .int()
    .optional()
    .describe('rows quarantined as `future_date`: dated after the as-of month'),
  formulaValues: z
    .object({ cells: z.number().int(), first: z.string() })
    .optional()
    .describe("a workbook's data cells that hold a formula, read as the value Excel last computed"),
  duplicateOf: z.string().optional(),
  message: z.string().optional().describe('why a rejected file was rejected'),
  fromCache: z
    .boolean()
    .optional()
    .describe('loaded by an earlier run (same sha256): its rows were kept, not parsed again'),
});
export type InputFile = z.infer<typeof InputFile>;

/**
 * Why a KPI or contract was held back at its previous published values (docs/privacy-and-reliability.md: a
 * rejected input never silently changes a published figure).
 */
export const HeldBack = z.object({
  reason: z.string().describe('what happened to which input, in words'),
  files: z
    .array(z.string())
    .describe('the input files (relative to the inbox), or extract folders, behind it'),
});
export type HeldBack = z.infer<typeof HeldBack>;

export const Manifest = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  runId: z.string(),
  asOf: z.iso.date(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  codeVersion: z.string(),
  configHash: z.string(),
  keyFingerprint: z.string().describe('sha256 fingerprint of the pseudonymisation key, not the key'),
  municipality: z.object({
    code: z.string(),
    name: z.string(),
    assumed: z
      .boolean()
      .optional()
      .describe('true when no configuration named the municipality and the default was used'),
  }),
  municipalities: z
    .array(z.string())
    .optional()
    .describe('the kommunekoder published, when the configuration names several (`municipalities`)'),
  inbox: z.string().optional().describe('the inbox folder the run read, as an absolute path'),
  comparedWith: z
    .object({
      runId: z.string(),
      asOf: z.iso.date(),
      municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
      volumesCompared: z.boolean().describe('false when the previous publication read another inbox'),
    })
    .nullable()
    .optional()
    .describe('the previous publication in --out this run compared its volumes with; null on a first run'),
  inputs: z.array(InputFile),
  totals: z.object({
    rowsRead: z.number().int(),
    rowsLoaded: z.number().int(),
    rowsRejected: z.number().int(),
    rowsSkipped: z.number().int(),
  }),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  warnings: z.array(Warning),
  heldBack: z
    .array(
      HeldBack.extend({
        kind: z
          .enum(['kpi', 'list', 'contract'])
          .describe('a KPI entry, a list beside kpis.json, or a contract'),
        id: z.string(),
        carried: z
          .boolean()
          .optional()
          .describe(
            'the previous publication had it and its figures were carried over; false on a first run',
          ),
      }),
    )
    .describe(
      'KPIs, lists and contracts held back because an input they read was rejected, shrank, is missing or is empty',
    ),
  volumes: z
    .record(z.string(), z.record(z.string(), z.number().int()))
    .describe(
      'rows per extract and month (YYYY-MM; "all" for extracts without months), as the KPIs read them; the next run compares its own against these',
    ),
  overrides: z
    .array(
      z.object({
        extract: z.string(),
        file: z.string().describe('the file whose rows won'),
        overrode: z.string().describe('the earlier file whose rows it replaced'),
        keys: z
          .number()
          .int()
          .describe('how many keys (e.g. person-months; for the café, municipality-days) it replaced'),
        rows: z
          .number()
          .int()
          .optional()
          .describe("for an extract without a key (the café): the earlier file's rows it replaced"),
      }),
    )
    .describe('where a later or correction file replaced rows of another file on the same key'),
  stages: z.array(z.object({ name: z.string(), seconds: z.number() })),
  outputs: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int() })),
});
export type Manifest = z.infer<typeof Manifest>;

export const KpiStatus = z.enum([
  'on_track',
  'off_track',
  'no_target',
  'no_data',
  'no_baseline',
  'incomplete',
]);
export type KpiStatus = z.infer<typeof KpiStatus>;

export const TargetRule = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('relative_growth'), perYear: z.number() }).strict(),
  z
    .object({ rule: z.literal('absolute_change'), perYear: z.number(), until: z.string().optional() })
    .strict(),
  z.object({ rule: z.literal('fixed'), values: z.record(z.string(), z.number()) }).strict(),
  z.object({ rule: z.literal('threshold'), min: z.number().optional(), max: z.number().optional() }).strict(),
  z.object({ rule: z.literal('benchmark') }).strict(),
  z.object({ rule: z.literal('none') }).strict(),
]);
export type TargetRule = z.infer<typeof TargetRule>;

export const SeriesPoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  persons: z.number().nullable().optional(),
  status: KpiStatus.nullable().describe(
    'null when suppressed: a status would tell which side of its target the hidden value lies',
  ),
  suppressed: z.boolean(),
  breakdown: z.record(z.string(), z.string()).optional(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** How often an initiative is followed up (Kolding's initiative catalogue: every half-year). */
export const FOLLOW_UPS = ['month', 'quarter', 'half_year', 'year'] as const;

/** A configured initiative's card (docs/own-data.md): what the follow-up report groups and shows. */
export const InitiativeCard = z.object({
  themes: z.array(z.string()),
  owner: z.string().nullable(),
  description: z.string().nullable(),
  followUp: z.enum(FOLLOW_UPS),
});
export type InitiativeCard = z.infer<typeof InitiativeCard>;

export const KpiEntry = z.object({
  id: z.string(),
  title: z.string(),
  unit: z
    .enum(['share', 'count', 'rate', 'dkk', 'score', 'rank', 'points', 'hours'])
    .describe('rank: a place, 1 is best; points: percentage points; hours: hours (e.g. a week)'),
  grain: z.enum(['year', 'half_year', 'month', 'wave']),
  direction: z.enum(['increase', 'decrease', 'none']),
  municipality: z.string(),
  source: z.string(),
  baseline: z
    .object({ period: z.string(), value: z.number().nullable(), from: z.enum(['data', 'config']).nullable() })
    .nullable(),
  target: TargetRule,
  series: z.array(SeriesPoint),
  latest: z
    .object({
      period: z.string(),
      value: z.number().nullable(),
      target: z.number().nullable(),
      status: KpiStatus,
    })
    .nullable()
    .describe('the latest complete point that is not suppressed, or null'),
  status: KpiStatus.nullable().describe(
    "the latest point's status; null when every complete point is suppressed",
  ),
  initiative: InitiativeCard.optional().describe(
    "present for the configuration's own initiatives: their card",
  ),
  heldBack: HeldBack.optional().describe(
    'present when this entry was held back: it is the previous publication, carried over unchanged',
  ),
  restatements: z.array(
    z.object({
      period: z.string(),
      breakdown: z.record(z.string(), z.string()).optional(),
      previousValue: z.number().nullable(),
      value: z.number().nullable(),
      previousRunId: z.string(),
    }),
  ),
});
export type KpiEntry = z.infer<typeof KpiEntry>;

/** What a period looks like in each grain: 2025, 2025-H1, 2025-07, a survey's wave 2025-1. */
export const PERIOD_PATTERN: Record<KpiEntry['grain'], RegExp> = {
  year: /^\d{4}$/,
  half_year: /^\d{4}-H[12]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  wave: /^\d{4}-\d{1,2}$/,
};

const inShare = (v: number | null | undefined) => v === null || v === undefined || (v >= 0 && v <= 1);

/**
 * What the published file promises beyond the shapes (docs/outputs.md): a suppressed point carries no
 * figure and no status; every period is written as its grain writes it; the municipality is a
 * kommunekode; a share lies in [0, 1]; and each KPI appears once per municipality.
 */
function checkEntry(k: KpiEntry, ctx: z.RefinementCtx, at: (string | number)[]): void {
  const issue = (message: string, path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', message, path: [...at, ...path] });
  if (!/^\d{3}$/.test(k.municipality)) issue('a municipality is a kommunekode of 3 digits', ['municipality']);
  const pattern = PERIOD_PATTERN[k.grain];
  k.series.forEach((p, i) => {
    if (!pattern.test(p.period))
      issue(`a ${k.grain} period is written like ${pattern.source}`, ['series', i, 'period']);
    if (p.suppressed)
      for (const f of ['value', 'numerator', 'denominator', 'persons', 'status'] as const)
        if (p[f] !== null && p[f] !== undefined)
          issue('a suppressed point carries no figure or status', ['series', i, f]);
    if (k.unit === 'share')
      for (const f of ['value', 'target'] as const)
        if (!inShare(p[f])) issue('a share lies between 0 and 1', ['series', i, f]);
  });
  if (k.latest && !pattern.test(k.latest.period))
    issue('the latest period is written as its grain', ['latest', 'period']);
  if (k.unit === 'share' && k.latest && (!inShare(k.latest.value) || !inShare(k.latest.target)))
    issue('a share lies between 0 and 1', ['latest']);
}

export const KpisJson = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    runId: z.string(),
    asOf: z.iso.date(),
    generatedAt: z.iso.datetime(),
    minCell: z.number().int(),
    kpis: z.array(KpiEntry),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.kpis.forEach((k, i) => {
      checkEntry(k, ctx, ['kpis', i]);
      const key = `${k.id}|${k.municipality}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          message: 'a KPI appears once per municipality',
          path: ['kpis', i, 'id'],
        });
      seen.add(key);
    });
  });
export type KpisJson = z.infer<typeof KpisJson>;

export const TariffAlertsJson = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  asOf: z.iso.date(),
  alerts: z.array(
    z.object({
      municipality: z.string(),
      providerId: z.string(),
      providerName: z.string(),
      ownership: z.enum(['privat', 'offentlig']),
      service: z.string(),
      year: z.number().int(),
      previousRate: z.number(),
      rate: z.number(),
      increase: z.number().describe('a fraction: 0.06 is a 6 % increase'),
      threshold: z.number(),
    }),
  ),
});
export type TariffAlertsJson = z.infer<typeof TariffAlertsJson>;

/**
 * public/rangliste.json: every municipality on each ranking list (Beskæftigelsesministeriets rangliste),
 * with its difference, rank and place on the list of the most improved. Municipalities are not persons:
 * nothing is suppressed.
 */
export const RanglisteJson = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  asOf: z.iso.date(),
  comparedWith: z.enum(['previous', 'year']).describe('the earlier list the improvement is measured against'),
  rows: z.array(
    z.object({
      listPeriod: z.string().describe('the half-year the list ends with, e.g. 2024-H2'),
      benefitGroup: z.enum(['samlet', 'a_dagpenge', 'sygedagpenge', 'kontanthjaelp']),
      municipality: z.string(),
      municipalityName: z.string().nullable(),
      expectedPct: z.number(),
      actualPct: z.number(),
      difference: z
        .number()
        .describe('actual − expected, percentage points; below 0 is better than expected'),
      rank: z.number().int(),
      rankComputed: z.boolean().describe('the file gave no rank: computed from the difference, ties sharing'),
      comparedWithPeriod: z.string().nullable(),
      improvement: z.number().nullable().describe('the earlier difference − this one; above 0 is better'),
      hoejdespringerRank: z.number().int().nullable().describe('1 improved the most'),
    }),
  ),
});
export type RanglisteJson = z.infer<typeof RanglisteJson>;

/**
 * What a DSI contract is on course to repay: the open measurements under the business case and under
 * the current trajectory, on top of what the final measurements booked. Never booked.
 */
export const DsiProjection = z.object({
  note: z.literal('projection').describe('a projection, never booked'),
  booked: z.number().describe('what the final measurements booked, the base of every scenario'),
  basedOn: z
    .string()
    .nullable()
    .describe('the latest final measurement, whose share and population the current trajectory holds'),
  provisional: z
    .object({
      period: z.string(),
      share: z.number().nullable(),
      successes: z.number().int(),
      population: z.number().int(),
    })
    .nullable()
    .describe('a later measurement that is not final: shown beside the trajectory, never its basis'),
  participants: z.number().int().describe('everyone enrolled in the programme so far'),
  goal2Seen: z.number().int().describe('goal-2 successes seen so far, booked or not: each is paid once'),
  scenarios: z.array(
    z.object({
      id: z.enum(['business_case', 'current_trajectory']),
      label: z
        .string()
        .describe('what the scenario is, in words, so no one takes it for the business case itself'),
      assumptions: z.array(z.string()).describe('what the scenario assumes, in words'),
      measurements: z.array(
        z.object({
          period: z.string(),
          population: z.number(),
          share: z.number(),
          successes: z.number(),
          goal1Payment: z.number(),
          goal2Successes: z.number(),
          goal2Payment: z.number(),
          cumulativeBeforeCap: z.number(),
        }),
      ),
      expectedRepayment: z.number().describe('booked + projected, at most the cap'),
      againstBusinessCase: z.number().describe("expectedRepayment / the business case's expected repayment"),
      capBindsIn: z.string().nullable(),
    }),
  ),
});
export type DsiProjection = z.infer<typeof DsiProjection>;

/** restricted/contracts/<id>.json for a DSI social investment (Jobfokus). Money in DKK, to the øre. */
export const DsiContractJson = z.object({
  id: z.string(),
  kind: z.string().optional().describe('the contract kind that evaluated it'),
  title: z.string(),
  asOf: z.iso.date(),
  municipality: z.string(),
  prices: z.object({
    goal1PerExcessSuccess: z.number().describe('rounded for display; payments use the exact price'),
    goal2PerSuccess: z.number(),
  }),
  measurements: z.array(
    z.object({
      period: z.string(),
      status: z.enum(['final', 'provisional']),
      hasData: z
        .boolean()
        .optional()
        .describe(
          'employment was delivered for a month of it before the as-of month; a half-year just begun has none',
        ),
      measuredPopulation: z.number().int(),
      successes: z.number().int(),
      share: z.number().nullable(),
      baselineShare: z.number(),
      expectedShare: z.number().nullable(),
      excess: z.number(),
      goal1Payment: z.number(),
      goal2Successes: z.number().int(),
      goal2Payment: z.number(),
      payment: z.number(),
      cumulativeBeforeCap: z.number().describe('the cumulative amount before the cap, to the øre'),
      cumulative: z.number(),
      capApplied: z.boolean(),
    }),
  ),
  totals: z.object({
    goal1: z.number(),
    goal2: z.number(),
    repayment: z.number(),
    cap: z.number(),
    capReachedIn: z.string().nullable(),
    expectedRepayment: z.number(),
  }),
  projection: DsiProjection.optional().describe('present in every evaluation since projections were added'),
  warnings: z.array(z.string()),
  heldBack: HeldBack.optional(),
});
export type DsiContractJson = z.infer<typeof DsiContractJson>;

/**
 * What a grant with result requirements is on course to pay: the share (or the number of the group)
 * needed in a remaining counted month for each requirement not yet met, and the payout under the
 * grant's plan and under the latest month's share held. Never booked.
 */
export const GrantProjection = z.object({
  note: z.literal('projection').describe('a projection, never booked'),
  remainingCountedMonths: z.number().int(),
  basedOn: z.string().nullable().describe('the latest complete month, whose share the trajectory holds'),
  latestShare: z.number().nullable(),
  requirements: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['met', 'not_met', 'pending']),
      neededShare: z.number().nullable().describe('the share one remaining counted month must reach'),
      neededPersons: z.number().int().nullable().describe('that share of the group as it stands'),
      ofGroup: z.number().int().nullable(),
    }),
  ),
  scenarios: z.array(
    z.object({
      id: z.enum(['business_case', 'current_trajectory']),
      label: z.string().describe('what the scenario is, in words'),
      assumptions: z.array(z.string()).describe('what the scenario assumes, in words'),
      requirements: z.array(z.object({ id: z.string(), met: z.boolean() })),
      expectedPayout: z.number(),
      againstGrant: z.number(),
    }),
  ),
});
export type GrantProjection = z.infer<typeof GrantProjection>;

/** restricted/contracts/<id>.json for a grant with result requirements (Ungeløftet). */
export const GrantContractJson = z.object({
  id: z.string(),
  kind: z.string().optional().describe('the contract kind that evaluated it'),
  title: z.string(),
  asOf: z.iso.date(),
  municipality: z.string(),
  period: z.object({
    start: z.iso.date(),
    end: z.iso.date(),
    secondHalfFrom: z.iso.date(),
    countedMonths: z.object({ from: z.string(), to: z.string() }),
  }),
  grant: z.object({ total: z.number(), byYear: z.record(z.string(), z.number()) }),
  months: z.array(
    z.object({
      month: z.string(),
      group: z.number().int(),
      inEmploymentOrEducation: z.number().int().nullable(),
      share: z.number().nullable(),
      counted: z.boolean(),
      complete: z.boolean(),
    }),
  ),
  requirements: z.array(
    z.object({
      id: z.string(),
      threshold: z.number(),
      payoutShare: z.number(),
      amount: z.number(),
      status: z.enum(['met', 'not_met', 'pending']),
      firstMonthMet: z.string().nullable(),
      bestShare: z.number().nullable(),
      bestMonth: z.string().nullable(),
    }),
  ),
  payout: z.object({ rate1: z.number(), released: z.number(), withheld: z.number(), total: z.number() }),
  projection: GrantProjection.optional().describe('present in every evaluation since projections were added'),
  warnings: z.array(z.string()),
  heldBack: HeldBack.optional(),
});

/**
 * A contract held back before it was ever published: there is no previous evaluation to carry over, so
 * it has no figures, only the reason.
 */
export const HeldBackContractJson = z.object({
  id: z.string(),
  kind: z.enum(['dsi_social_investment', 'grant_result_requirements']),
  title: z.string(),
  asOf: z.iso.date(),
  municipality: z.string(),
  status: z.literal('no_data'),
  heldBack: HeldBack,
});
export type HeldBackContractJson = z.infer<typeof HeldBackContractJson>;
export type GrantContractJson = z.infer<typeof GrantContractJson>;

/**
 * kpis.json's JSON Schema (public/schemas/kpis.schema.json) with the promises checkEntry keeps, as far
 * as JSON Schema can say them: periods by grain, the kommunekode, shares in [0, 1], and no figure or
 * status on a suppressed point. That each KPI appears once per municipality it cannot say; the
 * description does.
 */
export function kpisJsonSchema(): Record<string, unknown> {
  // The generated schema's shape is known here (an object of kpis, each with a series of points).
  type Node = { [k: string]: Node } & { allOf?: unknown[]; description?: string };
  const schema = z.toJSONSchema(KpisJson) as unknown as Node;
  const entry = schema.properties!.kpis!.items!;
  const nothing = { type: 'null' };
  entry.properties!.municipality = {
    ...entry.properties!.municipality,
    pattern: '^\\d{3}$',
  } as unknown as Node;
  entry.properties!.series!.items!.allOf = [
    {
      if: { properties: { suppressed: { const: true } }, required: ['suppressed'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: {
        properties: {
          value: nothing,
          numerator: nothing,
          denominator: nothing,
          persons: nothing,
          status: nothing,
        },
      },
    },
  ];
  const share = { anyOf: [nothing, { type: 'number', minimum: 0, maximum: 1 }] };
  entry.allOf = [
    ...Object.entries(PERIOD_PATTERN).map(([grain, pattern]) => ({
      if: { properties: { grain: { const: grain } }, required: ['grain'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: {
        properties: {
          series: { items: { properties: { period: { type: 'string', pattern: pattern.source } } } },
        },
      },
    })),
    {
      if: { properties: { unit: { const: 'share' } }, required: ['unit'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: { properties: { series: { items: { properties: { value: share, target: share } } } } },
    },
  ];
  schema.properties!.kpis!.description = 'each KPI once per municipality: (id, municipality) is unique';
  return schema;
}
