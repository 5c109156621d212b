/**
 * The screenshots of the audit workbooks in docs/contracts.md: each sheet of the demo's contract
 * workbooks, printed by LibreOffice (values only, the evidence sheet cut to its first rows) and turned
 * into a PNG by poppler's pdftoppm. Run after `npm start`:
 *   npx tsx scripts/workbook-screenshots.ts [output]     (default ./output)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const out = resolve(process.argv[2] ?? 'output');
const docs = resolve(import.meta.dirname, '..', 'docs', 'img');
const work = mkdtempSync(join(tmpdir(), 'kpi-shots-'));

/** ASCII file names: Målinger → maalinger. */
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/å/g, 'aa')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/[^a-z0-9]+/g, '-');

for (const id of ['jobfokus', 'ungeloftet']) {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(join(out, 'restricted', 'contracts', `${id}.xlsx`));
  for (const sheet of source.worksheets.map((w) => w.name)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'restricted', 'contracts', `${id}.xlsx`));
    for (const other of wb.worksheets.filter((w) => w.name !== sheet)) wb.removeWorksheet(other.id);
    const ws = wb.worksheets[0]!;
    // Values only: a formula's result, as the sheet shows it; the formulas themselves are in the file.
    ws.eachRow((row) => {
      row.eachCell((c) => {
        const v = c.value as { formula?: string; result?: ExcelJS.CellValue } | null;
        if (v && typeof v === 'object' && 'formula' in v) c.value = v.result ?? null;
      });
    });
    // The evidence has a row per person and period: its first rows show what it holds.
    if (ws.rowCount > 60) ws.spliceRows(26, ws.rowCount - 25);
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
    const name = `workbook-${id}-${slug(sheet)}`;
    const xlsx = join(work, `${name}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        xlsx,
      ],
      {
        stdio: 'pipe',
      },
    );
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(work, `${name}.pdf`),
      join(work, name),
    ]);
    renameSync(join(work, `${name}.png`), join(docs, `${name}.png`));
    console.log(`docs/img/${name}.png`);
  }
}
