/**
 * The audit workbooks (restricted/contracts/<id>.xlsx), recalculated in LibreOffice: every formula cell
 * is computed by the spreadsheet engine from the evidence sheet and the parameters, and compared with the
 * contract's JSON to the øre. The cached results (what Excel shows before it recalculates) are compared too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DsiContractJson, GrantContractJson } from '../schemas/outputs.ts';
import {
  BUSINESS_CASE,
  contracts,
  jobfokusScenario,
  ungeloftetScenario,
  writeScenario,
} from './contract-scenarios.ts';
import { tempDir } from './helpers.ts';
import { byLabel, cellNumber, formulasOf, ore, printedPages, recalculate, withCell } from './recalc.ts';
import { expectCached, expectDsi, expectGrant, type Sheets } from './workbook-checks.ts';

/** The finance report's text parts (explanations, captions, table rows), not its inlined scripts. */
function reportText(file: string): string[] {
  const html = readFileSync(file, 'utf8');
  return [
    ...html.matchAll(
      /<p class="explain">([^<]*)<\/p>|<h3>([^<]*)<\/h3>|<tr>(.*?)<\/tr>|<p class="meta">([^<]*)<\/p>/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

describe('the Jobfokus workbook, recalculated in LibreOffice', () => {
  it('the business case: goal 1 10,260,000.00 + goal 2 1,140,000.00 = 11,400,000.00', async () => {
    const inbox = await tempDir('kpi-wb-');
    writeScenario(
      inbox,
      jobfokusScenario((p) => Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!), 234),
      '2026-01',
      '2032-06',
    );
    const { jobfokus: j, out } = await contracts(inbox, '2032-08-01');
    const file = join(out, 'restricted', 'contracts', 'jobfokus.xlsx');
    const sheets = await recalculate(file);
    expect(Object.keys(sheets).sort()).toEqual(['Evidens', 'Fremskrivning', 'Målinger', 'Oversigt']);
    // Every measurement is final: both scenarios project what was booked.
    expect(j.projection!.scenarios.map((s) => [s.id, s.expectedRepayment])).toEqual([
      ['business_case', 11_400_000],
      ['current_trajectory', 11_400_000],
    ]);
    expect(cellNumber(byLabel(sheets.Fremskrivning!, 'Forventet tilbagebetaling i alt'))).toBe(11_400_000);
    expect(j.totals).toMatchObject({ goal1: 10_260_000, goal2: 1_140_000, repayment: 11_400_000 });
    expectDsi(sheets, j);
    // 360 participants × 10 measurements + 360 goal-2 rows, one per evidence row.
    expect(sheets.Evidens!.length - 1).toBe(360 * 10 + 360);
    expect(await expectCached(file, sheets)).toBeGreaterThan(10 * 12);
  });

  it('the cap binds in 2028-H1: the booked amounts keep the total at 14,000,000.00', async () => {
    const inbox = await tempDir('kpi-wb-');
    writeScenario(
      inbox,
      jobfokusScenario(() => 360, 0),
      '2026-01',
      '2032-06',
    );
    const { jobfokus: j, out } = await contracts(inbox, '2032-08-01');
    const file = join(out, 'restricted', 'contracts', 'jobfokus.xlsx');
    const sheets = await recalculate(file);
    expect(j.totals.capReachedIn).toBe('2028-H1');
    expectDsi(sheets, j);
    const booked = sheets.Målinger!.slice(1).map((r) => ore(cellNumber(r[13])));
    expect(booked.slice(0, 3)).toEqual([757_661_538, 642_338_462, 0]);
    await expectCached(file, sheets);
  });
});

describe('the Jobfokus workbook an auditor changes and prints', () => {
  // The business case, as of 2029-02-01: 2027-H2, 2028-H1 and 2028-H2 final, seven measurements projected.
  let file: string;
  let j: DsiContractJson;
  beforeAll(async () => {
    const inbox = await tempDir('kpi-wb-');
    writeScenario(
      inbox,
      jobfokusScenario((p) => Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!), 234),
      '2026-01',
      '2029-01',
    );
    const run = await contracts(inbox, '2029-02-01');
    j = run.jobfokus;
    file = join(run.out, 'restricted', 'contracts', 'jobfokus.xlsx');
  });

  it('a cap lowered to 3,000,000 in Oversigt: LibreOffice finds where it binds, in the totals and every projection', async () => {
    expect(j.totals.capReachedIn).toBeNull();
    const sheets = await recalculate(await withCell(file, 'Oversigt', 'B12', 3_000_000));
    // 2027-H2 1,613,538.46, 2028-H1 + 868,153.85 = 2,481,692.31, 2028-H2 + 868,153.85 > 3,000,000.
    expect(byLabel(sheets.Oversigt!, 'Loftet nået i')).toBe('2028-H2');
    expect(cellNumber(byLabel(sheets.Oversigt!, 'Bogført tilbagebetaling'))).toBe(3_000_000);
    const booked = sheets.Målinger!.slice(1).map((r) => ore(cellNumber(r[13])));
    // 2029-H1 is provisional: the cap leaves it nothing.
    expect(booked).toEqual([161_353_846, 86_815_385, 51_830_769, 0]);
    // Both scenarios start from the booked amount: at the cap, bound where the booked one bound.
    const projected = sheets.Fremskrivning!.filter((r) => r[0] === 'Forventet tilbagebetaling i alt');
    expect(projected.map((r) => cellNumber(r[1]))).toEqual([3_000_000, 3_000_000]);
    const binds = sheets.Fremskrivning!.filter((r) => r[0] === 'Loftet rammes i');
    expect(binds.map((r) => r[1])).toEqual(['2028-H2', '2028-H2']);
  });

  it('as the engine wrote it, every projection cell is a formula whose cached value LibreOffice recomputes', async () => {
    const sheets = await recalculate(file);
    const formulas = [...(await formulasOf(file)).keys()].filter((k) => k.startsWith('Fremskrivning!'));
    // 2 scenarios × 7 measurements × 6 computed columns, and 3 results each, and the booked base.
    expect(formulas.length).toBe(2 * 7 * 6 + 2 * 3 + 1);
    const expected = sheets.Fremskrivning!.filter((r) => r[0] === 'Forventet tilbagebetaling i alt');
    expect(expected.map((r) => ore(cellNumber(r[1])))).toEqual(
      j.projection!.scenarios.map((s) => ore(s.expectedRepayment)),
    );
    await expectCached(file, sheets);
  });

  it('prints on A4 with every table’s header on every page, and the municipality, contract and page in the footer', async () => {
    const pages = await printedPages(file);
    expect(pages.length).toBeGreaterThan(20);
    // Every page of evidence rows carries the evidence header; every page its footer.
    const evidence = pages.filter((p) => /\bgoal[12]\b/.test(p));
    expect(evidence.length).toBeGreaterThan(10);
    for (const p of evidence) expect(p).toContain('Pseudonym (person_key)');
    for (const [i, p] of pages.entries()) {
      expect(p).toContain('Lolland Kommune · Jobfokus');
      expect(p).toContain(`Side ${i + 1} af ${pages.length}`);
    }
    const measurements = pages.filter((p) => p.includes('2028-H1') && p.includes('Kumuleret før'));
    expect(measurements.length).toBeGreaterThan(0);
  });
});

describe('the Jobfokus workbook below the baseline', () => {
  it('pays 0 for goal 1 where the share is below 4 %, after LibreOffice recalculates: MAX(0; excess), never the excess itself', async () => {
    const inbox = await tempDir('kpi-wb-');
    // 10 of 360 succeed (2.8 %): the excess is 10 − 14.4 = −4.4 in every measurement.
    writeScenario(
      inbox,
      jobfokusScenario(() => 10, 0),
      '2026-01',
      '2032-06',
    );
    const { jobfokus: j, out } = await contracts(inbox, '2032-08-01');
    expect(j.measurements.map((m) => [m.excess, m.goal1Payment])).toEqual(MEASUREMENTS_BELOW);
    const sheets = await recalculate(join(out, 'restricted', 'contracts', 'jobfokus.xlsx'));
    const rows = sheets.Målinger!.slice(1);
    expect(rows.map((r) => [cellNumber(r[7]), ore(cellNumber(r[8]))])).toEqual(
      MEASUREMENTS_BELOW.map(([excess]) => [excess, 0]),
    );
    expect(ore(cellNumber(byLabel(sheets.Oversigt!, 'Bogført tilbagebetaling')))).toBe(0);
    expectDsi(sheets, j);
  });
});

/** Ten measurements with an excess of −4.4 and no goal-1 payment. */
const MEASUREMENTS_BELOW = Array.from({ length: 10 }, () => [-4.4, 0] as [number, number]);

describe('the finance report before the first measurement', () => {
  it('says why the Jobfokus tables are empty, explains the prices and projects the business case', async () => {
    const inbox = await tempDir('kpi-wb-');
    writeScenario(
      inbox,
      jobfokusScenario((p) => Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!), 234),
      '2026-01',
      '2027-01',
    );
    const { jobfokus: j, out } = await contracts(inbox, '2027-03-01');
    expect(j.measurements).toEqual([]);
    expect(j.projection!.scenarios.map((s) => [s.id, s.expectedRepayment])).toEqual([
      ['business_case', 11_400_000],
    ]);
    const html = reportText(join(out, 'restricted', 'reports', 'finans.html'));
    expect(html.find((p) => p.startsWith('Der er endnu ingen målinger'))).toBe(
      'Der er endnu ingen målinger: den første er 2. halvår 2027. Tabellerne er derfor tomme; fremskrivningen nedenfor viser, hvad kontrakten er på vej mod.',
    );
    expect(html.find((p) => p.startsWith('Priser:'))).toBe(
      'Priser: mål 1 betaler 21.923,08 kr. pr. merresultat, dvs. 90 % af den forventede tilbagebetaling på 11.400.000,00 kr. fordelt på business casens forventede merresultat på 468 ved 360 deltagere. Mål 2 betaler 4.871,79 kr. pr. deltager, hvis livstilfredshed er steget mindst 6 måneder efter første svar, dvs. 10 % af 11.400.000,00 kr. fordelt på 65 % af de 360. (Kilde: Social- og Arbejdsmarkedsudvalget, møde 12. august 2025, punkt 7.)',
    );
    expect(html.find((p) => p.startsWith('Loft og kalender:'))).toMatch(
      /^Loft og kalender: tilbagebetalingen kan højst blive 14\.000\.000,00 kr\., og der måles hvert halvår fra 2\. halvår 2027 til 1\. halvår 2032\./,
    );
    expect(html).toContain(
      '<td>Resten som planlagt i business casen</td><td class="num">11.400.000,00 kr.</td><td class="num">100 %</td><td class="num">–</td>',
    );
    expect(html.find((p) => p.startsWith('Fremskrivning (bogføres ikke): de målinger'))).toBe(
      'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de 0,00 kr., som de endelige har bogført. Der er endnu ingen endelig måling at fastholde.',
    );
  });
});

