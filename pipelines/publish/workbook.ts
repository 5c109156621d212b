/**
 * public/kpis.xlsx (docs/outputs.md): the published KPIs for the committee and for BI users who live in
 * Excel. An overview sheet (every KPI's latest period, value, target and status, linked to its sheet),
 * then one sheet per KPI with every period's value, target and status. The same disclosure-controlled
 * figures as kpis.json: a suppressed value reads "<5".
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { KpiEntry, KpisJson } from '../../schemas/outputs.ts';
import { statusWord } from '../core/describe.ts';
import { municipalityName } from '../core/municipalities.ts';
import { periodLabel } from '../core/vega.ts';
import { printSetup, writeWorkbookFile } from '../core/xlsx.ts';
import { t } from '../i18n/index.ts';

/** The number format of a unit's values, as Excel shows them in the reader's language. */
const FORMAT: Record<KpiEntry['unit'], string> = {
  share: '0.0 %',
  rate: '0.0 %',
  count: '#,##0',
  dkk: '#,##0.00 "kr."',
  score: '0.00',
  rank: '0',
  points: '+0.00;-0.00;0',
  hours: '0.0',
};

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(id: string, taken: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}_${i}`;
  taken.add(name);
  return name;
}

function bold(ws: ExcelJS.Worksheet, row: number): void {
  ws.getRow(row).font = { bold: true };
}

/** A value cell: the number in the unit's format, "<minCell" when suppressed, empty without one. */
function valueCell(
  ws: ExcelJS.Worksheet,
  ref: string,
  k: KpiEntry,
  v: number | null,
  suppressed: boolean,
  minCell: number,
): void {
  const c = ws.getCell(ref);
  if (suppressed) {
    c.value = `<${minCell}`;
    c.alignment = { horizontal: 'right' };
  } else if (v !== null) {
    c.value = v;
    c.numFmt = FORMAT[k.unit];
  }
}

function kpiSheet(ws: ExcelJS.Worksheet, k: KpiEntry, minCell: number): void {
  ws.getCell('A1').value = k.title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = t('report.source', { source: k.source });
  const head = ['municipality', 'period', 'series', 'value', 'target', 'status'].map((h) =>
    t(`workbook.kpi.${h}` as never),
  );
  ws.getRow(4).values = head;
  bold(ws, 4);
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  k.series.forEach((p, i) => {
    const row = 5 + i;
    ws.getCell(`A${row}`).value = k.municipality;
    ws.getCell(`B${row}`).value = periodLabel(p.period);
    ws.getCell(`C${row}`).value = p.breakdown ? Object.values(p.breakdown)[0]! : t('word.total');
    valueCell(ws, `D${row}`, k, p.value, p.suppressed, minCell);
    valueCell(ws, `E${row}`, k, p.target, false, minCell);
    ws.getCell(`F${row}`).value = statusWord(p.status);
  });
  ws.columns.forEach((c, i) => {
    c.width = [10, 16, 24, 12, 12, 16][i] ?? 12;
  });
}

function overview(ws: ExcelJS.Worksheet, kpis: KpisJson, sheets: string[]): void {
  ws.getCell('A1').value = t('workbook.kpi.title', { asOf: kpis.asOf });
  ws.getCell('A1').font = { bold: true, size: 13 };
  const head = ['kpi', 'municipality', 'latest', 'value', 'target', 'status', 'sheet'].map((h) =>
    t(`workbook.kpi.${h}` as never),
  );
  ws.getRow(3).values = head;
  bold(ws, 3);
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  kpis.kpis.forEach((k, i) => {
    const row = 4 + i;
    const latest = k.latest;
    const point = latest && k.series.find((p) => p.period === latest.period && !p.breakdown);
    ws.getCell(`A${row}`).value = k.title;
    ws.getCell(`B${row}`).value = k.municipality;
    ws.getCell(`C${row}`).value = latest ? periodLabel(latest.period) : '–';
    valueCell(ws, `D${row}`, k, latest?.value ?? null, point?.suppressed ?? false, kpis.minCell);
    valueCell(ws, `E${row}`, k, latest?.target ?? null, false, kpis.minCell);
    ws.getCell(`F${row}`).value = statusWord(k.status);
    ws.getCell(`G${row}`).value = { text: sheets[i]!, hyperlink: `#'${sheets[i]}'!A1` };
  });
  ws.columns.forEach((c, i) => {
    c.width = [52, 10, 16, 12, 12, 16, 30][i] ?? 12;
  });
}

export async function writeKpisWorkbook(kpis: KpisJson, pub: string, name = 'kpis.xlsx'): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'kpi';
  const first = wb.addWorksheet(t('workbook.sheet.overview'));
  const taken = new Set([first.name]);
  const sheets = kpis.kpis.map((k) =>
    sheetName(kpis.kpis.filter((x) => x.id === k.id).length > 1 ? `${k.id}_${k.municipality}` : k.id, taken),
  );
  kpis.kpis.forEach((k, i) => {
    kpiSheet(wb.addWorksheet(sheets[i]!), k, kpis.minCell);
  });
  overview(first, kpis, sheets);
  const codes = [...new Set(kpis.kpis.map((k) => k.municipality))];
  printSetup(wb, `${codes.map((c) => municipalityName(c) ?? c).join(', ')} · KPI · ${kpis.asOf}`, {
    page: t('pdf.page'),
    of: t('pdf.of'),
  });
  await writeWorkbookFile(wb, join(pub, name), new Date(`${kpis.asOf}T00:00:00Z`));
}
