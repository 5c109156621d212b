/**
 * Extract contracts (spec: docs/inbox.md). One zod object schema per extract is the single source of
 * truth: `pipelines/ingest/contract.ts` compiles it to DuckDB column types and SQL checks.
 *
 * Column metadata (`.meta`) carries what zod cannot say by itself:
 * - `kind`: how the text in a file is parsed (cpr, date, month, half_year, decimal, integer, boolean, code,
 *   text)
 * - `aliases`: Danish header names that map to the column
 * - `openCodes`: a code column that accepts any value (the listed ones are examples)
 * Object metadata carries the key, the cross-column rules and references to other extracts.
 */
import { z } from 'zod';
import type { MessageKey } from '../pipelines/i18n/index.ts';

export type ColumnKind =
  | 'cpr'
  | 'date'
  | 'month'
  | 'half_year'
  | 'decimal'
  | 'integer'
  | 'boolean'
  | 'code'
  | 'text';

export interface ColumnMeta {
  kind: ColumnKind;
  aliases?: string[];
  openCodes?: boolean;
  /** An open code column's usual values; other spellings of them (Ungeløftet, ungeloeftet) are folded to them. */
  examples?: string[];
  /**
   * The column's max is a plausibility bound (a value above it is almost surely an export error), not
   * a rule of the extract; what it bounds, in words (a message key).
   */
  plausible?: MessageKey;
  /** For text columns that may hold a CPR for some rows (survey respondent ids): pseudonymise those. */
  cprWhen?: string;
}

export interface RowRule {
  /** Rule name as it appears in quarantine files. */
  rule: string;
  /** Column the violation is reported against. */
  column: string;
  /** SQL boolean over the typed columns that is TRUE when the row breaks the rule. */
  violatedWhen: string;
  /** What the analyst reads, from the message catalogue. */
  message: { key: MessageKey; params?: Record<string, string> };
}

export interface ExtractMeta {
  key?: string[];
  rules?: RowRule[];
  /** Rows must match a row of another extract on these columns (survey answers -> responses). */
  references?: { extract: string; columns: string[] };
  description: string;
}

const CPR_ALIASES = ['cprnr', 'cpr_nr', 'personnummer'];

const cpr = () => z.string().meta({ kind: 'cpr', aliases: CPR_ALIASES } satisfies ColumnMeta);
const date = (aliases: string[] = []) => z.iso.date().meta({ kind: 'date', aliases } satisfies ColumnMeta);
const optionalDate = (aliases: string[] = []) =>
  z.iso
    .date()
    .optional()
    .meta({ kind: 'date', aliases } satisfies ColumnMeta);
const month = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .meta({ kind: 'month', aliases: ['maaned', 'måned'] } satisfies ColumnMeta);
const decimal = (
  min: number | undefined,
  max: number | undefined,
  aliases: string[] = [],
  plausible?: MessageKey,
) => {
  let n = z.number();
  if (min !== undefined) n = n.min(min);
  if (max !== undefined) n = n.max(max);
  return n.meta({ kind: 'decimal', aliases, ...(plausible ? { plausible } : {}) } satisfies ColumnMeta);
};
const integer = (
  min: number | undefined,
  aliases: string[] = [],
  opts: { exclusiveMin?: boolean; max?: number; plausible?: MessageKey } = {},
) => {
  let n = z.number().int();
  if (min !== undefined) n = opts.exclusiveMin ? n.gt(min) : n.min(min);
  if (opts.max !== undefined) n = n.max(opts.max);
  return n.meta({
    kind: 'integer',
    aliases,
    ...(opts.plausible ? { plausible: opts.plausible } : {}),
  } satisfies ColumnMeta);
};
const bool = (aliases: string[] = []) => z.boolean().meta({ kind: 'boolean', aliases } satisfies ColumnMeta);
const code = <T extends [string, ...string[]]>(values: T, aliases: string[] = []) =>
  z.enum(values).meta({ kind: 'code', aliases } satisfies ColumnMeta);
