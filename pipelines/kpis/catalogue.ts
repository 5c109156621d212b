/**
 * The KPI catalogue (docs/kpis.md). One KPI = one entry here + one sql/kpis/<id>.sql. The defaults are
 * the source documents' figures; the configuration may override baseline and target per KPI.
 */
import type { InitiativeCard, KpiEntry, TargetRule } from '../../schemas/outputs.ts';
import { type MessageKey, t } from '../i18n/index.ts';

export interface KpiDefinition {
  id: string;
  title: string;
  /**
   * The strategy area it belongs to, by which the site's front page groups it: social psychiatry and
   * addiction, employment, providers (tariffs, occupancy). Contracts' KPIs and initiatives have theirs.
   */
  area?: 'social' | 'employment' | 'providers';
  /** What the number is, in Danish, for reports and `kpi explain`. */
  definition: string;
  unit: KpiEntry['unit'];
  grain: KpiEntry['grain'];
  direction: KpiEntry['direction'];
  /** `fixed`: the value is the baseline whatever the data say (Jobfokus: the contract's 4 %). */
  baseline?: { period: string; value?: number; fixed?: boolean };
  target: TargetRule;
  source: string;
  /** The source document's own words, quoted by `kpi explain`. */
  passage?: string;
  /** Built-in extract names (string) or own ones from the configuration. */
  extracts: string[];
  /** Publish the distinct persons behind each point (docs/kpis.md: sel85_employment_rate). */
  publishPersons?: boolean;
  /** Disclosure control applies (figures about persons). False for providers and facilities. */
  disclosure?: boolean;
  /** A user-defined initiative's SQL (run in the sandbox); built-in KPIs read sql/kpis/<id>.sql. */
  sqlText?: string;
  /** A contract's KPI's SQL (its kind's kpis.ts): the engine's own, run on the warehouse. */
  engineSql?: string;
  /** A user-defined initiative's card: themes, owner, description, follow-up. */
  initiative?: InitiativeCard;
}

/**
 * Every extract a KPI reads: those its SQL needs, and those its configuration reads, a benchmark target
 * reading the survey benchmarks. An input among them that cannot be trusted holds the KPI back
 * (guard/trust.ts): a target taken from a rejected file would change a status silently.
 */
export function kpiReads(def: Pick<KpiDefinition, 'extracts' | 'target'>): string[] {
  return [...def.extracts, ...(def.target.rule === 'benchmark' ? ['survey_benchmarks'] : [])];
}

/**
 * A KPI's title and definition, in Danish (the originals): the words live in the message catalogue
 * (i18n/messages/kpis.ts), which also holds them in English; config.ts kpiDefinitions reads them in the
 * user's language.
 */
function texts(id: string): Pick<KpiDefinition, 'title' | 'definition'> {
  return {
    title: t(`kpi.${id}.title` as MessageKey, {}, 'da'),
    definition: t(`kpi.${id}.definition` as MessageKey, {}, 'da'),
  };
}

// Mutation testing leaves the catalogue's text alone (docs/testing.md): titles, definitions, sources and
// passages are prose, and a changed id or unit fails every test that names the KPI. Its structure
// (targets, baselines, extracts, flags) is mutated.
// Stryker disable StringLiteral
/**
 * The built-in catalogue is national: each KPI is defined as the law, the ministry, STAR or KL define the
 * measure, and cites that source. A municipality's own strategy — its baselines, targets and source
 * texts — comes from its configuration (`kpis.<id>`); without one a KPI has no target ("Intet mål").
 * Lolland's strategy lives in the demo's configuration (demo/lolland.ts) and the lolland pack.
 */
