/**
 * The audit workbook of a DSI social investment (Jobfokus): Oversigt (the parameters, the prices and
 * how they were calibrated, the totals), Målinger (one row per measurement, every step a live formula)
 * and Evidens (one row per participant and measurement, which the counts are COUNTIFS over).
 */
import type ExcelJS from 'exceljs';
import type { DsiContract } from '../../../schemas/contracts.ts';
import type { DsiContractJson } from '../../../schemas/outputs.ts';
import { t } from '../../i18n/index.ts';
import {
  contractSheets,
  type EvidenceRanges,
  type EvidenceRow,
  FMT,
  formula,
  heading,
  labelled,
  put,
  styleHeader,
  yes,
} from '../workbook.ts';
import { halfYears } from './prices.ts';

interface Params {
  repayment: string;
  goal1Share: string;
  goal2Share: string;
  population: string;
  baseline: string;
  goal2Rate: string;
  cap: string;
  price1: string;
  price2: string;
}

/** The parameters and the calibration of the prices (docs/contracts.md, "Prices"). */
function parameters(ws: ExcelJS.Worksheet, c: DsiContract, r: DsiContractJson): Params {
  const bc = c.businessCase;
  heading(ws, 5, t('workbook.parameters'));
  const p = {
    repayment: labelled(ws, 6, t('workbook.dsi.expectedRepayment'), bc.expectedRepayment, FMT.kr),
    goal1Share: labelled(ws, 7, t('workbook.dsi.goal1Share'), bc.goal1Share, FMT.pct),
    goal2Share: labelled(ws, 8, t('workbook.dsi.goal2Share'), bc.goal2Share, FMT.pct),
    population: labelled(ws, 9, t('workbook.dsi.population'), bc.plannedPopulation, FMT.int),
    baseline: labelled(ws, 10, t('workbook.dsi.baseline'), c.baselineShare, FMT.pct),
    goal2Rate: labelled(ws, 11, t('workbook.dsi.goal2Rate'), bc.goal2ExpectedRate, FMT.pct),
    cap: labelled(ws, 12, t('workbook.dsi.cap'), c.cap, FMT.kr),
  };
  // The calibration: the expected excess successes of every measurement at the planned population.
  heading(ws, 16, t('workbook.dsi.calibration'));
  for (const [i, h] of ['measurement', 'expectedShare', 'expectedExcess'].entries())
    put(ws, `${'ABC'[i]}17`, t(`workbook.col.${h}` as never)).font = { bold: true };
  const periods = halfYears(c.measurements.first, c.measurements.last);
  periods.forEach((period, i) => {
    const row = 18 + i;
    const share = bc.expectedShares[period.slice(0, 4)]!;
    put(ws, `A${row}`, period);
    put(ws, `B${row}`, share, FMT.pct);
    put(
      ws,
      `C${row}`,
      formula(`(B${row}-${p.baseline})*${p.population}`, (share - c.baselineShare) * bc.plannedPopulation),
      FMT.num,
    );
  });
  const total = 18 + periods.length;
  const excess = periods.reduce(
    (s, period) => s + (bc.expectedShares[period.slice(0, 4)]! - c.baselineShare) * bc.plannedPopulation,
    0,
  );
  put(ws, `A${total}`, t('word.total')).font = { bold: true };
  put(ws, `C${total}`, formula(`SUM(C18:C${total - 1})`, excess), FMT.num);
  const price1 = labelled(
    ws,
    13,
    t('workbook.dsi.price1'),
    formula(`${p.goal1Share}*${p.repayment}/$C$${total}`, r.prices.goal1PerExcessSuccess),
    FMT.kr,
  );
  const price2 = labelled(
    ws,
    14,
    t('workbook.dsi.price2'),
    formula(`${p.goal2Share}*${p.repayment}/(${p.goal2Rate}*${p.population})`, r.prices.goal2PerSuccess),
    FMT.kr,
  );
  return { ...p, price1, price2 };
}

