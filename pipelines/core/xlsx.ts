/**
 * Writes an exceljs workbook so that the same content gives the same bytes: the zip's entries carry
 * the given date instead of the time of writing (a rerun with unchanged figures leaves a published
 * workbook byte-identical, as every other output), and the file is renamed into place.
 */
import { rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// The zip library exceljs writes with (its own dependency): its default entry date is read when a file
// is added, so it is set for the length of one write.
const require = createRequire(import.meta.url);
const jszipDefaults = (
  createRequire(require.resolve('exceljs'))('jszip') as { defaults: { date: Date | null } }
).defaults;

export async function writeWorkbookFile(wb: ExcelJS.Workbook, file: string, date: Date): Promise<void> {
  wb.created = date;
  wb.modified = date;
  const before = jszipDefaults.date;
  jszipDefaults.date = date;
  try {
    // writeBuffer adds every entry before it returns, so the date holds for all of them.
    const buffer = await wb.xlsx.writeBuffer();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${file}.tmp`, new Uint8Array(buffer as ArrayBuffer));
  } finally {
    jszipDefaults.date = before;
  }
  await rename(`${file}.tmp`, file);
}

/**
 * Every sheet prints on A4 in landscape, fitted to the page's width (as many pages down as it needs),
 * with a sheet's header rows (those frozen on screen) repeated on every page, and the municipality, the
 * workbook's subject and the page number in the footer: an auditor's printout keeps every figure with
 * its label.
 */
export function printSetup(wb: ExcelJS.Workbook, footer: string, page: { page: string; of: string }): void {
  // In a header or footer, & starts a code: a literal & is written &&.
  const text = footer.replace(/&/g, '&&');
  for (const ws of wb.worksheets) {
    const frozen = ws.views?.[0] && 'ySplit' in ws.views[0] ? Number(ws.views[0].ySplit) : 0;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(frozen > 0 ? { printTitlesRow: `1:${frozen}` } : {}),
    };
    ws.headerFooter = {
      ...ws.headerFooter,
      oddFooter: `&L${text}&R${page.page} &P ${page.of} &N`,
    };
  }
}
