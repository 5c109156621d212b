/**
 * Outcome-contract configuration (docs/contracts.md). Two built-in kinds: a DSI social investment
 * (Jobfokus) and a grant with result requirements (Ungeløftet). A new contract of either kind is a new
 * entry, not new code. The defaults are the figures of the minutes, item 7 and 8.
 */
import { z } from 'zod';
import { t } from '../pipelines/i18n/index.ts';

const HalfYear = z.string().regex(/^\d{4}-H[12]$/, { error: () => t('config.halfYear') });
const IsoDate = z.iso.date({ error: () => t('config.date') });
const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: () => t('config.contractId') });
const Share = z.number().min(0).max(1);

export const DsiContract = z
  .object({
    id: Id,
    kind: z.literal('dsi_social_investment'),
    title: z.string().min(1),
    /** Where its rules are decided (a committee's minutes and item): the finance report cites it. */
    source: z.string().min(1).optional(),
    programme: z.string().min(1).describe('enrollment.programme of the participants'),
    measurements: z.object({ first: HalfYear, last: HalfYear }).strict(),
    /** The KPI series starts here (the business case has targets from 2026). */
    kpiFrom: HalfYear,
    startupMonths: z.number().int().min(0),
    successMinHours: z.number().min(0).describe('wage hours in a full calendar month: 20 h/week × 4.3'),
    baselineShare: Share,
    businessCase: z
      .object({
        expectedRepayment: z.number().positive(),
        goal1Share: Share,
        goal2Share: Share,
        plannedPopulation: z.number().int().positive(),
        expectedShares: z
          .record(z.string().regex(/^\d{4}$/), Share)
          .describe('per year; a half-year takes its year'),
        goal2ExpectedRate: Share,
      })
      .strict(),
    cap: z.number().positive(),
    goal2: z
      .object({ survey: z.string(), question: z.string(), minMonthsBetween: z.number().int().min(0) })
      .strict(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.measurements.first > c.measurements.last) {
      ctx.addIssue({
        code: 'custom',
        path: ['measurements', 'last'],
        message: t('config.measurementsOrder'),
      });
    }
    // The prices spread the repayment over every measurement's expected excess (docs/contracts.md).
    const missing: string[] = [];
    for (
      let y = Number(c.measurements.first.slice(0, 4));
      y <= Number(c.measurements.last.slice(0, 4));
      y++
    ) {
      if (c.businessCase.expectedShares[String(y)] === undefined) missing.push(String(y));
    }
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['businessCase', 'expectedShares'],
        message: t('config.expectedShares', { years: missing.join(', ') }),
      });
    }
  });
export type DsiContract = z.infer<typeof DsiContract>;

export const GrantContract = z
  .object({
    id: Id,
    kind: z.literal('grant_result_requirements'),
    title: z.string().min(1),
    /** Where its rules are decided (a committee's minutes and item): the finance report cites it. */
    source: z.string().min(1).optional(),
    programme: z.string().min(1),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    secondHalfFrom: IsoDate.describe('result requirements count only months entirely from this date on'),
    grant: z
      .object({ total: z.number().positive(), byYear: z.record(z.string().regex(/^\d{4}$/), z.number()) })
      .strict(),
    rate1Share: Share.describe('paid on the interim accounts, without result requirements'),
    requirements: z
      .array(z.object({ id: z.string().min(1), threshold: Share, payoutShare: Share }).strict())
      .min(1),
    minHours: z.number().min(0).describe('in employment in a month: wage hours above this'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const sum = c.rate1Share + c.requirements.reduce((s, r) => s + r.payoutShare, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['requirements'],
        message: t('config.grantShares', { sum }),
      });
    }
    if (!(c.periodStart < c.secondHalfFrom && c.secondHalfFrom <= c.periodEnd)) {
      ctx.addIssue({
        code: 'custom',
        path: ['secondHalfFrom'],
        message: t('config.insidePeriod'),
      });
    }
  });
export type GrantContract = z.infer<typeof GrantContract>;

/**
 * A contract as the configuration lists it: an id, a kind and a title, and whatever its kind's own
 * schema asks for. Each kind validates its contracts against that schema (pipelines/kinds/, checked by
 * pipelines/config.ts), so a kind that is not built in needs no change here.
 */
export const ContractConfig = z.object({ id: Id, kind: z.string().min(1), title: z.string().min(1) }).loose();
export type ContractConfig = z.infer<typeof ContractConfig>;

/** The minutes, item 7 (docs/sources.md): Jobfokus with Den Sociale Investeringsfond. */
export const JOBFOKUS: DsiContract = {
  id: 'jobfokus',
  kind: 'dsi_social_investment',
  title: 'Jobfokus (social effektinvestering med Den Sociale Investeringsfond)',
  source: 'Social- og Arbejdsmarkedsudvalget, møde 12. august 2025, punkt 7',
  programme: 'jobfokus',
  measurements: { first: '2027-H2', last: '2032-H1' },
  kpiFrom: '2026-H1',
  startupMonths: 6,
  successMinHours: 86,
  baselineShare: 0.04,
  businessCase: {
    expectedRepayment: 11_400_000,
    goal1Share: 0.9,
    goal2Share: 0.1,
    plannedPopulation: 360,
    expectedShares: {
      '2026': 0.05,
      '2027': 0.1,
      '2028': 0.15,
      '2029': 0.15,
      '2030': 0.2,
      '2031': 0.2,
      '2032': 0.2,
    },
    goal2ExpectedRate: 0.65,
  },
  cap: 14_000_000,
  goal2: { survey: 'livstilfredshed', question: 'livstilfredshed', minMonthsBetween: 6 },
};

/** The minutes, item 8: the Ungeløftet grant from STAR. */
export const UNGELOFTET: GrantContract = {
  id: 'ungeloftet',
  kind: 'grant_result_requirements',
  title: 'Ungeløftet (tilskud til unge med psykiske lidelser og udfordringer ud over ledighed)',
  source: 'Social- og Arbejdsmarkedsudvalget, møde 12. august 2025, punkt 8',
  programme: 'ungeloftet',
  periodStart: '2025-08-15',
  periodEnd: '2028-12-31',
  secondHalfFrom: '2027-04-24',
  grant: {
    total: 5_974_640.06,
    byYear: { '2025': 433_912.41, '2026': 1_737_951.55, '2027': 2_056_767.83, '2028': 1_746_008.28 },
  },
  rate1Share: 0.5,
  requirements: [
    { id: 'R1', threshold: 0.5, payoutShare: 0.4 },
    { id: 'R2', threshold: 0.55, payoutShare: 0.1 },
  ],
  minHours: 0,
};
