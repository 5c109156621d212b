/**
 * The kinds' workbook writers (`kinds/dsi/workbook.ts`, `kinds/grant/workbook.ts`) on results made by hand (test/contract-results.ts),
 * without a pipeline run: each workbook is written as the contracts stage writes it, recalculated in
 * LibreOffice, and every figure compared with the result to the øre. The whole-run workbooks, an auditor's
 * changes and the printout are in test/workbooks.test.ts.
 */

import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbookFile } from '../pipelines/core/xlsx.ts';
import { kindOf } from '../pipelines/kinds/index.ts';
import type { EvidenceRow } from '../pipelines/kinds/workbook.ts';
import { type ContractConfig, JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import type { DsiContractJson } from '../schemas/outputs.ts';
import {
  grantMonth,
  jobfokusEvidence,
  jobfokusResult,
  ungeloftetEvidence,
  ungeloftetResult,
} from './contract-results.ts';
import { tempDir } from './helpers.ts';
import { byLabel, cellNumber, ore, recalculate } from './recalc.ts';
import { expectCached, expectDsi, expectGrant } from './workbook-checks.ts';

/**
 * What a reader sees before anything is recalculated: every heading row in bold, and every amount in
 * kroner in a column wide enough for 14.000.000,00 kr. on one line (19 characters).
 */
async function expectReadable(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.numFmt === '#,##0.00 "kr."' && Number(cell.col) > 1)
          expect(ws.getColumn(cell.col).width, `${ws.name}!${cell.address}`).toBeGreaterThanOrEqual(19);
      });
    });
  }
  const bold = (sheet: string, ref: string) => wb.getWorksheet(sheet)!.getCell(ref).font?.bold;
  expect(bold('Målinger', 'A1')).toBe(true);
  expect(bold('Fremskrivning', 'A1')).toBe(true);
  const header = wb.getWorksheet('Fremskrivning')!.getColumn(1).values.indexOf('Måling');
  expect(bold('Fremskrivning', `A${header}`)).toBe(true);
  expect(bold('Fremskrivning', `J${header}`)).toBe(true);
}

/** The workbook of one contract, written and recalculated: its file and LibreOffice's sheets. */
async function workbook(c: ContractConfig, r: DsiContractJson | object, evidence: EvidenceRow[]) {
  const wb = new ExcelJS.Workbook();
  kindOf(c).workbook(wb, c, r as DsiContractJson, evidence);
  const file = join(await tempDir('kpi-wbu-'), `${c.id}.xlsx`);
  await writeWorkbookFile(wb, file, new Date('2028-05-01T00:00:00Z'));
  return { file, sheets: await recalculate(file) };
}

