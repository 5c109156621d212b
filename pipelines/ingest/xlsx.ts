/**
 * XLSX: the first sheet; the header is its first row, or found below title rows (ingest.ts). DuckDB has no Excel reader here, so the sheet
 * is written out as a UTF-8 CSV (one line per sheet row, empty rows kept as blank lines so line numbers
 * stay the Excel row numbers) and then goes through the same CSV path as every other file.
 * Formulas and merged cells are refused: their shown value is not what the cell holds.
 */
import { createWriteStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { FileRejected } from '../errors.ts';
import { t } from '../i18n/index.ts';

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function isoDate(d: Date): string {
  // Excel stores dates without a zone; exceljs hands them over as UTC midnight.
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function cellText(value: ExcelJS.CellValue, address: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      throw new FileRejected(t('ingest.xlsxFormula', { cell: address }), 'xlsx_formula');
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) {
      throw new FileRejected(
        t('ingest.xlsxError', { cell: address, error: String(value.error) }),
        'xlsx_error',
      );
    }
  }
  return String(value);
}

/** A merged range of cells, such as A1:F1, and the last sheet row it covers. */
export interface MergedRange {
  range: string;
  lastRow: number;
}

function mergedRange(range: string): MergedRange {
  const rows = [...range.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return { range, lastRow: Math.max(...rows) };
}

/** Writes the first sheet as CSV to `target`, one line per sheet row; returns its merged ranges. */
export async function xlsxToCsv(path: string, target: string): Promise<{ merges: MergedRange[] }> {
  // Loaded when a workbook arrives: exceljs costs about 27 MiB of memory in every process that loads it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new FileRejected(t('ingest.xlsxUnreadable', { message: (e as Error).message }), 'unreadable');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new FileRejected(t('ingest.xlsxNoSheets'), 'empty');
  // Merged cells are judged once the header is found (ingest.ts): a merged title above it is fine.
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(mergedRange);
  const width = sheet.columnCount;
  const out = createWriteStream(target, 'utf8');
  const lastRow = sheet.rowCount;
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const fields: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      fields.push(csvField(cellText(cell.value, cell.address)));
    }
    const line = fields.every((f) => f === '') ? '' : fields.join(',');
    if (!out.write(`${line}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return { merges };
}
