/**
 * The audit workbook of a grant with result requirements (Ungeløftet): Oversigt (the grant, the
 * requirements, the amounts and what is released), Målinger (one row per month: the group, those in
 * work or education, the share against each requirement) and Evidens (one row per young person and
 * month). Every count is a COUNTIFS over Evidens, every amount a formula.
 */
import type ExcelJS from 'exceljs';
import type { GrantContract } from '../../../schemas/contracts.ts';
import type { GrantContractJson } from '../../../schemas/outputs.ts';
import { t } from '../../i18n/index.ts';
import {
  contractSheets,
  type EvidenceRanges,
  type EvidenceRow,
  FMT,
  formula,
  heading,
  labelled,
  no,
  put,
  styleHeader,
  yes,
} from '../workbook.ts';

/** The requirements' columns on Målinger: G, H, … */
const reqColumn = (i: number) => String.fromCharCode(71 + i);

/** Målinger: one row per month; the share is judged against each requirement's threshold. */
function months(ws: ExcelJS.Worksheet, r: GrantContractJson, ev: EvidenceRanges, thresholds: string[]): void {
  const head = ['month', 'countedMonth', 'complete', 'group', 'inWork', 'share'].map((h) =>
    t(`workbook.col.${h}` as never),
  );
  head.push(...r.requirements.map((q) => t('workbook.col.meets', { id: q.id })));
  head.forEach((h, i) => {
    put(ws, `${String.fromCharCode(65 + i)}1`, h);
  });
  styleHeader(ws);
  ws.columns.forEach((c) => {
    c.width = 14;
  });
  r.months.forEach((m, i) => {
    const row = i + 2;
    put(ws, `A${row}`, m.month);
    put(ws, `B${row}`, m.counted ? yes() : no());
    put(ws, `C${row}`, m.complete ? yes() : no());
    put(ws, `D${row}`, formula(`COUNTIFS(${ev.period},$A${row})`, m.group), FMT.int);
    put(
      ws,
      `E${row}`,
      formula(
        `IF(C${row}="${yes()}",COUNTIFS(${ev.period},$A${row},${ev.success},"${yes()}"),"")`,
        m.inEmploymentOrEducation,
      ),
      FMT.int,
    );
    put(
      ws,
      `F${row}`,
      formula(`IF(AND(C${row}="${yes()}",D${row}>0),E${row}/D${row},"")`, m.share),
      FMT.pct2,
    );
    r.requirements.forEach((q, j) => {
      const meets = m.share === null ? '' : m.share >= q.threshold ? yes() : no();
      put(
        ws,
        `${reqColumn(j)}${row}`,
        formula(`IF(F${row}="","",IF(F${row}>=${thresholds[j]},"${yes()}","${no()}"))`, meets),
      );
    });
  });
}

/**
 * One scenario on Fremskrivning from `row`: each requirement met or not is its assumption; the payout
 * is a formula over them and the tranches on Oversigt. Returns the next free row.
 */
function grantScenario(
  ws: ExcelJS.Worksheet,
  r: GrantContractJson,
  sc: NonNullable<GrantContractJson['projection']>['scenarios'][number],
  cells: { rate1: string; amounts: string[] },
  row: number,
): number {
  const met = t('requirement.met');
  heading(ws, row++, sc.label);
  for (const a of sc.assumptions) put(ws, `A${row++}`, a);
  const statuses = sc.requirements.map((q) =>
    labelled(ws, row++, t('workbook.grant.status', { id: q.id }), q.met ? met : t('requirement.not_met')),
  );
  const payout = labelled(
    ws,
    row++,
    t('workbook.projection.payout'),
    formula(
      [cells.rate1, ...statuses.map((s, j) => `IF(${s}="${met}",${cells.amounts[j]},0)`)].join('+'),
      sc.expectedPayout,
    ),
    FMT.kr,
  );
  labelled(
    ws,
    row++,
    t('workbook.projection.againstGrant'),
    formula(`${payout}/${r.grant.total}`, sc.againstGrant),
    FMT.pct,
  );
  return row + 1;
}

/** Fremskrivning: what each requirement needs, and the payout under each scenario (never booked). */
function projectionSheet(
  wb: ExcelJS.Workbook,
  r: GrantContractJson,
  cells: { rate1: string; amounts: string[] },
): void {
  const pr = r.projection;
  if (!pr) return;
  const ws = wb.addWorksheet(t('workbook.sheet.projection'));
  put(ws, 'A1', t('workbook.projection.title')).font = { bold: true, size: 13 };
  put(ws, 'A2', t('workbook.projection.note'));
  labelled(ws, 3, t('workbook.projection.remaining'), pr.remainingCountedMonths, FMT.int);
  labelled(
    ws,
    4,
    t('workbook.projection.latestShare', { month: pr.basedOn ?? '–' }),
    pr.latestShare,
    FMT.pct2,
  );
  let row = 6;
  for (const q of pr.requirements) {
    labelled(
      ws,
      row++,
      t('workbook.projection.needed', { id: q.id }),
      q.neededShare ?? t(`requirement.${q.status}`),
      q.neededShare === null ? undefined : FMT.pct,
    );
    if (q.neededPersons !== null)
      labelled(
        ws,
        row++,
        t('workbook.projection.neededPersons', { id: q.id, group: q.ofGroup ?? 0 }),
        q.neededPersons,
        FMT.int,
      );
  }
  row++;
  for (const sc of pr.scenarios) row = grantScenario(ws, r, sc, cells, row);
  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 20;
}