describe('the Jobfokus workbook of a result made by hand', () => {
  it('one final and one provisional measurement: every count, share, excess and amount, and only the final booked', async () => {
    // 2027-H2 final: (72 − 14.4) × 10,260,000 / 468 + 40 × 1,140,000 / 234 = 1,457,641.03 booked.
    // 2028-H1 provisional: 63 of 350, 10 goal-2 successes; shown, not in the totals.
    const r = jobfokusResult(
      '2028-05-01',
      [
        { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
        { period: '2028-H1', complete: false, population: 350, successes: 63, goal2Successes: 10 },
      ],
      370,
    );
    const { file, sheets } = await workbook(JOBFOKUS, r, jobfokusEvidence(r));
    expect(Object.keys(sheets).sort()).toEqual(['Evidens', 'Fremskrivning', 'Målinger', 'Oversigt']);
    expectDsi(sheets, r);
    const rows = sheets.Målinger!.slice(1);
    expect(rows.map((row) => [row[0], row[1], cellNumber(row[2]), cellNumber(row[3])])).toEqual([
      ['2027-H2', 'Endelig', 360, 72],
      ['2028-H1', 'Foreløbig', 350, 63],
    ]);
    expect(ore(cellNumber(byLabel(sheets.Oversigt!, 'Bogført tilbagebetaling')))).toBe(145_764_103);
    // The shares and the excess: 72 / 360 = 20 %, 72 − 4 % × 360 = 57.6.
    expect([cellNumber(rows[0]![4]), cellNumber(rows[0]![5]), cellNumber(rows[0]![7])]).toEqual([
      0.2, 0.04, 57.6,
    ]);
    // Both scenarios' totals, computed by LibreOffice from the booked amount and the projected rows.
    const projected = sheets.Fremskrivning!.filter((row) => row[0] === 'Forventet tilbagebetaling i alt');
    expect(projected.map((row) => ore(cellNumber(row[1])))).toEqual([1_227_448_718, 1_308_195_426]);
    expect(await expectCached(file, sheets)).toBeGreaterThan(2 * 12);
    // Booked against the business case: 1,457,641.03 / 11,400,000.
    expect(cellNumber(byLabel(sheets.Oversigt!, 'Bogført i forhold til forventet'))!).toBeCloseTo(
      1_457_641.03 / 11_400_000,
      9,
    );
    // Fremskrivning, top to bottom: what was booked, then each scenario's label, assumptions, table
    // and results.
    const column = sheets.Fremskrivning!.map((row) => row[0]);
    const expected = [
      'Fremskrivning af de målinger, der ikke er endelige',
      'En fremskrivning er et skøn under de angivne antagelser; den bogføres aldrig.',
      'Bogført af de endelige målinger',
      '',
      ...r.projection!.scenarios.flatMap((sc) => [
        sc.label,
        ...sc.assumptions,
        'Måling',
        ...sc.measurements.map((m) => m.period),
        '',
        'Forventet tilbagebetaling i alt',
        'I forhold til business casen',
        'Loftet rammes i',
        '',
      ]),
    ];
    expect(column).toEqual(expected.slice(0, column.length));
    expect(sheets.Fremskrivning!.find((row) => row[0] === 'Måling')).toEqual([
      'Måling',
      'Målte',
      'Andel',
      'Succeser',
      'Merresultat',
      'Mål 1 (kr.)',
      'Mål 2-succeser',
      'Mål 2 (kr.)',
      'Kumuleret før loft',
      'Over loftet',
    ]);
    await expectReadable(file);
  });

  it('a result without a projection (an older file) gets no Fremskrivning sheet', async () => {
    const { projection: _p, ...r } = jobfokusResult(
      '2028-05-01',
      [{ period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 }],
      370,
    );
    const wb = new ExcelJS.Workbook();
    kindOf(JOBFOKUS).workbook(wb, JOBFOKUS, r, jobfokusEvidence(r));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Oversigt', 'Målinger', 'Evidens']);
  });

  it('Oversigt: who and when, the parameters, and the calibration of goal 1’s price to the business case’s 468', async () => {
    const r = jobfokusResult('2028-05-01', [], 360);
    const { file, sheets } = await workbook(JOBFOKUS, r, jobfokusEvidence(r));
    const o = sheets.Oversigt!;
    expect(o.slice(1, 3).map((row) => row.slice(0, 2))).toEqual([
      ['Opgjort pr.', '2028-05-01'],
      ['Kommune', 'Lolland Kommune (360)'],
    ]);
    const at = o.findIndex((row) => row[0] === 'Måling');
    expect(o[at]).toEqual(['Måling', 'Forventet andel', 'Forventet merresultat']);
    // (share − 4 %) × 360 for each of the ten half-years: 21.6, 4 × 39.6, 5 × 57.6 = 468.
    const calibration = o.slice(at + 1, at + 12).map((row) => [row[0], cellNumber(row[2])]);
    expect(calibration).toEqual([
      ['2027-H2', 21.6],
      ...['2028-H1', '2028-H2', '2029-H1', '2029-H2'].map((p) => [p, 39.6]),
      ...['2030-H1', '2030-H2', '2031-H1', '2031-H2', '2032-H1'].map((p) => [p, 57.6]),
      ['I alt', 468],
    ]);
    // Then the totals under their heading, in this order.
    expect(o.slice(at + 12).map((row) => row[0])).toEqual([
      '',
      'I alt',
      'Mål 1, endelige målinger',
      'Mål 2, endelige målinger',
      'Bogført tilbagebetaling',
      'Forventet i business casen',
      'Bogført i forhold til forventet',
      'Loftet nået i',
    ]);
    // What a reader sees without recalculating: bold headings, kroner and percent formats.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Oversigt')!;
    expect([at + 1, at + 12].map((row) => ws.getCell(`A${row}`).font?.bold)).toEqual([true, true]);
    expect(['B6', 'B10', 'B12', 'B13'].map((ref) => ws.getCell(ref).numFmt)).toEqual([
      '#,##0.00 "kr."',
      '0.0 %',
      '#,##0.00 "kr."',
      '#,##0.00 "kr."',
    ]);
  });

  it('below the baseline: 10 of 360 is an excess of −4.4, which pays 0 for goal 1 (MAX(0; …)), never less', async () => {
    const below = (period: string) => ({
      period,
      complete: true,
      population: 360,
      successes: 10,
      goal2Successes: 0,
    });
    const r = jobfokusResult('2028-08-01', [below('2027-H2'), below('2028-H1')], 360);
    const { sheets } = await workbook(JOBFOKUS, r, jobfokusEvidence(r));
    expectDsi(sheets, r);
    const rows = sheets.Målinger!.slice(1);
    expect(
      rows.map((row) => [cellNumber(row[7]), ore(cellNumber(row[8])), ore(cellNumber(row[13]))]),
    ).toEqual([
      [-4.4, 0, 0],
      [-4.4, 0, 0],
    ]);
    expect(ore(cellNumber(byLabel(sheets.Oversigt!, 'Bogført tilbagebetaling')))).toBe(0);
  });

  it('the cap binds in the second measurement: it books what keeps the total at the cap, and says where', async () => {
    // A cap of 2,000,000: 1,457,641.03 booked first; the second would bring 1,136,102.56 more
    // ((64 − 14.4) × P1 + 10 × P2), so it books 542,358.97.
    const c = { ...JOBFOKUS, cap: 2_000_000 };
    const r = jobfokusResult(
      '2028-08-01',
      [
        { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
        { period: '2028-H1', complete: true, population: 360, successes: 64, goal2Successes: 10 },
      ],
      370,
      c,
    );
    expect(r.totals.capReachedIn).toBe('2028-H1');
    const { file, sheets } = await workbook(c, r, jobfokusEvidence(r));
    expectDsi(sheets, r);
    const rows = sheets.Målinger!.slice(1);
    expect(rows.map((row) => [ore(cellNumber(row[13])), row[14]])).toEqual([
      [145_764_103, 'nej'],
      [54_235_897, 'ja'],
    ]);
    expect(byLabel(sheets.Oversigt!, 'Loftet nået i')).toBe('2028-H1');
    expect(ore(cellNumber(byLabel(sheets.Oversigt!, 'Bogført tilbagebetaling')))).toBe(200_000_000);
    await expectCached(file, sheets);
  });
});

describe('the Ungeløftet workbook of a result made by hand', () => {
  it('R1 met in May, R2 pending: each month’s group, count and share against both thresholds', async () => {
    // May 10 of 20 (50 %: R1 met, R2 not), June 9 of 20 (45 %), July not yet complete, April not counted.
    const r = ungeloftetResult('2027-08-01', [
      grantMonth('2027-04', 15, 20, { counted: false }),
      grantMonth('2027-05', 10),
      grantMonth('2027-06', 9),
      grantMonth('2027-07', 12, 21, { complete: false }),
    ]);
    expect(r.requirements.map((q) => q.status)).toEqual(['met', 'pending']);
    const { file, sheets } = await workbook(UNGELOFTET, r, ungeloftetEvidence(r));
    expectGrant(sheets, r);
    const rows = sheets.Målinger!.slice(1);
    expect(rows.map((row) => row.slice(0, 8))).toEqual([
      ['2027-04', 'nej', 'ja', '20', '15', '75%', 'ja', 'ja'],
      ['2027-05', 'ja', 'ja', '20', '10', '50%', 'ja', 'nej'],
      ['2027-06', 'ja', 'ja', '20', '9', '45%', 'nej', 'nej'],
      ['2027-07', 'ja', 'nej', '21', '', '', '', ''],
    ]);
    // The parameters, as the grant letter and the minutes give them.
    const o = sheets.Oversigt!;
    const params = o.findIndex((row) => row[0] === 'Parametre');
    expect(o.slice(params + 1, params + 13)).toEqual([
      ['Tilsagn i alt', '5974640.06'],
      ['Tilsagn 2025', '433912.41'],
      ['Tilsagn 2026', '1737951.55'],
      ['Tilsagn 2027', '2056767.83'],
      ['Tilsagn 2028', '1746008.28'],
      ['Rate 1 (andel af tilsagnet)', '50%'],
      ['R1: andel i job eller uddannelse i en tællende måned', '50%'],
      ['R1: andel af tilsagnet', '40%'],
      ['R2: andel i job eller uddannelse i en tællende måned', '55%'],
      ['R2: andel af tilsagnet', '10%'],
      ['Sidste tællende måned', '2028-12'],
      ['Opgørelsesmåned', '2027-08'],
    ]);
    // Rate 1 (50 %) 2,987,320.03 + R1 (40 %) 2,389,856.02 up to; R2 (10 %) 597,464.01 not yet released.
    const kr = (label: string) => ore(cellNumber(byLabel(sheets.Oversigt!, label)));
    expect([kr('Rate 1'), kr('R1: beløb'), kr('R2: beløb')]).toEqual([298_732_003, 238_985_602, 59_746_401]);
    expect(kr('Op til i alt (efter slutregnskabet)')).toBe(537_717_605);
    expect(await expectCached(file, sheets)).toBeGreaterThan(4 * 4);
    // The projection: 18 counted months left after June's 45 %; R2 needs 55 %, 11 of the 20.
    const p = sheets.Fremskrivning!;
    expect(p.slice(2, 8)).toEqual([
      ['Tællende måneder tilbage', '18'],
      ['Seneste afsluttede måneds andel (2027-06)', '45%'],
      ['', ''],
      ['R1: andel der skal nås i én tællende måned', 'Opfyldt'],
      ['R2: andel der skal nås i én tællende måned', '55%'],
      ['R2: antal af indsatsgruppen på 20', '11'],
    ]);
    const payouts = p
      .filter((row) => row[0] === 'Forventet udbetaling i alt')
      .map((row) => ore(cellNumber(row[1])));
    expect(payouts).toEqual(r.projection!.scenarios.map((sc) => ore(sc.expectedPayout)));
    expect(payouts).toEqual([597_464_006, 537_717_605]);
    const against = p.filter((row) => row[0] === 'I forhold til tilsagnet').map((row) => cellNumber(row[1])!);
    expect(against[0]).toBeCloseTo(1, 12);
    expect(against[1]).toBeCloseTo(5_377_176.05 / 5_974_640.06, 12);
    // Top to bottom: each scenario's label, assumptions, the requirements' statuses and the results.
    const column = p.map((row) => row[0]);
    expect(column.slice(9)).toEqual(
      r.projection!.scenarios.flatMap((sc, i) => [
        ...(i > 0 ? [''] : []),
        sc.label,
        ...sc.assumptions,
        'R1: status',
        'R2: status',
        'Forventet udbetaling i alt',
        'I forhold til tilsagnet',
      ]),
    );
    expect(sheets.Målinger![0]).toEqual([
      'Måned',
      'Tællende måned',
      'Afsluttet',
      'Indsatsgruppe',
      'I job eller uddannelse',
      'Andel',
      'Opfylder R1',
      'Opfylder R2',
    ]);
    // And an older file without a projection has no Fremskrivning sheet.
    const { projection: _p, ...bare } = r;
    const wb = new ExcelJS.Workbook();
    kindOf(UNGELOFTET).workbook(wb, UNGELOFTET, bare, ungeloftetEvidence(r));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Oversigt', 'Målinger', 'Evidens']);
  });

  it('after the last counted month, R2 never reached is not met and its amount is withheld', async () => {
    // R1 is reached only in the last month of the sheet (10 of 20 in December 2028): the status
    // formulas read every month's row, the last one included.
    const r = ungeloftetResult('2029-01-01', [grantMonth('2027-05', 5), grantMonth('2028-12', 10)]);
    expect(r.requirements.map((q) => q.status)).toEqual(['met', 'not_met']);
    const { sheets } = await workbook(UNGELOFTET, r, ungeloftetEvidence(r));
    expectGrant(sheets, r);
    const o = sheets.Oversigt!;
    expect(byLabel(o, 'R1: status')).toBe('Opfyldt');
    expect(byLabel(o, 'R2: status')).toBe('Ikke opfyldt');
    expect(ore(cellNumber(byLabel(o, 'Tilbageholdt')))).toBe(59_746_401);
    // The totals under their heading, after a blank row, in this order.
    const at = o.findIndex((row) => row[0] === 'Opgørelsesmåned');
    expect(o.slice(at + 1).map((row) => row[0])).toEqual([
      '',
      'I alt',
      'Rate 1',
      'R1: beløb',
      'R1: status',
      'R2: beløb',
      'R2: status',
      'Op til, for resultatkrav',
      'Tilbageholdt',
      'Op til i alt (efter slutregnskabet)',
    ]);
  });
});

describe('what every contract workbook has', () => {
  it('Evidens: one row per person and period with its headings, a row without a period left blank; bold, frozen headings', async () => {
    const r = jobfokusResult('2028-05-01', [], 360);
    const evidence = [
      {
        contract: 'jobfokus',
        period: '2027-H2',
        person_key: 'a'.repeat(64),
        goal: 'goal1',
        counted: true,
        success: false,
        reason: 'talt',
      },
      {
        contract: 'jobfokus',
        period: null,
        person_key: 'b'.repeat(64),
        goal: 'goal2',
        counted: false,
        success: false,
        reason: 'ingen',
      },
    ];
    const wb = new ExcelJS.Workbook();
    kindOf(JOBFOKUS).workbook(wb, JOBFOKUS, r, evidence);
    const ws = wb.getWorksheet('Evidens')!;
    const rows = [1, 2, 3].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Periode', 'Mål', 'Pseudonym (person_key)', 'Talt med', 'Succes', 'Hvorfor'],
      ['2027-H2', 'goal1', 'a'.repeat(64), 'ja', 'nej', 'talt'],
      ['', 'goal2', 'b'.repeat(64), 'nej', 'nej', 'ingen'],
    ]);
    // The key and the reason in full on screen.
    expect([3, 6].map((c) => ws.getColumn(c).width)).toEqual([36, 80]);
    for (const sheet of ['Målinger', 'Evidens']) {
      const w = wb.getWorksheet(sheet)!;
      expect(w.getRow(1).font?.bold, sheet).toBe(true);
      expect(w.getRow(1).alignment, sheet).toEqual({ vertical: 'top', horizontal: 'center', wrapText: true });
      expect(w.views, sheet).toEqual([{ state: 'frozen', ySplit: 1 }]);
    }
    // The title and the headings on Oversigt stand out.
    const o = wb.getWorksheet('Oversigt')!;
    expect(o.getCell('A1').font).toEqual({ bold: true, size: 14 });
    expect(o.getCell('A5')).toMatchObject({ value: 'Parametre', font: { bold: true, size: 12 } });
  });
});
