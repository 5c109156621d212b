/**
 * XLSX: the first sheet, first row as header (extracts.md). DuckDB has no Excel reader here, so the sheet
 * is written out as a UTF-8 CSV (one line per sheet row, empty rows kept as blank lines so line numbers
 * stay the Excel row numbers) and then goes through the same CSV path as every other file.
 * Formulas and merged cells are refused: their shown value is not what the cell holds.
 */
import { createWriteStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { FileRejected } from '../errors.ts';

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
      throw new FileRejected(
        `cell ${address} holds a formula; save the sheet with values only (copy, then Paste Special → Values) and deliver it again`,
        'xlsx_formula',
      );
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) {
      throw new FileRejected(
        `cell ${address} holds the Excel error ${value.error}; fix the cell and deliver again`,
        'xlsx_error',
      );
    }
  }
  return String(value);
}

/** Writes the first sheet as CSV to `target`; returns the number of sheet rows after the header. */
export async function xlsxToCsv(path: string, target: string): Promise<number> {
  // Loaded when a workbook arrives: exceljs costs about 27 MiB of memory in every process that loads it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new FileRejected(
      `the file is not a readable .xlsx workbook (${(e as Error).message})`,
      'unreadable',
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new FileRejected('the workbook has no sheets', 'empty');
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0) {
    throw new FileRejected(
      `the first sheet has merged cells (${merges.slice(0, 3).join(', ')}); unmerge them so every row has its own values, and deliver again`,
      'xlsx_merged_cells',
    );
  }
  const width = sheet.columnCount;
  const out = createWriteStream(target, 'utf8');
  let rows = 0;
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
    if (r > 1 && line !== '') rows++;
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return rows;
}
