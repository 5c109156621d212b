/**
 * Lolland Kommune's strategy, as its configuration: the baselines, targets and source texts of its
 * strategy for social psychiatry and substance abuse 2021–24 and of the committee's meeting of
 * 12 August 2025 (docs/sources.md), and its two outcome contracts. The demo runs it (demo/contracts.ts),
 * and `npm run docs` writes it as the lolland pack's configuration (examples/lolland/kpi.config.json).
 * Nothing of it is built in: another municipality's run never sees it.
 */
import { JOBFOKUS, UNGELOFTET } from '../../schemas/contracts.ts';

export const LOLLAND = { code: '360', name: 'Lolland Kommune' } as const;

// Stryker disable StringLiteral
const STRATEGY = 'Lolland Kommune: Strategi for Socialpsykiatri og Rusmiddel 2021–24';
const COMMITTEE = 'Lolland Kommune: Social- og Arbejdsmarkedsudvalget, møde 12. august 2025';

/** Lolland's baselines, targets and sources, per KPI (the configuration's `kpis`). */
export const LOLLAND_KPIS = {
  sel85_employment_rate: {
    baseline: { period: '2020' },
    target: { rule: 'relative_growth', perYear: 0.02 },
    source: `${STRATEGY}, Resultatmål – beskæftigelse`,
    passage:
      'Der forventes en årlig stigning på 2%. Der er udpeget en borgergruppe på ca. 225 med psykiske problemstillinger, som modtager støtte efter §85.',
  },
  neet_share: {
    baseline: { period: '2020' },
    target: { rule: 'absolute_change', perYear: -0.01, until: '2024' },
    source: `${STRATEGY}, Resultatmål – tilbud til unge`,
    passage:
      'Administrationen skal tilrettelægge indsatsen således, at der sker et årligt fald på 1%-point per år frem til 2024 af unge, som ikke er i gang med enten job eller uddannelse.',
  },
  treatment_employment_retained: {
    baseline: { period: '2020' },
    target: { rule: 'absolute_change', perYear: 10 },
    source: `${STRATEGY}, Resultatmål – misbrugsbehandling`,
    passage:
      'Administrationen afrapporterer årligt det antal borgere, der via misbrugsbehandling er fastholdt i beskæftigelse. Der arbejdes efter en årlig stigning på 10 personer.',
  },
  neet_without_benefit: {
    baseline: { period: '2024' },
    source: `${COMMITTEE}, punkt 8: Ungeløftet (ca. 700 af ca. 2.000 unge)`,
    passage:
      'Administrationen vurderer, at ca. 700 ud af kommunens ca. 2.000 unge i alderen 15-29 år tilhører denne gruppe.',
  },
  cafe_inquiries: {
    source: `${STRATEGY}, Resultatmål – rehabilitering og tidlig forebyggelse`,
    passage:
      'Der tages udgangspunkt i de løbende erfaringer fra den nystartede Rådgivningscafé, hvor antal borgerhenvendelser indgår i afrapporteringen.',
  },
  survey_satisfaction: {
    source: `${COMMITTEE}, punkt 5 og 6: KL’s tilfredshedsmålinger`,
    passage:
      'Virksomhedernes overordnede tilfredshed med Jobcenter Lollands virksomhedsservice ligger derved 2 procentpoint over gennemsnittet for de 26 deltagende kommuner.',
  },
  survey_response_rate: {
    source: `${COMMITTEE}, punkt 6: KL’s Borgerundersøgelse (34,3 % + 1,9 %)`,
    passage:
      'Lolland Kommune deltog i nærværende undersøgelse med 2.040 borgere. Heraf har 34,3 % gennemført undersøgelsen og 1,9 % har delvis gennemført undersøgelsen.',
  },
  tariff_alerts: {
    source: `${COMMITTEE}, punkt 12: rammeaftalens takster`,
    passage:
      'Arbejdsgang for kommunernes indberetning af takststigninger til Socialtilsyn Øst (5 % for private og 8 % for offentlige leverandører).',
  },
  rangliste_placering: {
    source: `${COMMITTEE}, punkt 4: Beskæftigelsesministeriets rangliste`,
    passage:
      'Lolland er nu nr. 40 ud af 98 kommuner på Beskæftigelsesministeriets seneste rangliste over kommunernes beskæftigelsesindsats. Kommunen er derved gået endnu 24 pladser frem i forhold til sidste opgørelse.',
  },
  rangliste_forskel: {
    source: `${COMMITTEE}, punkt 4: Beskæftigelsesministeriets rangliste`,
    passage:
      'Kommunen havde i perioden præcis det forventede antal kommunalt forsørgede fuldtidspersoner, som forudsættes på baggrund af kommunens rammebetingelser.',
  },
  hoejdespringer_placering: {
    source: `${COMMITTEE}, punkt 4: højdespringerlisten`,
    passage:
      'Lolland Kommune havde i 2023-2024 0,1 procentpoint flere fuldtidspersoner på offentlig forsørgelse end forventet. I 2024 havde kommunen præcis det antal offentlig forsørgede fuldtidspersoner som forventet, derved har kommunen haft en forbedring på ca. 0,1 procentpoint, hvilket har kvalificeret kommunen til en plads på ”højdespringerlisten”, med en 22. plads blandt landets 98 kommuner.',
  },
};

/** The contracts' KPIs' source texts (their baselines and targets come from the contracts). */
export const LOLLAND_CONTRACT_KPIS = {
  jobfokus_success_share: {
    source: `${COMMITTEE}, punkt 7: Investeringsprojektet Jobfokus (DSI)`,
    passage:
      'I business casen forventes en stigning fra, at 4 % af målgruppen opfyldte succesmålet i den forudgående baseline-analyse, til en forøgelse til 5 % i 2026, 10 % i 2027, 15 % i 2028 og 2029, samt 20 % i 2030 og 2031.',
  },
  ungeloftet_share: {
    source: `${COMMITTEE}, punkt 8: Ungeløftet (resultatkrav 1)`,
    passage:
      'Resultatkrav 1: Hvis 50 pct. af indsatsgruppen er kommet i beskæftigelse eller uddannelse i en given måned i projektperioden kan 40 pct. af tilsagnsbeløbet udbetales.',
  },
};
// Stryker restore StringLiteral

/** Lolland's whole configuration, as the lolland pack's kpi.config.json holds it. */
export function lollandConfig(): Record<string, unknown> {
  return {
    municipality: { ...LOLLAND },
    kpis: { ...LOLLAND_KPIS, ...LOLLAND_CONTRACT_KPIS },
    contracts: [JOBFOKUS, UNGELOFTET],
  };
}
