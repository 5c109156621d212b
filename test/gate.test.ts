/**
 * The privacy gate reads a workbook as any reader of the file could (publish/xlsxText.ts): every cell
 * of every sheet, the sheet names, headers and footers, comments and the document's properties. A file
 * it cannot read stops the run as one it cannot check, rather than passing unread.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { privacyGate } from '../pipelines/publish/gate.ts';
import { xlsxTexts } from '../pipelines/publish/xlsxText.ts';
import { TEST_KEY, tempDir } from './helpers.ts';

const CPR = '110473-0000';

/** A workbook with one sheet, and `place` putting the CPR somewhere in it. */
async function workbook(path: string, place: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tal');
  ws.addRow(['kpi_id', 'værdi']);
  ws.addRow(['neet_share', 0.25]);
  place(wb, ws);
  await wb.xlsx.writeFile(path);
}

/** A run's folder with public/ and a manifest, as the gate finds it before the switch. */
async function stagingRoot(): Promise<string> {
  const root = await tempDir('kpi-gate-');
  mkdirSync(join(root, 'public'));
  writeFileSync(join(root, 'manifest.json'), '{}');
  return root;
}

const gate = (root: string) =>
  privacyGate({ root, key: TEST_KEY, allowedDates: [], recentFrom: '2024-01-01' });

const PLACES: Record<string, (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void> = {
  shared: (_wb, ws) => ws.addRow(['note', `ring til ${CPR}`]),
  number: (_wb, ws) => ws.addRow(['note', 1104730000]),
  inline: (_wb, ws) => {
    ws.getCell('C3').value = { richText: [{ text: 'borger ' }, { font: { bold: true }, text: CPR }] };
  },
  formula: (_wb, ws) => {
    ws.getCell('C3').value = { formula: `"${CPR}"`, result: 'x' };
  },
  comment: (_wb, ws) => {
    ws.getCell('A1').note = `spørg ${CPR}`;
  },
  footer: (_wb, ws) => {
    ws.headerFooter.oddFooter = `Sag ${CPR}`;
  },
  sheetName: (wb) => {
    wb.addWorksheet(CPR.replace('-', ' '));
  },
  properties: (wb) => {
    wb.creator = `sagsbehandler ${CPR}`;
  },
};

describe('the privacy gate and workbooks', () => {
  it('finds a CPR wherever a workbook holds it, naming the sheet where it is a cell', async () => {
    const root = await stagingRoot();
    for (const [name, place] of Object.entries(PLACES))
      await workbook(join(root, 'public', `${name}.xlsx`), place);
    await workbook(join(root, 'public', 'clean.xlsx'), () => {});
    const findings = await gate(root);
    expect(findings.map((f) => f.file).sort()).toEqual(
      Object.keys(PLACES)
        .map((n) => `public/${n}.xlsx`)
        .sort(),
    );
    expect(findings.every((f) => f.kind === 'cpr')).toBe(true);
    const inCell = findings.filter((f) => f.kpi === 'Tal').map((f) => f.file);
    expect(inCell.sort()).toEqual([
      'public/formula.xlsx',
      'public/inline.xlsx',
      'public/number.xlsx',
      'public/shared.xlsx',
    ]);
  });

  it('reads a cell’s text as Excel shows it: runs joined, entities decoded, two cells never one', async () => {
    const dir = await tempDir('kpi-gate-');
    const path = join(dir, 'w.xlsx');
    await workbook(path, (_wb, ws) => {
      ws.addRow(['110473', '0000', 'A & B <c>']);
      ws.getCell('D4').value = { richText: [{ text: '1104' }, { font: { italic: true }, text: '73-0000' }] };
    });
    const texts = xlsxTexts(readFileSync(path));
    const cells = texts.filter((t) => t.sheet === 'Tal').map((t) => t.text);
    expect(cells).toEqual([
      'kpi_id',
      'værdi',
      'neet_share',
      '0.25',
      '110473',
      '0000',
      'A & B <c>',
      '110473-0000',
    ]);
  });

  it('stops on a file it cannot read: a broken workbook, Parquet or Arrow file is one it cannot check', async () => {
    const root = await stagingRoot();
    writeFileSync(join(root, 'public', 'kpis.xlsx'), 'PK\u0003\u0004 not a zip');
    writeFileSync(join(root, 'public', 'kpis.parquet'), 'PAR1 not parquet');
    writeFileSync(join(root, 'public', 'kpis.arrow'), 'not arrow');
    const findings = await gate(root);
    expect(findings).toEqual([
      { file: 'public/kpis.arrow', kind: 'unreadable' },
      { file: 'public/kpis.parquet', kind: 'unreadable' },
      { file: 'public/kpis.xlsx', kind: 'unreadable' },
    ]);
  });
});
