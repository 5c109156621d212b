/**
 * Recalculates a workbook in a real spreadsheet engine: every formula's cached result is removed (so
 * LibreOffice must compute it; it keeps a cached one), then LibreOffice headless writes each sheet as
 * CSV. Returns the sheets by name, as rows of cells.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { splitCsvLine } from '../pipelines/ingest/sniff.ts';
import { tempDir } from './helpers.ts';

/** The formulas of a workbook, by `<sheet>!<cell>`. */
export async function formulasOf(file: string): Promise<Map<string, { formula: string; result: unknown }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, { formula: string; result: unknown }>();
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((c) => {
        const v = c.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === 'object' && v.formula)
          out.set(`${ws.name}!${c.address}`, { formula: v.formula, result: v.result });
      });
    });
  });
  return out;
}

/** LibreOffice's CSV: ';' between cells, '"' around text that needs it; one row per line. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => splitCsvLine(line, ';'));
}

export async function recalculate(file: string): Promise<Record<string, string[][]>> {
  const dir = await tempDir('kpi-recalc-');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((c) => {
        const v = c.value as { formula?: string } | null;
        if (v && typeof v === 'object' && v.formula)
          c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      });
    });
  });
  const stripped = join(dir, 'book.xlsx');
  await wb.xlsx.writeFile(stripped);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):59,34,UTF8,1,,0,false,true,false,false,false,-1',
      '--outdir',
      dir,
      stripped,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const sheets: Record<string, string[][]> = {};
  for (const f of readdirSync(dir).filter((n) => n.startsWith('book-') && n.endsWith('.csv'))) {
    sheets[basename(f, '.csv').slice('book-'.length)] = parseCsv(readFileSync(join(dir, f), 'utf8'));
  }
  return sheets;
}

/** A recalculated cell as a number: "16.6666666666667%" is 0.1666…, "" is null. */
export function cellNumber(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  return s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s);
}

/** Kroner to the øre. */
export const ore = (x: number | null) => (x === null ? null : Math.round(x * 100));

/** The value beside a label in column A. */
export function byLabel(sheet: string[][], label: string): string | undefined {
  return sheet.find((r) => r[0] === label)?.[1];
}

/** A copy of the workbook with one cell's value changed (as an auditor would change it), for recalculate. */
export async function withCell(file: string, sheet: string, cell: string, value: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  const copy = join(await tempDir('kpi-changed-'), basename(file));
  await wb.xlsx.writeFile(copy);
  return copy;
}

/** The workbook printed to PDF by LibreOffice: the text of each page. */
export async function printedPages(file: string): Promise<string[]> {
  const dir = await tempDir('kpi-print-');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const pdf = join(dir, `${basename(file).replace(/\.xlsx$/, '')}.pdf`);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\f')
    .filter((p) => p.trim() !== '');
}
