/**
 * The audit workbooks' common parts (docs/contracts.md, "Auditing a payment"): Danish number formats,
 * the evidence sheet that every count is a COUNTIFS over, and cells with live formulas that also carry
 * their result, so the figures show without recalculation and an auditor can follow and change them.
 */
import type ExcelJS from 'exceljs';
import { municipalityName } from '../core/municipalities.ts';
import { t } from '../i18n/index.ts';

/** Number formats; Excel and LibreOffice show them with the reader's separators (1.234,56 kr. in Danish). */
export const FMT = {
  kr: '#,##0.00 "kr."',
  pct: '0.0 %',
  pct2: '0.00 %',
  int: '#,##0',
  num: '#,##0.00',
} as const;

/** One evidence row as restricted/contracts/<id>.evidence.parquet has it. */
export interface EvidenceRow {
  contract: string;
  period: string | null;
  person_key: string;
  goal: string;
  counted: boolean;
  success: boolean;
  reason: string;
}

/** The words the evidence sheet and the formulas use for true and false. */
export const yes = () => t('word.yes');
export const no = () => t('word.no');

/** The absolute range of one evidence column, for COUNTIFS. */
export interface EvidenceRanges {
  period: string;
  goal: string;
  counted: string;
  success: string;
}

/** Evidens: one row per person and period, the pseudonymous key, what counted and why. */
export function evidenceSheet(wb: ExcelJS.Workbook, rows: EvidenceRow[]): EvidenceRanges {
  const ws = wb.addWorksheet(t('workbook.sheet.evidence'));
  ws.columns = [
    { header: t('workbook.col.period'), key: 'period', width: 11 },
    { header: t('workbook.col.goal'), key: 'goal', width: 14 },
    { header: t('workbook.col.personKey'), key: 'person_key', width: 36 },
    { header: t('workbook.col.counted'), key: 'counted', width: 10 },
    { header: t('workbook.col.success'), key: 'success', width: 10 },
    { header: t('workbook.col.reason'), key: 'reason', width: 80 },
  ];
  for (const r of rows) {
    ws.addRow({
      period: r.period ?? '',
      goal: r.goal,
      person_key: r.person_key,
      counted: r.counted ? yes() : no(),
      success: r.success ? yes() : no(),
      reason: r.reason,
    });
  }
  styleHeader(ws);
  // At least one row, so a range is never reversed.
  const last = Math.max(rows.length + 1, 2);
  const sheet = `'${ws.name}'`;
  const range = (c: string) => `${sheet}!$${c}$2:$${c}$${last}`;
  return { period: range('A'), goal: range('B'), counted: range('D'), success: range('E') };
}

export function styleHeader(ws: ExcelJS.Worksheet, row = 1): void {
  const r = ws.getRow(row);
  r.font = { bold: true };
  r.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: row }];
}

/** A formula with its result; `result` is what the engine computed, to the øre where it is money. */
export function formula(f: string, result: number | string | null): ExcelJS.CellFormulaValue {
  return { formula: f, result: result ?? '' } as ExcelJS.CellFormulaValue;
}

/** Sets a cell's value and number format. */
export function put(
  ws: ExcelJS.Worksheet,
  ref: string,
  value: ExcelJS.CellValue,
  numFmt?: string,
): ExcelJS.Cell {
  const c = ws.getCell(ref);
  c.value = value;
  if (numFmt) c.numFmt = numFmt;
  return c;
}

/** A label in column A and a value in column B; returns the value's absolute reference. */
export function labelled(
  ws: ExcelJS.Worksheet,
  row: number,
  label: string,
  value: ExcelJS.CellValue,
  numFmt?: string,
): string {
  put(ws, `A${row}`, label);
  put(ws, `B${row}`, value, numFmt);
  return `'${ws.name}'!$B$${row}`;
}

/** A heading row in bold. */
export function heading(ws: ExcelJS.Worksheet, row: number, text: string): void {
  put(ws, `A${row}`, text).font = { bold: true, size: 12 };
}

/**
 * A contract workbook's three sheets, in order: Oversigt with the title, the as-of date and the
 * municipality on top; Målinger; and Evidens with the rows the counts are taken over.
 */
export function contractSheets(
  wb: ExcelJS.Workbook,
  r: { title: string; asOf: string; municipality: string },
  evidence: EvidenceRow[],
  labelWidth: number,
): { overview: ExcelJS.Worksheet; measurements: ExcelJS.Worksheet; evidence: EvidenceRanges } {
  const overview = wb.addWorksheet(t('workbook.sheet.overview'));
  const measurements = wb.addWorksheet(t('workbook.sheet.measurements'));
  const ranges = evidenceSheet(wb, evidence);
  put(overview, 'A1', r.title).font = { bold: true, size: 14 };
  labelled(overview, 2, t('workbook.asOf'), r.asOf);
  // The name an auditor knows, with the code the files carry: "Lolland Kommune (360)".
  const name = municipalityName(r.municipality);
  labelled(overview, 3, t('workbook.municipality'), name ? `${name} (${r.municipality})` : r.municipality);
  overview.getColumn(1).width = labelWidth;
  overview.getColumn(2).width = 20;
  overview.getColumn(3).width = 22;
  return { overview, measurements, evidence: ranges };
}
