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
  /** A user-defined initiative's SQL; built-in KPIs read sql/kpis/<id>.sql. */
  sqlText?: string;
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
/** The source documents, by title (docs/sources.md): a committee member must recognise them. */
const STRATEGY = 'Lolland Kommune: Strategi for Socialpsykiatri og Rusmiddel 2021–24';
const COMMITTEE = 'Lolland Kommune: Social- og Arbejdsmarkedsudvalget, møde 12. august 2025';

export const CATALOGUE: KpiDefinition[] = [
  {
    id: 'sel85_employment_rate',
    title: 'Beskæftigelse blandt borgere med §85-støtte (psykiatri)',
    definition:
      'Andelen af person-måneder med en aktiv §85-afgørelse (målgruppe psykiatri), hvor borgeren har løntimer.',
    unit: 'share',
    grain: 'year',
    direction: 'increase',
    baseline: { period: '2020' },
    target: { rule: 'relative_growth', perYear: 0.02 },
    source: `${STRATEGY}, Resultatmål – beskæftigelse`,
    passage:
      'Der forventes en årlig stigning på 2%. Der er udpeget en borgergruppe på ca. 225 med psykiske problemstillinger, som modtager støtte efter §85.',
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
    baseline: { period: '2020' },
    target: { rule: 'absolute_change', perYear: -0.01, until: '2024' },
    source: `${STRATEGY}, Resultatmål – tilbud til unge`,
    passage:
      'Administrationen skal tilrettelægge indsatsen således, at der sker et årligt fald på 1%-point per år frem til 2024 af unge, som ikke er i gang med enten job eller uddannelse.',
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
    baseline: { period: '2020' },
    target: { rule: 'absolute_change', perYear: 10 },
    source: `${STRATEGY}, Resultatmål – misbrugsbehandling`,
    passage:
      'Administrationen afrapporterer årligt det antal borgere, der via misbrugsbehandling er fastholdt i beskæftigelse. Der arbejdes efter en årlig stigning på 10 personer.',
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
    baseline: { period: '2024' },
    target: { rule: 'none' },
    source: `${COMMITTEE}, punkt 8: Ungeløftet (ca. 700 af ca. 2.000 unge)`,
    passage:
      'Administrationen vurderer, at ca. 700 ud af kommunens ca. 2.000 unge i alderen 15-29 år tilhører denne gruppe.',
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
    source: `${STRATEGY}, Resultatmål – rehabilitering og tidlig forebyggelse`,
    passage:
      'Der tages udgangspunkt i de løbende erfaringer fra den nystartede Rådgivningscafé, hvor antal borgerhenvendelser indgår i afrapporteringen.',
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
    source: `${COMMITTEE}, punkt 5 og 6: KL’s tilfredshedsmålinger`,
    passage:
      'Virksomhedernes overordnede tilfredshed med Jobcenter Lollands virksomhedsservice ligger derved 2 procentpoint over gennemsnittet for de 26 deltagende kommuner.',
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
    source: `${COMMITTEE}, punkt 6: KL’s Borgerundersøgelse (34,3 % + 1,9 %)`,
    passage:
      'Lolland Kommune deltog i nærværende undersøgelse med 2.040 borgere. Heraf har 34,3 % gennemført undersøgelsen og 1,9 % har delvis gennemført undersøgelsen.',
    extracts: ['survey_responses'],
  },
  {
    id: 'tariff_alerts',
    title: 'Takststigninger over indberetningsgrænsen',
    definition:
      'Antal (leverandør, ydelse), hvor taksten steg mere end 5 % (private) eller 8 % (offentlige) fra året før.',
    unit: 'count',
    grain: 'year',
    direction: 'decrease',
    target: { rule: 'threshold', max: 0 },
    source: `${COMMITTEE}, punkt 12: rammeaftalens takster`,
    passage:
      'Arbejdsgang for kommunernes indberetning af takststigninger til Socialtilsyn Øst (5 % for private og 8 % for offentlige leverandører).',
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
    source:
      'Lyngby-Taarbæk Kommune: Helhedsplan for Socialpsykiatrien (2013), botilbud: tomme pladser betales fuldt ud',
    passage: 'Kommunen betaler fuld pris for de tomme pladser (rammebevilling).',
    extracts: ['occupancy'],
    disclosure: false,
  },
  {
    id: 'jobfokus_success_share',
    title: 'Jobfokus: andel med 86 løntimer i en måned',
    definition:
      'Pr. halvår: andelen af de målte deltagere (optælling startet), der har mindst én måned med 86 løntimer eller uddannelse i halvåret.',
    unit: 'share',
    grain: 'half_year',
    direction: 'increase',
    baseline: { period: '2026-H1', value: 0.04, fixed: true },
    target: {
      rule: 'fixed',
      values: { '2026': 0.05, '2027': 0.1, '2028': 0.15, '2029': 0.15, '2030': 0.2, '2031': 0.2 },
    },
    source: `${COMMITTEE}, punkt 7: Investeringsprojektet Jobfokus (DSI)`,
    passage:
      'I business casen forventes en stigning fra, at 4 % af målgruppen opfyldte succesmålet i den forudgående baseline-analyse, til en forøgelse til 5 % i 2026, 10 % i 2027, 15 % i 2028 og 2029, samt 20 % i 2030 og 2031.',
    extracts: ['enrollment', 'employment'],
  },
  {
    id: 'ungeloftet_share',
    title: 'Ungeløftet: andel i beskæftigelse eller uddannelse',
    definition:
      'Pr. måned: andelen af indsatsgruppen (alle visiteret til og med måneden), der har løntimer eller er i uddannelse.',
    unit: 'share',
    grain: 'month',
    direction: 'increase',
    target: { rule: 'threshold', min: 0.5 },
    source: `${COMMITTEE}, punkt 8: Ungeløftet (resultatkrav 1)`,
    passage:
      'Resultatkrav 1: Hvis 50 pct. af indsatsgruppen er kommet i beskæftigelse eller uddannelse i en given måned i projektperioden kan 40 pct. af tilsagnsbeløbet udbetales.',
    extracts: ['enrollment', 'employment'],
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
    source: `${COMMITTEE}, punkt 4: Beskæftigelsesministeriets rangliste`,
    passage:
      'Lolland er nu nr. 40 ud af 98 kommuner på Beskæftigelsesministeriets seneste rangliste over kommunernes beskæftigelsesindsats. Kommunen er derved gået endnu 24 pladser frem i forhold til sidste opgørelse.',
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
    source: `${COMMITTEE}, punkt 4: Beskæftigelsesministeriets rangliste`,
    passage:
      'Kommunen havde i perioden præcis det forventede antal kommunalt forsørgede fuldtidspersoner, som forudsættes på baggrund af kommunens rammebetingelser.',
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
    source: `${COMMITTEE}, punkt 4: højdespringerlisten`,
    passage:
      'Lolland Kommune havde i 2023-2024 0,1 procentpoint flere fuldtidspersoner på offentlig forsørgelse end forventet. I 2024 havde kommunen præcis det antal offentlig forsørgede fuldtidspersoner som forventet, derved har kommunen haft en forbedring på ca. 0,1 procentpoint, hvilket har kvalificeret kommunen til en plads på ”højdespringerlisten”, med en 22. plads blandt landets 98 kommuner.',
    extracts: ['rangliste'],
    disclosure: false,
  },
];
// Stryker restore StringLiteral