/** The cells of the overview's parameters that the totals' formulas read. */
interface GrantCells {
  total: string;
  rate1Share: string;
  thresholds: string[];
  shares: string[];
  lastCounted: string;
  asOfMonth: string;
}

/** The grant's parameters on the overview, from row 6. */
function parameters(
  ws: ExcelJS.Worksheet,
  c: GrantContract,
  r: GrantContractJson,
): { cells: GrantCells; row: number } {
  heading(ws, 5, t('workbook.parameters'));
  let row = 6;
  const total = labelled(ws, row++, t('workbook.grant.total'), r.grant.total, FMT.kr);
  for (const [year, amount] of Object.entries(r.grant.byYear))
    labelled(ws, row++, t('workbook.grant.year', { year }), amount, FMT.kr);
  const rate1Share = labelled(ws, row++, t('workbook.grant.rate1Share'), c.rate1Share, FMT.pct);
  const thresholds: string[] = [];
  const shares: string[] = [];
  for (const q of r.requirements) {
    thresholds.push(labelled(ws, row++, t('workbook.grant.threshold', { id: q.id }), q.threshold, FMT.pct));
    shares.push(labelled(ws, row++, t('workbook.grant.payoutShare', { id: q.id }), q.payoutShare, FMT.pct));
  }
  const lastCounted = labelled(ws, row++, t('workbook.grant.lastCounted'), r.period.countedMonths.to);
  const asOfMonth = labelled(ws, row++, t('workbook.grant.asOfMonth'), r.asOf.slice(0, 7));
  return { cells: { total, rate1Share, thresholds, shares, lastCounted, asOfMonth }, row };
}

const word = (s: 'met' | 'not_met' | 'pending') => t(`requirement.${s}`);

/**
 * One requirement's tranche and status from `row`: the tranche is the rounded cumulative share of the
 * grant minus the rounded cumulative share before it, so the tranches add up to the grant to the øre;
 * the status is a formula over the months sheet. Returns the two cells.
 */
function requirementRows(
  ws: ExcelJS.Worksheet,
  row: number,
  q: GrantContractJson['requirements'][number],
  f: { total: string; cumulative: string; before: string; met: string; k: GrantCells },
): { amount: string; status: string } {
  const amount = labelled(
    ws,
    row,
    t('workbook.grant.amount', { id: q.id }),
    formula(`ROUND(${f.total}*(${f.cumulative}),2)-ROUND(${f.total}*(${f.before}),2)`, q.amount),
    FMT.kr,
  );
  const pending = `IF(${f.k.lastCounted}<${f.k.asOfMonth},"${word('not_met')}","${word('pending')}")`;
  const status = labelled(
    ws,
    row + 1,
    t('workbook.grant.status', { id: q.id }),
    formula(`IF(${f.met},"${word('met')}",${pending})`, word(q.status)),
  );
  return { amount, status };
}

/** The amounts as the engine books them: rate 1, each requirement's tranche, released and withheld. */
function totals(
  ws: ExcelJS.Worksheet,
  sheet: ExcelJS.Worksheet,
  r: GrantContractJson,
  k: GrantCells,
  from: number,
): { rate1: string; amounts: string[] } {
  let row = from;
  heading(ws, row++, t('workbook.totals'));
  const rate1 = labelled(
    ws,
    row++,
    t('workbook.grant.rate1'),
    formula(`ROUND(${k.total}*${k.rate1Share},2)`, r.payout.rate1),
    FMT.kr,
  );
  const n = Math.max(r.months.length + 1, 2);
  const m = (col: string) => `'${sheet.name}'!$${col}$2:$${col}$${n}`;
  const released: string[] = [];
  const withheld: string[] = [];
  const amounts: string[] = [];
  let cumulative = k.rate1Share;
  r.requirements.forEach((q, j) => {
    const before = cumulative;
    cumulative = `${cumulative}+${k.shares[j]}`;
    const met = `COUNTIFS(${m('B')},"${yes()}",${m(reqColumn(j))},"${yes()}")>0`;
    const { amount, status } = requirementRows(ws, row, q, { total: k.total, cumulative, before, met, k });
    amounts.push(amount);
    row += 2;
    released.push(`IF(${status}="${word('met')}",${amount},0)`);
    withheld.push(`IF(${status}="${word('met')}",0,${amount})`);
  });
  const releasedSum = labelled(
    ws,
    row++,
    t('workbook.grant.released'),
    formula(released.join('+') || '0', r.payout.released),
    FMT.kr,
  );
  labelled(
    ws,
    row++,
    t('workbook.grant.withheld'),
    formula(withheld.join('+') || '0', r.payout.withheld),
    FMT.kr,
  );
  labelled(
    ws,
    row++,
    t('workbook.grant.payoutTotal'),
    formula(`${rate1}+${releasedSum}`, r.payout.total),
    FMT.kr,
  );
  return { rate1, amounts };
}

export function grantWorkbook(
  wb: ExcelJS.Workbook,
  c: GrantContract,
  r: GrantContractJson,
  evidence: EvidenceRow[],
): void {
  const { overview: ws, measurements: sheet, evidence: ev } = contractSheets(wb, r, evidence, 56);
  const { cells, row } = parameters(ws, c, r);
  months(sheet, r, ev, cells.thresholds);
  projectionSheet(wb, r, totals(ws, sheet, r, cells, row + 1));
}