describe('the Ungeløftet workbook, recalculated in LibreOffice', () => {
  let u: GrantContractJson;
  let sheets: Sheets;
  let file: string;
  let out: string;
  beforeAll(async () => {
    const inbox = await tempDir('kpi-wb-');
    ungeloftetScenario(inbox, '2028-12');
    const r = await contracts(inbox, '2029-03-01');
    out = r.out;
    u = r.ungeloftet;
    file = join(r.out, 'restricted', 'contracts', 'ungeloftet.xlsx');
    sheets = await recalculate(file);
  });

  it('R1 met and R2 not: every month’s group, count and share, and the amounts to the øre', async () => {
    expectGrant(sheets, u);
    const rows = sheets.Målinger!.slice(1);
    expect(rows.map((r) => r[0])).toEqual(u.months.map((m) => m.month));
    u.months.forEach((m, i) => {
      const r = rows[i]!;
      expect([cellNumber(r[3]), cellNumber(r[4])], m.month).toEqual([m.group, m.inEmploymentOrEducation]);
      if (m.share === null) expect(r[5]).toBe('');
      else expect(cellNumber(r[5])!, m.month).toBeCloseTo(m.share, 12);
      expect(r[6], m.month).toBe(m.share === null ? '' : m.share >= 0.5 ? 'ja' : 'nej');
      expect(r[7], m.month).toBe(m.share === null ? '' : m.share >= 0.55 ? 'ja' : 'nej');
    });
    const o = sheets.Oversigt!;
    const kr = (label: string) => ore(cellNumber(byLabel(o, label)));
    expect(byLabel(o, 'R1: status')).toBe('Opfyldt');
    expect(byLabel(o, 'R2: status')).toBe('Ikke opfyldt');
    expect(u.requirements.map((r) => r.status)).toEqual(['met', 'not_met']);
    expect([kr('Rate 1'), kr('R1: beløb'), kr('R2: beløb')]).toEqual([298_732_003, 238_985_602, 59_746_401]);
    expect([
      kr('Op til, for resultatkrav'),
      kr('Tilbageholdt'),
      kr('Op til i alt (efter slutregnskabet)'),
    ]).toEqual([ore(u.payout.released), ore(u.payout.withheld), ore(u.payout.total)]);
    expect(kr('Op til i alt (efter slutregnskabet)')).toBe(537_717_605);
  });

  it('the finance report explains the grant in Danish, thresholds in percent, and points to the workbook', () => {
    const html = reportText(join(out, 'restricted', 'reports', 'finans.html'));
    expect(html).toContain(
      'R1: mindst 50 % af indsatsgruppen i job eller uddannelse i én tællende måned frigiver 2.389.856,02 kr. (40 % af tilsagnet). (Kilde: Social- og Arbejdsmarkedsudvalget, møde 12. august 2025, punkt 8.)',
    );
    // As the minutes say it: rate 1 after approved interim accounts, the rest "up to" until the final accounts.
    expect(html.find((p) => p.startsWith('Tilsagn:'))).toContain(
      'udbetales efter godkendt mellemregnskab (et ledelsespåtegnet delregnskab), uden resultatkrav',
    );
    expect(html.find((p) => p.startsWith('Tilsagn:'))).toContain('op til');
    expect(html.find((p) => p.startsWith('Tællende måneder:'))).toMatch(
      /^Tællende måneder: hele måneder fra maj 2027 til dec\. 2028/,
    );
    expect(html.find((p) => p.includes('tællende måneder tilbage'))).toBe(
      'Fremskrivning (bogføres ikke): 0 tællende måneder tilbage; seneste afsluttede måned dec. 2028 med 40 % i job eller uddannelse.',
    );
    expect(html.find((p) => p.includes('ungeloftet.xlsx'))).toMatch(
      /^Revisionssporet: restricted\/contracts\/ungeloftet\.xlsx/,
    );
    // Thresholds in percent, never as fractions.
    expect(html.filter((p) => /<td>0,5{1,2}<\/td>/.test(p))).toEqual([]);
  });

  it('shows the engine’s figures before it is recalculated', async () => {
    expect(await expectCached(file, sheets)).toBeGreaterThan(u.months.length * 5);
  });
});
