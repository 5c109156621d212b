/**
 * What a recalculated audit workbook must show (test/recalc.ts recalculates it in LibreOffice): every
 * figure against the contract's JSON to the øre, and every formula's cached result against what
 * LibreOffice computed.
 */
import { expect } from 'vitest';
import type { DsiContractJson, GrantContractJson } from '../schemas/outputs.ts';
import { byLabel, cellNumber, formulasOf, ore } from './recalc.ts';

export type Sheets = Record<string, string[][]>;

/** Every figure of a Jobfokus workbook, as LibreOffice computed it, against the JSON. */
export function expectDsi(sheets: Sheets, j: DsiContractJson): void {
  const rows = sheets.Målinger!.slice(1);
  expect(rows).toHaveLength(j.measurements.length);
  j.measurements.forEach((m, i) => {
    const r = rows[i]!;
    const n = (col: number) => cellNumber(r[col]);
    expect(r[0]).toBe(m.period);
    expect(r[1]).toBe(m.status === 'final' ? 'Endelig' : 'Foreløbig');
    expect([n(2), n(3), n(9)], m.period).toEqual([m.measuredPopulation, m.successes, m.goal2Successes]);
    expect(n(7)!, m.period).toBeCloseTo(m.excess, 9);
    expect(
      [ore(n(8)), ore(n(10)), ore(n(11)), ore(n(12)), ore(n(13))],
      `${m.period}: goal 1, goal 2, before cap, after cap, booked`,
    ).toEqual([m.goal1Payment, m.goal2Payment, m.cumulativeBeforeCap, m.cumulative, m.payment].map(ore));
    expect(r[14]).toBe(m.capApplied ? 'ja' : 'nej');
  });
  const o = sheets.Oversigt!;
  const kr = (label: string) => ore(cellNumber(byLabel(o, label)));
  expect(kr('Pris pr. merresultat (mål 1) = andel × tilbagebetaling / forventet merresultat')).toBe(
    ore(j.prices.goal1PerExcessSuccess),
  );
  expect(kr('Pris pr. mål 2-succes = andel × tilbagebetaling / (andel × målgruppe)')).toBe(
    ore(j.prices.goal2PerSuccess),
  );
  expect(kr('Mål 1, endelige målinger')).toBe(ore(j.totals.goal1));
  expect(kr('Mål 2, endelige målinger')).toBe(ore(j.totals.goal2));
  expect(kr('Bogført tilbagebetaling')).toBe(ore(j.totals.repayment));
  expect(kr('Forventet i business casen')).toBe(ore(j.totals.expectedRepayment));
}

/** The cached result of every formula is the engine's figure (so the workbook shows it unopened). */
export async function expectCached(file: string, sheets: Sheets): Promise<number> {
  const formulas = await formulasOf(file);
  for (const [ref, f] of formulas) {
    const [sheet, cell] = ref.split('!') as [string, string];
    const col = cell.charCodeAt(0) - 65;
    const row = Number(cell.slice(1)) - 1;
    const computed = sheets[sheet]![row]![col]!;
    const n = cellNumber(computed);
    if (typeof f.result === 'number' && n !== null && !Number.isNaN(n))
      expect(Math.abs(f.result - n), `${ref} ${f.formula}`).toBeLessThan(0.005);
    // exceljs reads a cached 0 or empty text back as no result (the file has <v>0</v>).
    else if (f.result === undefined) expect(['0', ''], `${ref} ${f.formula}`).toContain(computed);
    else expect(String(f.result), `${ref} ${f.formula}`).toBe(computed);
  }
  return formulas.size;
}

/** Every month and amount of an Ungeløftet workbook, as LibreOffice computed it, against the JSON. */
export function expectGrant(sheets: Sheets, u: GrantContractJson): void {
  const rows = sheets.Målinger!.slice(1);
  expect(rows.map((r) => r[0])).toEqual(u.months.map((m) => m.month));
  u.months.forEach((m, i) => {
    const r = rows[i]!;
    expect([r[1], r[2]], m.month).toEqual([m.counted ? 'ja' : 'nej', m.complete ? 'ja' : 'nej']);
    expect(cellNumber(r[3]), m.month).toBe(m.group);
    expect(cellNumber(r[4]), m.month).toBe(m.inEmploymentOrEducation);
    if (m.share === null) expect(r[5]).toBe('');
    else expect(cellNumber(r[5])!, m.month).toBeCloseTo(m.share, 12);
    u.requirements.forEach((q, j) => {
      expect(r[6 + j], `${m.month} ${q.id}`).toBe(
        m.share === null ? '' : m.share >= q.threshold ? 'ja' : 'nej',
      );
    });
  });
  const o = sheets.Oversigt!;
  const kr = (label: string) => ore(cellNumber(byLabel(o, label)));
  const status = { met: 'Opfyldt', not_met: 'Ikke opfyldt', pending: 'Afventer' } as const;
  for (const q of u.requirements) {
    expect(byLabel(o, `${q.id}: status`)).toBe(status[q.status]);
    expect(kr(`${q.id}: beløb`)).toBe(ore(q.amount));
  }
  expect([
    kr('Rate 1'),
    kr('Op til, for resultatkrav'),
    kr('Tilbageholdt'),
    kr('Op til i alt (efter slutregnskabet)'),
  ]).toEqual([ore(u.payout.rate1), ore(u.payout.released), ore(u.payout.withheld), ore(u.payout.total)]);
}