const optionalCode = <T extends [string, ...string[]]>(values: T, aliases: string[] = []) =>
  z
    .enum(values)
    .optional()
    .meta({ kind: 'code', aliases } satisfies ColumnMeta);
const openCode = (examples: string[], aliases: string[] = []) =>
  z
    .string()
    .min(1)
    .meta({ kind: 'code', aliases, openCodes: true, examples, description: `e.g. ${examples.join(', ')}` });
const text = (aliases: string[] = []) =>
  z
    .string()
    .min(1)
    .meta({ kind: 'text', aliases } satisfies ColumnMeta);
const optionalText = (aliases: string[] = []) =>
  z
    .string()
    .optional()
    .meta({ kind: 'text', aliases } satisfies ColumnMeta);

/** Every extract may carry the kommunekode; absent means the configured municipality. */
const municipality = () =>
  z
    .string()
    .regex(/^\d{3}$/)
    .optional()
    .meta({ kind: 'text', aliases: ['kommunekode', 'kommune'] } satisfies ColumnMeta);

const endNotBeforeStart = (start: string, end: string): RowRule => ({
  rule: 'end_before_start',
  column: end,
  violatedWhen: `${end} < ${start}`,
  message: { key: 'rule.end_before_start', params: { start, end } },
});

export const BENEFIT_CODES = [
  'kontanthjaelp',
  'uddannelseshjaelp',
  'ressourceforloeb',
  'jobafklaring',
  'sygedagpenge',
  'a_dagpenge',
  'ledighedsydelse',
  'fleksjob',
  'foertidspension',
  'su',
  'ingen',
] as const;

export const employment = z
  .object({
    cpr: cpr(),
    month: month(),
    wage_hours: decimal(0, 744, ['loentimer', 'løntimer']),
    in_education: bool(['i_uddannelse', 'uddannelse']),
    benefit: optionalCode([...BENEFIT_CODES], ['ydelse']),
    municipality: municipality(),
  })
  .meta({
    key: ['cpr', 'month'],
    description: 'Person-month employment and income (eIndkomst, DREAM, SU)',
  } satisfies ExtractMeta);

export const sel85 = z
  .object({
    cpr: cpr(),
    decision_id: text(['afgoerelse_id', 'sags_id']),
    start_date: date(['startdato']),
    end_date: optionalDate(['slutdato']),
    hours_per_week: decimal(0, 168, ['timer_pr_uge']),
    target_group: code(['psykiatri', 'handicap', 'misbrug', 'andet'], ['maalgruppe', 'målgruppe']),
    provider: optionalText(['leverandoer', 'leverandør']),
    municipality: municipality(),
  })
  .meta({
    key: ['decision_id'],
    rules: [endNotBeforeStart('start_date', 'end_date')],
    description: 'Social-pedagogical support decisions, Serviceloven §85',
  } satisfies ExtractMeta);

export const neet = z
  .object({
    cpr: cpr(),
    month: month(),
    in_job: bool(['i_job', 'job']),
    in_education: bool(['i_uddannelse', 'uddannelse']),
    on_benefit: bool(['ydelse', 'paa_ydelse']),
    municipality: municipality(),
  })
  .meta({
    key: ['cpr', 'month'],
    description: 'Youth status per month (Ungedatabasen / KUI)',
  } satisfies ExtractMeta);

export const treatment = z
  .object({
    cpr: cpr(),
    episode_id: text(['forloeb_id', 'forløb_id']),
    start_date: date(['startdato']),
    end_date: optionalDate(['slutdato']),
    substance: code(['alkohol', 'stoffer', 'begge'], ['rusmiddel']),
    setting: optionalCode(['ambulant', 'dagbehandling', 'doegn', 'efterbehandling'], ['behandlingsform']),
    municipality: municipality(),
  })
  .meta({
    key: ['episode_id'],
    rules: [endNotBeforeStart('start_date', 'end_date')],
    description: 'Addiction treatment episodes',
  } satisfies ExtractMeta);

