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