/** Målinger: the arithmetic of every measurement as formulas, with the engine's results cached. */
function measurements(ws: ExcelJS.Worksheet, r: DsiContractJson, p: Params, ev: EvidenceRanges): void {
  const cols = [
    'measurement',
    'status',
    'measured',
    'successes',
    'share',
    'baselineShare',
    'expectedShare',
    'excess',
    'goal1',
    'goal2Successes',
    'goal2',
    'beforeCap',
    'afterCap',
    'booked',
    'capApplied',
  ];
  cols.forEach((h, i) => {
    put(ws, `${String.fromCharCode(65 + i)}1`, t(`workbook.col.${h}` as never));
  });
  styleHeader(ws);
  // Money columns wide enough for 14.000.000,00 kr. on one line, on screen and on paper.
  const money = new Set(['goal1', 'goal2', 'beforeCap', 'afterCap', 'booked']);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 11 : money.has(cols[i]!) ? 19 : 14;
  });
  const final = t('measurement.final');
  const provisional = t('measurement.provisional');
  r.measurements.forEach((m, i) => {
    const row = i + 2;
    const prev = row - 1;
    const goal = (g: string, more: string) =>
      `COUNTIFS(${ev.period},$A${row},${ev.goal},"${g}",${more},"${yes()}")`;
    put(ws, `A${row}`, m.period);
    put(ws, `B${row}`, m.status === 'final' ? final : provisional);
    put(ws, `C${row}`, formula(goal('goal1', ev.counted), m.measuredPopulation), FMT.int);
    put(ws, `D${row}`, formula(goal('goal1', ev.success), m.successes), FMT.int);
    put(ws, `E${row}`, formula(`IF(C${row}>0,D${row}/C${row},"")`, m.share), FMT.pct2);
    put(ws, `F${row}`, formula(p.baseline, m.baselineShare), FMT.pct);
    put(ws, `G${row}`, m.expectedShare, FMT.pct);
    put(ws, `H${row}`, formula(`D${row}-F${row}*C${row}`, m.excess), FMT.num);
    put(ws, `I${row}`, formula(`MAX(0,H${row})*${p.price1}`, m.goal1Payment), FMT.kr);
    put(ws, `J${row}`, formula(goal('goal2', ev.success), m.goal2Successes), FMT.int);
    put(ws, `K${row}`, formula(`J${row}*${p.price2}`, m.goal2Payment), FMT.kr);
    put(
      ws,
      `L${row}`,
      formula(`${i === 0 ? '' : `L${prev}+`}I${row}+K${row}`, m.cumulativeBeforeCap),
      FMT.kr,
    );
    put(ws, `M${row}`, formula(`MIN(L${row},${p.cap})`, m.cumulative), FMT.kr);
    put(ws, `N${row}`, formula(`ROUND(M${row},2)${i === 0 ? '' : `-ROUND(M${prev},2)`}`, m.payment), FMT.kr);
    put(
      ws,
      `O${row}`,
      formula(`IF(L${row}>${p.cap},"${yes()}","${t('word.no')}")`, m.capApplied ? yes() : t('word.no')),
    );
  });
}

/** The totals on Oversigt: booked (final measurements only) against the business case. */
function totals(ws: ExcelJS.Worksheet, r: DsiContractJson, p: Params, from: number): void {
  const n = Math.max(r.measurements.length + 1, 2);
  const m = (c: string) => `'${t('workbook.sheet.measurements')}'!$${c}$2:$${c}$${n}`;
  const finals = `${m('B')},"${t('measurement.final')}"`;
  heading(ws, from, t('workbook.totals'));
  labelled(
    ws,
    from + 1,
    t('workbook.dsi.goal1Total'),
    formula(`SUMIFS(${m('I')},${finals})`, r.totals.goal1),
    FMT.kr,
  );
  labelled(
    ws,
    from + 2,
    t('workbook.dsi.goal2Total'),
    formula(`SUMIFS(${m('K')},${finals})`, r.totals.goal2),
    FMT.kr,
  );
  const booked = labelled(
    ws,
    from + 3,
    t('workbook.dsi.booked'),
    formula(`SUMIFS(${m('N')},${finals})`, r.totals.repayment),
    FMT.kr,
  );
  labelled(
    ws,
    from + 4,
    t('workbook.dsi.expected'),
    formula(p.repayment, r.totals.expectedRepayment),
    FMT.kr,
  );
  labelled(
    ws,
    from + 5,
    t('workbook.dsi.bookedShare'),
    formula(`${booked}/${p.repayment}`, r.totals.repayment / r.totals.expectedRepayment),
    FMT.pct,
  );
  // The first measurement where the cap cut a payment: a formula over Målinger, so it follows a cap
  // an auditor changes.
  labelled(
    ws,
    from + 6,
    t('workbook.dsi.capReachedIn'),
    formula(`IFERROR(INDEX(${m('A')},MATCH("${yes()}",${m('O')},0)),"–")`, r.totals.capReachedIn ?? '–'),
  );
}

const PROJECTION_COLUMNS = [
  'measurement',
  'measured',
  'share',
  'successes',
  'excess',
  'goal1',
  'goal2Successes',
  'goal2',
  'beforeCap',
  'overCap',
] as const;

/** One open measurement of a scenario: its assumptions as values, its amounts formulas over them. */
function projectionRow(
  ws: ExcelJS.Worksheet,
  c: DsiContract,
  m: NonNullable<DsiContractJson['projection']>['scenarios'][number]['measurements'][number],
  p: Params,
  r: number,
  previous: string,
): void {
  const cells: [string, ExcelJS.CellValue, string | undefined][] = [
    ['A', m.period, undefined],
    ['B', m.population, FMT.num],
    ['C', m.share, FMT.pct2],
    ['D', formula(`B${r}*C${r}`, m.successes), FMT.num],
    ['E', formula(`D${r}-${p.baseline}*B${r}`, m.successes - m.population * c.baselineShare), FMT.num],
    ['F', formula(`MAX(0,E${r})*${p.price1}`, m.goal1Payment), FMT.kr],
    ['G', m.goal2Successes, FMT.num],
    ['H', formula(`G${r}*${p.price2}`, m.goal2Payment), FMT.kr],
    ['I', formula(`${previous}+F${r}+H${r}`, m.cumulativeBeforeCap), FMT.kr],
    [
      'J',
      formula(
        `IF(I${r}>${p.cap},"${yes()}","${t('word.no')}")`,
        m.cumulativeBeforeCap > c.cap ? yes() : t('word.no'),
      ),
      undefined,
    ],
  ];
  for (const [col, v, f] of cells) put(ws, `${col}${r}`, v, f);
}

