/**
 * The KPI catalogue (docs/kpis.md). One KPI = one entry here + one sql/kpis/<id>.sql. The defaults are
 * the source documents' figures; the configuration may override baseline and target per KPI.
 */
import type { InitiativeCard, KpiEntry, TargetRule } from '../../schemas/outputs.ts';

export interface KpiDefinition {
  id: string;
  title: string;
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
    title: 'Beskæftigelse blandt borgere med §85-støtte (psykiatri)',
    definition:
      'Andelen af person-måneder med en aktiv §85-afgørelse (målgruppe psykiatri), hvor borgeren har løntimer.',
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
    title: 'Andel unge 15–29 år uden job og uddannelse',
    definition:
      'Andelen af person-måneder for unge på 15–29 år (alder ved månedens udgang), hvor den unge hverken er i job eller uddannelse.',
    unit: 'share',
    grain: 'year',
    direction: 'decrease',
    target: { rule: 'none' },
    source: 'Danmarks Statistik og STAR: unge uden job og uddannelse (NEET), opgjort som i Ungedatabasen',
    extracts: ['neet'],
  },
  {
    id: 'treatment_employment_retained',
    title: 'Borgere fastholdt i beskæftigelse via misbrugsbehandling',
    definition:
      'Antal borgere med et behandlingsforløb, der starter i året, og som er i beskæftigelse både i startmåneden og 6 måneder senere.',
    unit: 'count',
    grain: 'year',
    direction: 'increase',
    target: { rule: 'none' },
    source: 'Serviceloven § 101 og sundhedsloven § 141 (stof- og alkoholbehandling); løntimer fra eIndkomst',
    extracts: ['treatment', 'employment'],
  },
  {
    id: 'neet_without_benefit',
    title: 'Unge uden job, uddannelse og ydelse',
    definition:
      'Antal unge på 15–29 år, der hverken er i job, i uddannelse eller på offentlig ydelse, i årets sidste måned (en bestand).',
    unit: 'count',
    grain: 'year',
    direction: 'decrease',
    target: { rule: 'none' },
    source: 'STAR: unge uden job, uddannelse eller offentlig forsørgelse (Ungedatabasen)',
    extracts: ['neet'],
  },
  {
    id: 'cafe_inquiries',
    title: 'Henvendelser til Rådgivningscaféen og akuttelefonen',
    definition:
      'Antal henvendelser i året, i alt og fordelt på kanal (fremmøde, telefon, online, akuttelefon).',
    unit: 'count',
    grain: 'year',
    direction: 'none',
    target: { rule: 'none' },
    source: 'Serviceloven § 10 (åben, anonym rådgivning): kommunens egen registrering af henvendelser',
    extracts: ['cafe'],
  },
  {
    id: 'survey_satisfaction',
    title: 'Tilfredshed (andel tilfredse og meget tilfredse)',
    definition:
      'Pr. undersøgelse og runde: andelen af svarene 4–5 (tilfreds, meget tilfreds) blandt de gyldige svar på samlet tilfredshed.',
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
    title: 'Svarprocent',
    definition: 'Pr. undersøgelse og runde: (gennemført + delvis gennemført) / alle inviterede.',
    unit: 'share',
    grain: 'wave',
    direction: 'increase',
    target: { rule: 'none' },
    source: 'KL’s tilfredshedsmålinger: svarprocent (gennemført og delvis gennemført)',
    extracts: ['survey_responses'],
  },
  {
    id: 'tariff_alerts',
    title: 'Takststigninger over indberetningsgrænsen',
    definition:
      'Antal (leverandør, ydelse), hvor taksten steg mere end indberetningsgrænsen (tariffThresholds: private og offentlige tilbud) fra året før.',
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
    title: 'Belægningsprocent, botilbud',
    definition: 'Belagte døgn / (pladser × dage i måneden), samlet over året, pr. botilbud og i alt.',
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
    title: 'Placering på Beskæftigelsesministeriets rangliste',
    definition:
      'Kommunens plads blandt landets 98 kommuner pr. rangliste (1 er bedst): samlet og for A-dagpenge, sygedagpenge og kontanthjælp. Mangler pladsen i filen, beregnes den ud fra faktisk − forventet.',
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
    title: 'Offentligt forsørgede: faktisk mod forventet',
    definition:
      'Fuldtidspersoner på offentlig forsørgelse i procent af befolkningen, faktisk − forventet, i procentpoint pr. rangliste. 0 eller derunder er som forventet eller bedre.',
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
    title: 'Placering på højdespringerlisten',
    definition:
      'Kommunens plads blandt kommunerne efter forbedring af faktisk − forventet siden den tidligere rangliste (1 har forbedret sig mest). Den tidligere liste er den forrige, eller med rangliste.comparedWith = "year" listen et år før.',
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
