/**
 * A workbook's formulas, judged once the skipped rows are known (docs/inbox.md): a formula in a totals
 * row or a title row is allowed (the row is no data); in a data row its cached value (what Excel last
 * computed and showed) is read and the file is warned about; a data cell whose formula has no cached
 * value (a workbook written by a program that never computed it) has no value to read, and the file is
 * refused with the cell's address.
 */
import { FileRejected } from '../errors.ts';
import { t } from '../i18n/index.ts';
import type { FileLoad } from './types.ts';

export async function judgeFormulas(f: FileLoad): Promise<void> {
  const cells = f.p.formulas ?? [];
  if (cells.length === 0) return;
  const rows = [...new Set(cells.map((c) => c.row))];
  const data = await f.db.all<{ line: number }>(
    `SELECT DISTINCT _line::INTEGER AS line FROM raw WHERE _line IN (SELECT unnest([${rows.join(', ')}]))`,
  );
  const dataRows = new Set(data.map((r) => r.line));
  const inData = cells.filter((c) => dataRows.has(c.row));
  const uncached = inData.find((c) => !c.cached);
  if (uncached) throw new FileRejected(t('ingest.xlsxFormula', { cell: uncached.address }), 'xlsx_formula');
  if (inData.length > 0) f.input.formulaValues = { cells: inData.length, first: inData[0]!.address };
}