export const CATALOGUE: KpiDefinition[] = [
  {
    id: 'sel85_employment_rate',
    area: 'social',
    ...texts('sel85_employment_rate'),
    unit: 'share',
    grain: 'year',
    direction: 'increase',
    target: { rule: 'none' },
    source: 'Serviceloven § 85 (socialpædagogisk støtte); løntimer fra eIndkomst (Skattestyrelsen via STAR)',
    extracts: ['sel85', 'employment'],
    publishPersons: true,
  },
  {
    id: 'neet_share',
    area: 'employment',
    ...texts('neet_share'),
    unit: 'share',
    grain: 'year',
    direction: 'decrease',
    target: { rule: 'none' },
    source: 'Danmarks Statistik og STAR: unge uden job og uddannelse (NEET), opgjort som i Ungedatabasen',
    extracts: ['neet'],
  },
  {
    id: 'treatment_employment_retained',
    area: 'social',
    ...texts('treatment_employment_retained'),
    unit: 'count',
    grain: 'year',
    direction: 'increase',
    target: { rule: 'none' },
    source: 'Serviceloven § 101 og sundhedsloven § 141 (stof- og alkoholbehandling); løntimer fra eIndkomst',
    extracts: ['treatment', 'employment'],
  },
  {
    id: 'neet_without_benefit',
    area: 'employment',
    ...texts('neet_without_benefit'),
    unit: 'count',
    grain: 'year',
    direction: 'decrease',
    target: { rule: 'none' },
    source: 'STAR: unge uden job, uddannelse eller offentlig forsørgelse (Ungedatabasen)',
    extracts: ['neet'],
  },
  {
    id: 'cafe_inquiries',
    area: 'social',
    ...texts('cafe_inquiries'),
    unit: 'count',
    grain: 'year',
    direction: 'none',
    target: { rule: 'none' },
    source: 'Serviceloven § 10 (åben, anonym rådgivning): kommunens egen registrering af henvendelser',
    extracts: ['cafe'],
  },
  {
    id: 'survey_satisfaction',
    area: 'social',
    ...texts('survey_satisfaction'),
    unit: 'share',
    grain: 'wave',
    direction: 'increase',
    baseline: { period: 'first' },
    target: { rule: 'benchmark' },
    source:
      'KL’s tilfredshedsmålinger (borger- og virksomhedsundersøgelser), med KL’s landsgennemsnit som mål',
    extracts: ['survey_responses', 'survey_answers'],
  },
  {
    id: 'survey_response_rate',
    area: 'social',
    ...texts('survey_response_rate'),
    unit: 'share',
    grain: 'wave',
    direction: 'increase',
    target: { rule: 'none' },
    source: 'KL’s tilfredshedsmålinger: svarprocent (gennemført og delvis gennemført)',
    extracts: ['survey_responses'],
  },
  {
    id: 'tariff_alerts',
    area: 'providers',
    ...texts('tariff_alerts'),
    unit: 'count',
    grain: 'year',
    direction: 'decrease',
    target: { rule: 'threshold', max: 0 },
    source:
      'Rammeaftalen for det specialiserede socialområde (KKR): takster for private og offentlige tilbud',
    extracts: ['tariffs'],
    disclosure: false,
  },
  {
    id: 'occupancy_rate',
    area: 'providers',
    ...texts('occupancy_rate'),
    unit: 'share',
    grain: 'year',
    direction: 'increase',
    target: { rule: 'none' },
    source: 'Serviceloven §§ 107–108 (botilbud): belægning som på Tilbudsportalen',
    extracts: ['occupancy'],
    disclosure: false,
  },
  {
    id: 'rangliste_placering',
    area: 'employment',
    ...texts('rangliste_placering'),
    unit: 'rank',
    grain: 'half_year',
    direction: 'decrease',
    target: { rule: 'none' },
    source: 'Beskæftigelsesministeriets rangliste (STAR, jobindsats.dk)',
    extracts: ['rangliste'],
    disclosure: false,
  },
  {
    id: 'rangliste_forskel',
    area: 'employment',
    ...texts('rangliste_forskel'),
    unit: 'points',
    grain: 'half_year',
    direction: 'decrease',
    target: { rule: 'threshold', max: 0 },
    source: 'Beskæftigelsesministeriets rangliste (STAR, jobindsats.dk): faktisk mod forventet',
    extracts: ['rangliste'],
    disclosure: false,
  },
  {
    id: 'hoejdespringer_placering',
    area: 'employment',
    ...texts('hoejdespringer_placering'),
    unit: 'rank',
    grain: 'half_year',
    direction: 'decrease',
    target: { rule: 'none' },
    source: 'Beskæftigelsesministeriets højdespringerliste (STAR, jobindsats.dk)',
    extracts: ['rangliste'],
    disclosure: false,
  },
];
// Stryker restore StringLiteral
