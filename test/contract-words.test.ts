/**
 * What the two built-in contract kinds say to finance (the finance report's explanations, tables and
 * chart, the night's summary line) and what they declare (their KPI, parameters, known codes, report
 * queries), read through the registry as every stage reads them. No pipeline runs here: the results are
 * settled and projected from hand-made counts, so each figure below is checked by hand in its comment.
 * Prices: goal 1 10,260,000 / 468 = 21,923.0769… kr. per excess success, goal 2 1,140,000 / 234 =
 * 4,871.7948… kr. per success (docs/contracts.md).
 */
import { describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from '../pipelines/core/vega.ts';
import { setLang } from '../pipelines/i18n/index.ts';
import { dsiKind } from '../pipelines/kinds/dsi/index.ts';
import { halfYears } from '../pipelines/kinds/dsi/prices.ts';
import {
  contractParams,
  findKind,
  KINDS,
  kindOf,
  kindOfResult,
  registerKind,
} from '../pipelines/kinds/index.ts';
import { col, reportTable, sqlWord } from '../pipelines/kinds/kind.ts';
import { renderSvg } from '../pipelines/report/charts.ts';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import { grantMonth, jobfokusResult, ungeloftetResult } from './contract-results.ts';
import { fixedPriceKind, restoreKindsAfterTest } from './fixtures/fixed-price-kind.ts';

const dsi = kindOf('dsi_social_investment');
const grant = kindOf('grant_result_requirements');
const SOURCE = ' (Kilde: Social- og Arbejdsmarkedsudvalget, møde 12. august 2025, punkt 7.)';

/** A layered chart's layers, as the tests read them. */
interface Layer {
  data: { values: unknown[] };
  encoding: Record<string, unknown>;
}
const layers = (spec: VegaLiteSpec | undefined) => (spec?.layer ?? []) as Layer[];

/** 2027-H2 final, 72 of 360 with 40 goal-2 successes; 2028-H1 provisional, 63 of 350 with 10. */
const ONE_FINAL = jobfokusResult(
  '2028-05-01',
  [
    { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
    { period: '2028-H1', complete: false, population: 350, successes: 63, goal2Successes: 10 },
  ],
  370,
);

/** 2027-H2 and 2028-H1 final, 73 and 64 of 360, with the goal-2 successes given. */
const twoFinals = (goal2First: number, goal2Second: number) =>
  jobfokusResult(
    '2028-08-01',
    [
      { period: '2027-H2', complete: true, population: 360, successes: 73, goal2Successes: goal2First },
      { period: '2028-H1', complete: true, population: 360, successes: 64, goal2Successes: goal2Second },
    ],
    370,
  );

/** May 2027 10 of 20 (50 %, R1 met), June 9 of 20 (45 %): R2 (55 %) still pending. */
const R1_MET = ungeloftetResult('2027-08-01', [grantMonth('2027-05', 10), grantMonth('2027-06', 9)]);

describe('Jobfokus, in the finance report’s words', () => {
  it('explains who counts, a success, the prices, the cap and the rounding, each rule with its source', () => {
    expect(dsi.explain(ONE_FINAL, JOBFOKUS)).toEqual([
      `Hvem tæller: deltagerne i programmet «jobfokus». En deltager tælles med fra den første hele måned, når der er gået 6 måneder efter visitationen, og tælles fortsat med, også efter udskrivning.${SOURCE}`,
      `Succes (mål 1): mindst én måned i halvåret med mindst 86 løntimer eller med uddannelse. Der betales for merresultatet: succeserne ud over baselineandelen på 4 % af de målte (merresultat = succeser − 4 % × målte).${SOURCE}`,
      // 468 = Σ (expected share − 4 %) × 360 over the ten half-years; 21,923.08 = 90 % × 11,400,000 / 468.
      `Priser: mål 1 betaler 21.923,08 kr. pr. merresultat, dvs. 90 % af den forventede tilbagebetaling på 11.400.000,00 kr. fordelt på business casens forventede merresultat på 468 ved 360 deltagere. Mål 2 betaler 4.871,79 kr. pr. deltager, hvis livstilfredshed er steget mindst 6 måneder efter første svar, dvs. 10 % af 11.400.000,00 kr. fordelt på 65 % af de 360.${SOURCE}`,
      `Loft og kalender: tilbagebetalingen kan højst blive 14.000.000,00 kr., og der måles hvert halvår fra 2. halvår 2027 til 1. halvår 2032. En måling er foreløbig, indtil halvåret er slut og alle dets måneder er leveret; kun endelige målinger bogføres. Bogført beløb = det afrundede kumulerede beløb efter loftet minus det forrige, så afrundingen aldrig løber løbsk.${SOURCE}`,
      'Afrunding: hver rækkes beløb er afrundet til ører for sig, mens totalerne og det bogførte er afrundet af de præcise beløb (bogført = det afrundede kumulerede beløb minus det forrige). En kolonne kan derfor summere til et par ører mere eller mindre end sin total; det bogførte summerer altid præcist.',
    ]);
  });

  it('names the column whose rows add up to one øre more than its total', () => {
    // Goal 1: (73 − 14.4) × P1 = 1,284,692.3077 → .31 and (64 − 14.4) × P1 = 1,087,384.6154 → .62, rows
    // 2,372,076.93; the exact 108.2 × P1 = 2,372,076.923 → .92. Goal 2's rows add up (194,871.79 +
    // 48,717.95 = 243,589.74 = 50 × P2), so only goal 1 is named.
    const two = twoFinals(40, 10);
    expect(two.totals.goal1).toBe(2_372_076.92);
    expect(dsi.explain(two, JOBFOKUS).at(-1)).toMatch(
      /det bogførte summerer altid præcist\. Her summerer Mål 1 til 2\.372\.076,93 kr\., mens totalen er 2\.372\.076,92 kr\.$/,
    );
    // Booked: 1,479,564.1026 + 1,136,102.5641 = 2,615,666.67.
    expect(dsi.summary(two)).toBe(
      'jobfokus: bogført 2.615.666,67 kr. for 2 endelige målinger; fremskrevet 11.525.415,80 kr. (Resten som seneste endelige måling)',
    );
  });

  it('names both columns when goal 2’s rows also add up to one øre less than its total', () => {
    // Goal 2: one success in each half-year, 4,871.7948… → 4,871.79 twice = 9,743.58; the exact
    // 2 × P2 = 9,743.5897… → 9,743.59. Goal 1 as above.
    const both = twoFinals(1, 1);
    expect(dsi.explain(both, JOBFOKUS).at(-1)).toMatch(
      /det bogførte summerer altid præcist\. Her summerer Mål 1 til 2\.372\.076,93 kr\., mens totalen er 2\.372\.076,92 kr\. Her summerer Mål 2 til 9\.743,58 kr\., mens totalen er 9\.743,59 kr\.$/,
    );
  });

  it('only provisional measurements: no rounding note, as nothing is booked; without its configuration, no “no measurement yet”', () => {
    const provisional = jobfokusResult(
      '2028-01-01',
      [{ period: '2027-H2', complete: false, population: 360, successes: 72, goal2Successes: 0 }],
      360,
    );
    expect(dsi.explain(provisional, JOBFOKUS)).toHaveLength(4);
    expect(dsi.explain(provisional)).toEqual([]);
    // One final measurement without the configuration: the rounding note alone.
    expect(dsi.explain(ONE_FINAL)).toEqual([dsi.explain(ONE_FINAL, JOBFOKUS).at(-1)]);
  });

  it('an older file without a projection: no projection tables, no chart, and a summary without it', () => {
    const { projection: _p, ...bare } = ONE_FINAL;
    expect(dsi.projectionTables(bare)).toEqual([]);
    expect(dsi.projectionChart(bare)).toBeUndefined();
    expect(dsi.summary(bare)).toBe(
      'jobfokus: bogført 1.457.641,03 kr. for 1 endelige målinger; foreløbig måling 1. halvår 2028 (1.122.948,71 kr., bogføres ikke endnu)',
    );
    const { projection: _g, ...bareGrant } = R1_MET;
    expect(grant.projectionTables(bareGrant)).toEqual([]);
  });

  it('every measurement final: nothing left to project, so no projection chart', () => {
    const all = jobfokusResult(
      '2032-08-01',
      halfYears('2027-H2', '2032-H1').map((period) => ({
        period,
        complete: true,
        population: 360,
        successes: 36,
        goal2Successes: 0,
      })),
      360,
    );
    expect(all.projection!.scenarios.every((sc) => sc.measurements.length === 0)).toBe(true);
    expect(dsi.projectionChart(all)).toBeUndefined();
  });

  it('a contract measured over more than twelve half-years slants the period labels', () => {
    const bc = JOBFOKUS.businessCase;
    const long = {
      ...JOBFOKUS,
      measurements: { first: '2027-H2', last: '2034-H1' },
      businessCase: { ...bc, expectedShares: { ...bc.expectedShares, 2033: 0.2, 2034: 0.2 } },
    };
    const r = jobfokusResult('2028-05-01', [], 360, long);
    const x = (layers(dsi.projectionChart(r))[0]!.encoding.x as { axis: { labelAngle: number } }).axis;
    expect(x.labelAngle).toBe(-45);
    const short = layers(dsi.projectionChart(ONE_FINAL))[0]!.encoding.x as { axis: { labelAngle: number } };
    expect(short.axis.labelAngle).toBe(0);
  });

  it('before the first measurement: why the tables are empty, with or without the contract’s configuration', () => {
    const none = jobfokusResult('2027-01-01', [], 0);
    expect(dsi.explain(none, JOBFOKUS).slice(4)).toEqual([
      'Der er endnu ingen målinger: den første er 2. halvår 2027. Tabellerne er derfor tomme; fremskrivningen nedenfor viser, hvad kontrakten er på vej mod.',
    ]);
    // A contract that does not say where it was decided cites nothing.
    const { source: _source, ...unsourced } = JOBFOKUS;
    expect(dsi.explain(none, unsourced)).toEqual(
      dsi.explain(none, JOBFOKUS).map((p) => p.replace(SOURCE, '')),
    );
    const { source: _grantSource, ...unsourcedGrant } = UNGELOFTET;
    expect(grant.explain(R1_MET, unsourcedGrant)).toEqual(
      grant.explain(R1_MET, UNGELOFTET).map((p) => p.replace(SOURCE.replace('7.', '8.'), '')),
    );
    // A carried-over file without its configuration says only that, and no rounding note for no rows.
    expect(dsi.explain(none)).toEqual(['Der er endnu ingen målinger.']);
    expect(dsi.summary(none)).toBe(
      'jobfokus: bogført 0,00 kr. for 0 endelige målinger; fremskrevet 11.400.000,00 kr. (Resten som planlagt i business casen)',
    );
    expect(dsi.projectionTables(none)[0]!.caption).toBe(
      'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de 0,00 kr., som de endelige har bogført. Der er endnu ingen endelig måling at fastholde.',
    );
    // No final measurement: no booked line, the business case's ten measurements only.
    const rows = layers(dsi.projectionChart(none))[0]!.data.values as { series: string }[];
    expect(rows.map((r) => r.series)).toEqual(Array(10).fill('Resten som planlagt i business casen'));
  });

  it('the summary line: booked, the provisional measurement and what the current trajectory projects', () => {
    // Booked: (72 − 14.4) × P1 + 40 × P2 = 1,457,641.03. The provisional 2028-H1 books the rounded
    // cumulative 2,580,589.74 minus 1,457,641.03 = 1,122,948.71.
    expect(dsi.summary(ONE_FINAL)).toBe(
      'jobfokus: bogført 1.457.641,03 kr. for 1 endelige målinger; foreløbig måling 1. halvår 2028 (1.122.948,71 kr., bogføres ikke endnu); fremskrevet 13.081.954,26 kr. (Resten som seneste endelige måling)',
    );
  });

  it('the projection tables: each scenario’s total, against the business case, and what it assumes', () => {
    const [summary, assumptions] = dsi.projectionTables(ONE_FINAL);
    expect(summary!.caption).toBe(
      'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de 1.457.641,03 kr., som de endelige har bogført. Den nuværende udvikling holder den seneste endelige måling, 2. halvår 2027, fast.',
    );
    expect(summary!.rows).toEqual([
      {
        Scenarie: 'Resten som planlagt i business casen',
        'Forventet tilbagebetaling i alt': '12.274.487,18 kr.',
        'I forhold til business casen': '107,7 %',
        'Loftet rammes i': '–',
      },
      {
        Scenarie: 'Resten som seneste endelige måling',
        'Forventet tilbagebetaling i alt': '13.081.954,26 kr.',
        'I forhold til business casen': '114,8 %',
        'Loftet rammes i': '–',
      },
    ]);
    expect(assumptions!.caption).toBe('Hvad hvert scenarie antager');
    expect(assumptions!.rows.map((r) => [r.Scenarie, String(r.Antagelse).slice(0, 31)])).toEqual([
      ['Resten som planlagt i business casen', 'Mål 1: hver af de 9 åbne måling'],
      ['Resten som planlagt i business casen', 'Mål 2 betales én gang pr. delta'],
      ['Resten som seneste endelige måling', 'Mål 1: hver af de 9 åbne måling'],
      ['Resten som seneste endelige måling', 'Mål 2 betales én gang pr. delta'],
      ['Resten som seneste endelige måling', 'Den foreløbige måling 1. halvår'],
    ]);
    // Without a provisional measurement, the four assumptions alone.
    const two = jobfokusResult(
      '2028-08-01',
      [{ period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 }],
      370,
    );
    expect(dsi.projectionTables(two)[1]!.rows).toHaveLength(4);
    // 63 of 350 = 18 %: shown, not used.
    expect(assumptions!.rows.at(-1)!.Antagelse).toBe(
      'Den foreløbige måling 1. halvår 2028 (18 %, 63 af 350) er vist, men bruges ikke som grundlag: halvåret er ikke endeligt, og tallet kan ændre sig.',
    );
  });

  it('the projection chart: the booked line, each scenario from the last booked point, and the cap', () => {
    const spec = dsi.projectionChart(ONE_FINAL)!;
    expect(spec.title).toEqual({ text: 'Jobfokus: bogført og fremskrevet tilbagebetaling' });
    const [lines, cap] = layers(spec);
    const rows = lines!.data.values as { period: string; amount: number; series: string }[];
    const of = (series: string) => rows.filter((r) => r.series === series).map((r) => [r.period, r.amount]);
    expect(of('Bogført')).toEqual([['2027-H2', 1_457_641.03]]);
    const trajectory = of('Resten som seneste endelige måling');
    expect(trajectory).toHaveLength(10);
    expect(trajectory[0]).toEqual(['2027-H2', 1_457_641.03]);
    expect(trajectory.at(-1)).toEqual(['2032-H1', 13_081_954.26]);
    expect(of('Resten som planlagt i business casen').at(-1)).toEqual(['2032-H1', 12_274_487.18]);
    expect(lines!.encoding.y).toMatchObject({ field: 'amount', title: 'Samlet tilbagebetaling (kr.)' });
    expect((lines!.encoding.strokeDash as { scale: { domain: string[] } }).scale.domain).toEqual([
      'Bogført',
      'Resten som planlagt i business casen',
      'Resten som seneste endelige måling',
    ]);
    expect(cap!.data.values).toEqual([{ cap: 14_000_000 }]);
  });

  it('the projection chart drawn for real: three lines told apart by dash and colour, in full words, and the cap in red', async () => {
    const svg = await renderSvg(dsi.projectionChart(ONE_FINAL)!);
    const marks = [...svg.matchAll(/class="mark-([a-z]+) role-mark/g)].map((m) => m[1]);
    expect(marks).toEqual(['line', 'line', 'line', 'symbol', 'rule']);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.slice(0, 10)).toEqual([
      '2. halvår 2027',
      '1. halvår 2028',
      '2. halvår 2028',
      '1. halvår 2029',
      '2. halvår 2029',
      '1. halvår 2030',
      '2. halvår 2030',
      '1. halvår 2031',
      '2. halvår 2031',
      '1. halvår 2032',
    ]);
    // Whole kroner with Danish thousands up to the cap, then the legend in full, never cut with "…".
    expect(texts.slice(10)).toEqual([
      '0',
      '2.000.000',
      '4.000.000',
      '6.000.000',
      '8.000.000',
      '10.000.000',
      '12.000.000',
      '14.000.000',
      'Samlet tilbagebetaling (kr.)',
      'Bogført',
      'Resten som planlagt i business casen',
      'Resten som seneste endelige måling',
      'Jobfokus: bogført og fremskrevet tilbagebetaling',
    ]);
    // The legend's three entries: booked solid, the business case dashed, the trajectory dotted.
    const dashes = [...svg.matchAll(/stroke-dasharray="([^"]*)"/g)].map((m) => m[1]);
    expect(dashes.slice(-3)).toEqual(['1,0', '6,4', '2,3']);
    // …and each its own colour, with the measurements marked by filled points.
    const lineStrokes = [...svg.matchAll(/<path[^>]*stroke="(#[0-9a-f]+)"[^>]*stroke-dasharray/g)].map(
      (m) => m[1],
    );
    expect(new Set(lineStrokes.slice(-3)).size).toBe(3);
    const from = svg.indexOf('class="mark-symbol');
    const points = svg.slice(from, svg.indexOf('</g>', from));
    expect(points.match(/<path[^>]*fill="#[0-9a-f]+"/g)?.length).toBe(21);
    expect(svg).toMatch(/class="mark-rule role-mark[^"]*"[^>]*>(<[^>]*>)*<line[^>]*stroke="#c62828"/);
  });
});

describe('Ungeløftet, in the finance report’s words', () => {
  const S8 = ' (Kilde: Social- og Arbejdsmarkedsudvalget, møde 12. august 2025, punkt 8.)';
  it('explains the grant, the group, each requirement with its amount, and the counted months', () => {
    expect(grant.explain(R1_MET, UNGELOFTET)).toEqual([
      `Tilsagn: 5.974.640,06 kr. i alt, udbetalt bagudrettet. Rate 1 (50 %) på 2.987.320,03 kr. udbetales efter godkendt mellemregnskab (et ledelsespåtegnet delregnskab), uden resultatkrav. Resten udbetales efter det endelige slutregnskab, op til det, resultatkravene frigiver; indtil da er alle beløb "op til".${S8}`,
      `Indsatsgruppen: alle visiteret til programmet «ungeloftet» i projektperioden 2025-08-15 til 2028-12-31. En ung er i job eller uddannelse i en måned med løntimer eller uddannelse.${S8}`,
      // 40 % and 10 % of 5,974,640.06.
      `R1: mindst 50 % af indsatsgruppen i job eller uddannelse i én tællende måned frigiver 2.389.856,02 kr. (40 % af tilsagnet).${S8}`,
      `R2: mindst 55 % af indsatsgruppen i job eller uddannelse i én tællende måned frigiver 597.464,01 kr. (10 % af tilsagnet).${S8}`,
      `Tællende måneder: hele måneder fra maj 2027 til dec. 2028 (projektperiodens anden halvdel). Et krav, der ikke er nået, når den sidste tællende måned er slut, er ikke opfyldt, og beløbet tilbageholdes.${S8}`,
    ]);
  });

  it('without its configuration (a carried-over file), rate 1’s share is read from the figures, and no source is cited', () => {
    const words = grant.explain(R1_MET);
    expect(words[0]).toContain('Rate 1 (50 %) på 2.987.320,03 kr.');
    expect(words).toHaveLength(4);
    expect(words.join(' ')).not.toContain('Kilde');
    // A configuration of another kind is no configuration for this one.
    expect(grant.explain(R1_MET, JOBFOKUS)).toEqual(words);
  });

  it('the summary: up to rate 1 + R1 = 5,377,176.05 of 5,974,640.06, R1 met and R2 pending', () => {
    expect(grant.summary(R1_MET)).toBe(
      'ungeloftet: op til 5.377.176,05 kr. af tilsagnet på 5.974.640,06 kr. (udbetales efter slutregnskabet); R1 Opfyldt, R2 Afventer',
    );
  });

  it('the projection: what R2 still needs (55 %, 11 of 20), and each scenario’s payout', () => {
    const [needs, scenarios] = grant.projectionTables(R1_MET);
    expect(needs!.caption).toBe(
      'Fremskrivning (bogføres ikke): 18 tællende måneder tilbage; seneste afsluttede måned jun. 2027 med 45 % i job eller uddannelse.',
    );
    expect(needs!.rows).toEqual([
      { Krav: 'R1', Status: 'Opfyldt', 'Skal nå i én tællende måned': '–', 'Af indsatsgruppen': '–' },
      {
        Krav: 'R2',
        Status: 'Afventer',
        'Skal nå i én tællende måned': '55 %',
        'Af indsatsgruppen': '11 af 20',
      },
    ]);
    expect(scenarios!.caption).toBe('Forventet udbetaling under hvert scenarie');
    expect(scenarios!.rows).toEqual([
      {
        Scenarie: 'Tilsagnets plan',
        R1: 'Opfyldt',
        R2: 'Opfyldt',
        'Forventet udbetaling i alt': '5.974.640,06 kr.',
        'I forhold til tilsagnet': '100 %',
      },
      {
        Scenarie: 'Seneste måneds andel fastholdt',
        R1: 'Opfyldt',
        R2: 'Ikke opfyldt',
        'Forventet udbetaling i alt': '5.377.176,05 kr.',
        'I forhold til tilsagnet': '90 %',
      },
    ]);
    expect(grant.projectionChart(R1_MET)).toBeUndefined();
  });

  it('before any month has ended: the months left, and no latest month', () => {
    const none = ungeloftetResult('2025-09-01', []);
    expect(grant.projectionTables(none)[0]!.caption).toBe(
      'Fremskrivning (bogføres ikke): 20 tællende måneder tilbage; endnu ingen afsluttet måned med en indsatsgruppe.',
    );
  });
});

describe('what each kind declares to the stages', () => {
  it('its KPI: id, words, unit and grain, baseline and target, sources and what it reads', () => {
    const [share] = dsi.kpis(JOBFOKUS);
    expect(share).toMatchObject({
      id: 'jobfokus_success_share',
      title: 'Jobfokus: andel med 86 løntimer i en måned',
      definition:
        'Pr. halvår: andelen af de målte deltagere (optælling startet), der har mindst én måned med 86 løntimer eller uddannelse i halvåret.',
      unit: 'share',
      grain: 'half_year',
      direction: 'increase',
      baseline: { period: '2026-H1', value: 0.04, fixed: true },
      // The business case's shares from the KPI's first year (2026) on.
      target: {
        rule: 'fixed',
        values: { 2026: 0.05, 2027: 0.1, 2028: 0.15, 2029: 0.15, 2030: 0.2, 2031: 0.2, 2032: 0.2 },
      },
      source: 'Den Sociale Investeringsfond: investeringsaftalens succeskriterium og business case',
      extracts: ['enrollment', 'employment'],
    });
    expect(share!.engineSql).toContain("FROM marts.dsi_person_period('jobfokus')");
    // A KPI from 2028 on has no targets for the years before.
    const from2028: typeof JOBFOKUS = { ...JOBFOKUS, kpiFrom: '2028-H1' };
    const later = dsi.kpis(from2028)[0]!;
    expect(Object.keys((later.target as { values: object }).values)).toEqual([
      '2028',
      '2029',
      '2030',
      '2031',
      '2032',
    ]);

    expect(grant.kpis(UNGELOFTET)).toMatchObject([
      {
        id: 'ungeloftet_share',
        title: 'Ungeløftet: andel i beskæftigelse eller uddannelse',
        definition:
          'Pr. måned: andelen af indsatsgruppen (alle visiteret til og med måneden), der har løntimer eller er i uddannelse.',
        unit: 'share',
        grain: 'month',
        direction: 'increase',
        // The first requirement's threshold.
        target: { rule: 'threshold', min: 0.5 },
        source: 'STAR: tilskudsbrevets resultatkrav (andel i beskæftigelse eller uddannelse)',
        extracts: ['enrollment', 'employment'],
      },
    ]);
    expect(grant.kpis(UNGELOFTET)[0]!.engineSql).toContain('WHERE month <= meta.as_of_month()');
  });

  it('the parameters the SQL reads (meta.contract_param), its kind first, and the codes it knows', () => {
    expect(contractParams([JOBFOKUS, UNGELOFTET])).toEqual([
      ['jobfokus', 'kind', 'dsi_social_investment'],
      ['jobfokus', 'programme', 'jobfokus'],
      ['jobfokus', 'startup_months', '6'],
      ['jobfokus', 'success_min_hours', '86'],
      ['jobfokus', 'measurement_first', '2027-H2'],
      ['jobfokus', 'measurement_last', '2032-H1'],
      ['jobfokus', 'kpi_from', '2026-H1'],
      ['jobfokus', 'goal2_survey', JOBFOKUS.goal2.survey],
      ['jobfokus', 'goal2_question', JOBFOKUS.goal2.question],
      ['jobfokus', 'goal2_min_months', '6'],
      ['ungeloftet', 'kind', 'grant_result_requirements'],
      ['ungeloftet', 'programme', 'ungeloftet'],
      ['ungeloftet', 'period_start', '2025-08-15'],
      ['ungeloftet', 'period_end', '2028-12-31'],
      ['ungeloftet', 'second_half_from', '2027-04-24'],
      ['ungeloftet', 'min_hours', '0'],
    ]);
    expect(dsi.knownCodes(JOBFOKUS)).toEqual({
      'enrollment.programme': ['jobfokus'],
      'survey_responses.survey': [JOBFOKUS.goal2.survey],
      'survey_answers.survey': [JOBFOKUS.goal2.survey],
    });
    expect(grant.knownCodes(UNGELOFTET)).toEqual({ 'enrollment.programme': ['ungeloftet'] });
    expect([dsi.extracts, grant.extracts]).toEqual([
      ['enrollment', 'employment', 'survey_responses', 'survey_answers'],
      ['enrollment', 'employment'],
    ]);
    expect([dsi.schemaName, grant.schemaName]).toEqual(['dsi_contract', 'grant_contract']);
    expect([Object.keys(dsi.tables), Object.keys(grant.tables)]).toEqual([
      ['measurements', 'totals'],
      ['months', 'requirements', 'payout'],
    ]);
  });

  it('the finance report’s queries, with the column headings in the report’s language', () => {
    expect(dsi.queries('jobfokus')).toEqual([
      `SELECT kr(goal1) AS "Mål 1", kr(goal2) AS "Mål 2", kr(repayment) AS "Bogført", kr(cap) AS "Loft", coalesce(CAST("capReachedIn" AS VARCHAR), '–') AS "Loftet nået i", kr("expectedRepayment") AS "Forventet" FROM "jobfokus_totals"`,
      `SELECT period AS "Måling", measurement_da(status) AS "Status", "measuredPopulation" AS "Målte", successes AS "Succeser", pct(share) AS "Andel", excess AS "Merresultat", kr("goal1Payment") AS "Mål 1", "goal2Successes" AS "Mål 2, succeser", kr("goal2Payment") AS "Mål 2", kr("cumulativeBeforeCap") AS "Kumuleret før loft", kr(payment) AS "Bogført", kr(cumulative) AS "Akkumuleret", CASE WHEN "capApplied" THEN 'ja' ELSE 'nej' END AS "Loft nået" FROM "jobfokus_measurements" ORDER BY period`,
    ]);
    expect(grant.queries('ungeloftet')).toEqual([
      `SELECT kr(rate1) AS "Rate 1", kr(released) AS "Frigivet", kr(withheld) AS "Tilbageholdt", kr(total) AS "I alt" FROM "ungeloftet_payout"`,
      `SELECT id AS "Krav", pct(threshold) AS "Grænse", requirement_da(status) AS "Status", coalesce(period_label("firstMonthMet"), '–') AS "Først opfyldt", pct("bestShare") AS "Bedste andel", coalesce(period_label("bestMonth"), '–') AS "Bedste måned", kr(amount) AS "Beløb" FROM "ungeloftet_requirements"`,
    ]);
    expect([col('x', 'booked'), reportTable('a', 'b'), sqlWord('word.yes')]).toEqual([
      'x AS "Bogført"',
      '"a_b"',
      "'ja'",
    ]);
  });

  it('the registry: a result is recognised by its kind, or by its fields when it names none', () => {
    expect(KINDS.map((k) => k.kind).slice(0, 2)).toEqual([
      'dsi_social_investment',
      'grant_result_requirements',
    ]);
    expect(kindOfResult(ONE_FINAL)?.kind).toBe('dsi_social_investment');
    expect(kindOfResult(R1_MET)?.kind).toBe('grant_result_requirements');
    const { kind: _d, ...dsiWithoutKind } = ONE_FINAL;
    const { kind: _g, ...grantWithoutKind } = R1_MET;
    expect([kindOfResult(dsiWithoutKind)?.kind, kindOfResult(grantWithoutKind)?.kind]).toEqual([
      'dsi_social_investment',
      'grant_result_requirements',
    ]);
    // A held-back file without figures is no result of either kind.
    expect(
      kindOfResult({ id: 'jobfokus', kind: 'dsi_social_investment', status: 'held_back' }),
    ).toBeUndefined();
    expect(findKind('no_such_kind')).toBeUndefined();
    expect(() => kindOf({ kind: 'no_such_kind' })).toThrow('no contract kind no_such_kind');
    expect(() => kindOf('no_such_kind')).toThrow('no contract kind no_such_kind');
  });

  it('registering a kind adds it after the built-in ones; registering it again replaces it', () => {
    restoreKindsAfterTest();
    // A kind that declares no known codes, KPIs or projection chart: the registry gives none.
    const { knownCodes: _k, ...bare } = fixedPriceKind;
    registerKind({ ...bare, kind: 'bare_kind' });
    registerKind({ ...fixedPriceKind, schemaName: 'first' });
    const again = registerKind({ ...fixedPriceKind, schemaName: 'second' });
    expect(KINDS.map((k) => k.kind)).toEqual([
      'dsi_social_investment',
      'grant_result_requirements',
      'bare_kind',
      'fixed_price_per_success',
    ]);
    expect(findKind('fixed_price_per_success')).toBe(again);
    expect(findKind('fixed_price_per_success')!.schemaName).toBe('second');
    const contract = {
      id: 'x',
      kind: 'bare_kind',
      title: 'X',
      programme: 'x',
      from: '2025-01',
      to: '2025-12',
      successMinHours: 1,
      pricePerSuccess: 1,
    };
    expect(kindOf('bare_kind').knownCodes(contract)).toEqual({});
    expect(kindOf('bare_kind').kpis(contract)).toEqual([]);
    // A built-in kind, the first of all, is replaced in its place too.
    registerKind({ ...dsiKind, schemaName: 'replaced' });
    expect(KINDS.map((k) => [k.kind, k.schemaName]).slice(0, 2)).toEqual([
      ['dsi_social_investment', 'replaced'],
      ['grant_result_requirements', 'grant_contract'],
    ]);
    registerKind(dsiKind);
    expect(KINDS).toHaveLength(4);
  });

  it('a catalogue word as an SQL literal doubles its apostrophes', () => {
    setLang('en');
    try {
      expect(sqlWord('cli.cmd.help')).toBe("'show this help, or a command''s'");
    } finally {
      setLang('da');
    }
  });
});