/**
 * One scenario's table on Fremskrivning from `row`: its assumptions (population, share, goal-2
 * successes) as values, every amount a formula over them and the parameters on Oversigt, cumulated on
 * what the final measurements booked; then its expected repayment, against the business case, and where
 * the cap binds. Returns the next free row.
 */
function scenarioTable(
  ws: ExcelJS.Worksheet,
  c: DsiContract,
  sc: NonNullable<DsiContractJson['projection']>['scenarios'][number],
  p: Params,
  base: { booked: string; capReachedIn: string },
  row: number,
): number {
  heading(ws, row++, sc.label);
  for (const a of sc.assumptions) put(ws, `A${row++}`, a).alignment = { wrapText: false };
  PROJECTION_COLUMNS.forEach((h, i) => {
    put(ws, `${String.fromCharCode(65 + i)}${row}`, t(`workbook.col.${h}` as never)).font = { bold: true };
  });
  const first = ++row;
  for (const [i, m] of sc.measurements.entries())
    projectionRow(ws, c, m, p, first + i, i === 0 ? base.booked : `I${first + i - 1}`);
  const last = Math.max(first + sc.measurements.length - 1, first);
  const end = sc.measurements.length > 0 ? `I${last}` : base.booked;
  row = first + sc.measurements.length + 1;
  labelled(
    ws,
    row++,
    t('workbook.projection.expected'),
    formula(`MIN(${end},${p.cap})`, sc.expectedRepayment),
    FMT.kr,
  );
  labelled(
    ws,
    row++,
    t('workbook.projection.against'),
    formula(`MIN(${end},${p.cap})/${p.repayment}`, sc.againstBusinessCase),
    FMT.pct,
  );
  labelled(
    ws,
    row++,
    t('workbook.projection.capBindsIn'),
    formula(
      `IF(${base.capReachedIn}<>"–",${base.capReachedIn},IFERROR(INDEX($A$${first}:$A$${last},MATCH("${yes()}",$J$${first}:$J$${last},0)),"–"))`,
      sc.capBindsIn ?? '–',
    ),
  );
  return row + 1;
}

/** Fremskrivning: the open measurements under each scenario: assumptions as values, amounts as formulas. */
function projectionSheet(
  wb: ExcelJS.Workbook,
  c: DsiContract,
  r: DsiContractJson,
  p: Params,
  capReachedIn: string,
): void {
  const pr = r.projection;
  if (!pr) return;
  const ws = wb.addWorksheet(t('workbook.sheet.projection'));
  put(ws, 'A1', t('workbook.projection.title')).font = { bold: true, size: 13 };
  put(ws, 'A2', t('workbook.projection.note'));
  // What the final measurements booked, before the cap: the last final row of Målinger.
  const lastFinal = r.measurements
    .map((m, i) => ({ m, row: i + 2 }))
    .filter((x) => x.m.status === 'final')
    .at(-1);
  const booked = labelled(
    ws,
    3,
    t('workbook.projection.booked'),
    lastFinal
      ? formula(`'${t('workbook.sheet.measurements')}'!$L$${lastFinal.row}`, lastFinal.m.cumulativeBeforeCap)
      : 0,
    FMT.kr,
  );
  let row = 5;
  for (const sc of pr.scenarios) row = scenarioTable(ws, c, sc, p, { booked, capReachedIn }, row);
  ws.getColumn(1).width = 44;
  // The columns that hold kroner as wide as on Målinger (14.000.000,00 kr. on one line): B, with the
  // booked amount above the tables, and the scenarios' amounts; the others narrower.
  const money = new Set<string>(['measured', 'goal1', 'goal2', 'beforeCap']);
  for (let i = 2; i <= PROJECTION_COLUMNS.length; i++)
    ws.getColumn(i).width = money.has(PROJECTION_COLUMNS[i - 1]!) ? 19 : 16;
}

export function dsiWorkbook(
  wb: ExcelJS.Workbook,
  c: DsiContract,
  r: DsiContractJson,
  evidence: EvidenceRow[],
): void {
  const { overview, measurements: sheet, evidence: ev } = contractSheets(wb, r, evidence, 72);
  const p = parameters(overview, c, r);
  measurements(sheet, r, p, ev);
  const calibrationRows = halfYears(c.measurements.first, c.measurements.last).length;
  const at = 18 + calibrationRows + 2;
  totals(overview, r, p, at);
  projectionSheet(wb, c, r, p, `'${overview.name}'!$B$${at + 6}`);
}
