/**
 * XLSX: the first sheet; the header is its first row, or found below title rows (ingest.ts). DuckDB has no Excel reader here, so the sheet
 * is written out as a UTF-8 CSV (one line per sheet row, empty rows kept as blank lines so line numbers
 * stay the Excel row numbers) and then goes through the same CSV path as every other file.
 * A formula's cached value (what Excel last computed and showed) is read, and the cell is reported: a
 * formula in a skipped totals row is fine, one in a data row is warned about, and one without a cached
 * value is refused where it is data (ingest.ts). Merged cells are refused where they hide values. Macros
 * (.xlsm) are never run: exceljs reads the cells only.
 */
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { FileRejected } from '../errors.ts';
import { bytes, t } from '../i18n/index.ts';
import { DEFAULT_LIMITS, inflatedMax, type ReadLimits } from './sniff.ts';

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function isoDate(d: Date): string {
  // Excel stores dates without a zone; exceljs hands them over as UTC midnight.
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A cell that holds a formula: where, and whether the workbook kept the value it computed. */
export interface FormulaCell {
  address: string;
  row: number;
  cached: boolean;
}

function cellText(value: ExcelJS.CellValue, address: string, formulas?: FormulaCell[], row = 0): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      const cached = result !== undefined && result !== null;
      formulas?.push({ address, row, cached });
      return cached ? cellText(result, address) : '';
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

/**
 * The bytes a workbook's parts inflate to, from its zip's central directory (an xlsx is a zip file):
 * read before exceljs inflates them in memory. Undefined when the directory cannot be read (exceljs
 * then says why); Infinity for a zip64 size, which no workbook of an extract needs.
 */
export async function inflatedSize(path: string): Promise<number | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tail = Buffer.alloc(Math.min(size, 65_557));
    await file.read(tail, 0, tail.length, size - tail.length);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd === -1) return undefined;
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size) return undefined;
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    let total = 0;
    for (let at = 0, n = 0; n < entries && at + 46 <= dir.length; n++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) return undefined;
      const inflated = dir.readUInt32LE(at + 24);
      total += inflated === 0xffffffff ? Number.POSITIVE_INFINITY : inflated;
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return total;
  } finally {
    await file.close();
  }
}

/** Writes the first sheet as CSV to `target`, one line per sheet row; returns its merged ranges and formulas. */
export async function xlsxToCsv(
  path: string,
  target: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ merges: MergedRange[]; formulas: FormulaCell[] }> {
  // A zip bomb is refused before exceljs inflates it in memory (docs/security.md).
  const inflated = await inflatedSize(path);
  const max = await inflatedMax(path, limits);
  if (inflated !== undefined && inflated > max) {
    throw new FileRejected(t('ingest.inflateLimit', { max: bytes(max) }), 'inflate_limit');
  }
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
  const formulas: FormulaCell[] = [];
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const fields: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      fields.push(csvField(cellText(cell.value, cell.address, formulas, r)));
    }
    const line = fields.every((f) => f === '') ? '' : fields.join(',');
    if (!out.write(`${line}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return { merges, formulas };
}