export const survey_responses = z
  .object({
    survey: openCode(['kl_borger', 'kl_virksomhed', 'livstilfredshed'], ['undersoegelse', 'undersøgelse']),
    wave: text(['runde']),
    respondent_id: z
      .string()
      .min(1)
      .meta({
        kind: 'text',
        aliases: ['respondent'],
        cprWhen: "survey = 'livstilfredshed'",
      } satisfies ColumnMeta),
    status: code(['gennemfoert', 'delvis', 'frabedt', 'ikke_besvaret']),
    segment: optionalText(['maalgruppe', 'målgruppe']),
    municipality: municipality(),
  })
  .meta({
    key: ['survey', 'wave', 'respondent_id'],
    description: 'Survey invitations: one row per invited respondent and wave',
  } satisfies ExtractMeta);

export const survey_answers = z
  .object({
    survey: openCode(['kl_borger', 'kl_virksomhed', 'livstilfredshed'], ['undersoegelse', 'undersøgelse']),
    wave: text(['runde']),
    respondent_id: z
      .string()
      .min(1)
      .meta({
        kind: 'text',
        aliases: ['respondent'],
        cprWhen: "survey = 'livstilfredshed'",
      } satisfies ColumnMeta),
    question_id: text(['spoergsmaal', 'spørgsmål']),
    answer: z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .meta({ kind: 'integer', aliases: ['svar'] } satisfies ColumnMeta),
    municipality: municipality(),
  })
  .meta({
    key: ['survey', 'wave', 'respondent_id', 'question_id'],
    rules: [
      {
        rule: 'answer_out_of_scale',
        column: 'answer',
        violatedWhen: "answer IS NOT NULL AND survey <> 'livstilfredshed' AND (answer < 1 OR answer > 5)",
        message: { key: 'rule.answer_out_of_scale' },
      },
    ],
    references: { extract: 'survey_responses', columns: ['survey', 'wave', 'respondent_id'] },
    description: 'Survey answers: one row per respondent, wave and question',
  } satisfies ExtractMeta);

export const survey_benchmarks = z
  .object({
    survey: openCode(['kl_borger', 'kl_virksomhed'], ['undersoegelse', 'undersøgelse']),
    wave: text(['runde']),
    question_id: text(['spoergsmaal', 'spørgsmål']),
    benchmark_share: decimal(0, 1, ['benchmark', 'andel']),
    // Denmark has 98 municipalities.
    n_municipalities: integer(1, ['antal_kommuner'], { max: 98 }),
  })
  .meta({
    key: ['survey', 'wave', 'question_id'],
    description: 'Benchmarks for surveys, e.g. the average of the participating municipalities',
  } satisfies ExtractMeta);

export const enrollment = z
  .object({
    cpr: cpr(),
    programme: openCode(['jobfokus', 'ungeloftet'], ['projekt', 'indsats']),
    enrolled_on: date(['startdato', 'visiteret']),
    left_on: optionalDate(['slutdato']),
    municipality: municipality(),
  })
  .meta({
    key: ['cpr', 'programme', 'enrolled_on'],
    rules: [endNotBeforeStart('enrolled_on', 'left_on')],
    description: 'Participation in programmes and outcome contracts',
  } satisfies ExtractMeta);

export const cafe = z
  .object({
    date: date(['dato']),
    // No café or crisis line takes 10,000 contacts in a day: a larger count is an export error.
    inquiries: integer(0, ['henvendelser', 'antal'], {
      max: 10_000,
      plausible: 'plausible.cafe',
    }),
    channel: optionalCode(['fremmoede', 'telefon', 'online', 'akuttelefon'], ['kanal']),
    age_band: optionalText(['aldersgruppe', 'alder']),
    municipality: municipality(),
  })
  .meta({ description: 'Rådgivningscafé and crisis-line contacts (anonymous)' } satisfies ExtractMeta);

export const tariffs = z
  .object({
    provider_id: text(['leverandoer_id', 'leverandør_id']),
    provider_name: text(['leverandoer', 'leverandør', 'leverandoernavn']),
    ownership: code(['privat', 'offentlig'], ['ejerform']),
    service: text(['ydelse', 'paragraf']),
    year: integer(1900, ['aar', 'år'], { max: 2099 }),
    rate: decimal(0, undefined, ['takst']),
    municipality: municipality(),
  })
  .meta({
    key: ['provider_id', 'service', 'year'],
    description: 'Provider tariffs under the framework agreement',
  } satisfies ExtractMeta);

export const occupancy = z
  .object({
    facility: text(['tilbud', 'botilbud']),
    month: month(),
    places: integer(0, ['pladser'], { exclusiveMin: true, max: 2_000, plausible: 'plausible.places' }),
    occupied_days: decimal(0, undefined, ['belagte_dage', 'belægningsdage']),
    municipality: municipality(),
  })
  .meta({
    key: ['facility', 'month'],
    rules: [
      {
        rule: 'occupied_days_above_capacity',
        column: 'occupied_days',
        violatedWhen: 'occupied_days > places * day(last_day(month))',
        message: { key: 'rule.occupied_days_above_capacity' },
      },
    ],
    description: 'Residential places (botilbud) and their occupancy',
  } satisfies ExtractMeta);

/**
 * A half-year, kept as `2024-H2`. A ranking list names its period by its two half-years, "1. halvår 2024 –
 * 2. halvår 2024": the list's half-year is the one it ends with.
 */
const halfYear = (aliases: string[] = []) =>
  z
    .string()
    .regex(/^\d{4}-H[12]$/)
    .meta({ kind: 'half_year', aliases } satisfies ColumnMeta);

/** The benefit groups of the ranking list: the three and their sum. */
export const BENEFIT_GROUPS = ['samlet', 'a_dagpenge', 'sygedagpenge', 'kontanthjaelp'] as const;

/**
 * Beskæftigelsesministeriets rangliste (the minutes of 12 August 2025, item 4): every municipality's
 * full-time persons on public support against the number expected from its conditions, per list and
 * benefit group. Municipalities are not persons: nothing here is personal data.
 */
export const rangliste = z
  .object({
    list_period: halfYear(['periode', 'opgoerelsesperiode', 'opgørelsesperiode', 'liste']),
    municipality: z
      .string()
      .regex(/^\d{3}$/)
      .meta({ kind: 'text', aliases: ['kommunekode', 'kommune', 'kommunenr'] } satisfies ColumnMeta),
    municipality_name: optionalText(['kommunenavn', 'navn']),
    benefit_group: code([...BENEFIT_GROUPS], ['ydelsesgruppe', 'ydelse', 'omraade', 'område']),
    expected_pct: decimal(0, 100, ['forventet', 'forventet_andel', 'forventet_pct']),
    actual_pct: decimal(0, 100, ['faktisk', 'faktisk_andel', 'faktisk_pct']),
    // Denmark has 98 municipalities.
    rank: z
      .number()
      .int()
      .min(1)
      .max(98)
      .optional()
      .meta({ kind: 'integer', aliases: ['placering', 'rang', 'nr'] } satisfies ColumnMeta),
  })
  .meta({
    key: ['list_period', 'municipality', 'benefit_group'],
    description:
      'The ministry of employment’s ranking list: full-time persons on public support, expected and actual',
  } satisfies ExtractMeta);

/** In load order: an extract that others reference comes first. */
export const EXTRACTS = {
  employment,
  sel85,
  neet,
  treatment,
  survey_responses,
  survey_answers,
  survey_benchmarks,
  enrollment,
  cafe,
  tariffs,
  occupancy,
  rangliste,
} as const;

export type ExtractName = keyof typeof EXTRACTS;
export const EXTRACT_NAMES = Object.keys(EXTRACTS) as ExtractName[];
