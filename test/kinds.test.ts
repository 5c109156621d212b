/**
 * The contract-kind seam (pipelines/kinds/kind.ts): a third kind, registered only here
 * (test/fixtures/fixed-price-kind.ts), runs end to end through every stage — configuration, evaluation,
 * evidence, the audit workbook, the finance report, the summary, hold-back — with no change outside
 * its own module; and no module outside pipelines/kinds/ names a kind.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registerKind } from '../pipelines/kinds/index.ts';
import { fixedPriceKind, restoreKindsAfterTest } from './fixtures/fixed-price-kind.ts';
import { cli, tempDir, walk, warehouseRows, zipEntry } from './helpers.ts';

function write(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

const P = ['010170-1001', '020270-1002', '030370-1003', '040470-1004'];

/**
 * P1 works 100 hours in March 2025 and P2 90 in May 2025: two successes. P3's 95 hours in December
 * 2024 are before the contract's months, P4 has no rows: 2 of 4, at 10.000,50 kr. each = 20.001,00 kr.
 */
function inbox(dir: string): void {
  write(
    join(dir, 'enrollment', 'e.csv'),
    `cpr;projekt;visiteret\n${P.map((p) => `${p};fastpris;2025-01-10`).join('\n')}\n`,
  );
  write(
    join(dir, 'employment', 'l.csv'),
    `CPRNR;Måned;Løntimer;Uddannelse\n${P[0]};2025-03;100;nej\n${P[1]};2025-04;40;nej\n${P[1]};2025-05;90;nej\n${P[2]};2024-12;95;nej\n${P[2]};2025-02;10;nej\n`,
  );
}

const CONTRACT = {
  id: 'fastpris',
  kind: 'fixed_price_per_success',
  title: 'Fast pris pr. succes',
  programme: 'fastpris',
  from: '2025-01',
  to: '2025-12',
  successMinHours: 86,
  pricePerSuccess: 10000.5,
};

describe('a third kind of contract, registered only in this test', () => {
  it('runs end to end: its JSON, evidence, workbook, finance report, summary and schema', async () => {
    restoreKindsAfterTest();
    registerKind(fixedPriceKind);
    const dir = await tempDir('kpi-kind-');
    inbox(join(dir, 'inbox'));
    const config = join(dir, 'kpi.json');
    writeFileSync(config, JSON.stringify({ minCell: 1, contracts: [CONTRACT] }));
    const out = join(dir, 'out');
    const r = await cli([
      'run',
      '--inbox',
      join(dir, 'inbox'),
      '--out',
      out,
      '--as-of',
      '2026-01-15',
      '--config',
      config,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'restricted', 'contracts', 'fastpris.json'), 'utf8'));
    expect(json.kind).toBe('fixed_price_per_success');
    expect(json.totals).toEqual({ participants: 4, successes: 2, payment: 20001 });
    expect(json.participants.map((p: { firstSuccess: string | null }) => p.firstSuccess).sort()).toEqual([
      '2025-03',
      '2025-05',
      null,
      null,
    ]);
    const evidence = (await warehouseRows(
      out,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE success)::INTEGER AS successes FROM read_parquet('${join(out, 'restricted', 'contracts', 'fastpris.evidence.parquet')}')`,
    )) as { n: number; successes: number }[];
    expect(evidence).toEqual([{ n: 4, successes: 2 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'restricted', 'contracts', 'fastpris.xlsx'));
    const overview = wb.getWorksheet('Oversigt')!;
    expect(overview.getCell('B4').value).toEqual({ formula: 'B2*B3', result: 20001 });
    // The kind's sheet is handed the four evidence rows the Parquet file holds.
    expect(overview.getCell('B5').value).toBe(4);
    // What the engine adds to every kind's workbook: who made it, recalculation when opened, and a
    // printed footer with the municipality's name, the contract and the page.
    expect(wb.creator).toBe('kpi');
    expect(zipEntry(join(out, 'restricted', 'contracts', 'fastpris.xlsx'), 'xl/workbook.xml')).toMatch(
      /<calcPr [^>]*fullCalcOnLoad="1"/,
    );
    expect(overview.headerFooter.oddFooter).toBe('&LLolland Kommune · Fast pris pr. succes&RSide &P af &N');
    const finance = readFileSync(join(out, 'restricted', 'reports', 'finans.html'), 'utf8');
    expect(finance).toContain('Fast pris pr. succes');
    expect(finance).toContain('2 af 4 deltagere er succeser.');
    expect(finance).toContain('20.001,00');
    expect(r.stdout).toContain('fastpris: 2 succeser, betaling 20001 kr.');
    expect(readdirSync(join(out, 'public', 'schemas'))).toContain('fixed_price_contract.schema.json');
    expect(walk(join(out, 'restricted', 'charts')).map((f) => f.split('/').pop())).toContain('fastpris.svg');
  });

  it('is held back with the extracts it declares', async () => {
    restoreKindsAfterTest();
    registerKind(fixedPriceKind);
    const dir = await tempDir('kpi-kind-');
    inbox(join(dir, 'inbox'));
    const config = join(dir, 'kpi.json');
    writeFileSync(config, JSON.stringify({ minCell: 1, contracts: [CONTRACT] }));
    const out = join(dir, 'out');
    const args = [
      'run',
      '--inbox',
      join(dir, 'inbox'),
      '--out',
      out,
      '--as-of',
      '2026-01-15',
      '--config',
      config,
    ];
    expect((await cli(args)).code).toBe(0);
    const before = readFileSync(join(out, 'restricted', 'contracts', 'fastpris.json'), 'utf8');
    writeFileSync(join(dir, 'inbox', 'employment', 'l.csv'), 'ikke en overskrift\n');
    const r = await cli(args);
    expect(r.code).toBe(3);
    const after = JSON.parse(readFileSync(join(out, 'restricted', 'contracts', 'fastpris.json'), 'utf8'));
    expect(after.heldBack.files).toEqual(['employment/l.csv']);
    delete after.heldBack;
    expect(`${JSON.stringify(after, null, 2)}\n`).toBe(before);
  });

  it('a configured contract of an unknown kind is named with the known kinds', async () => {
    const dir = await tempDir('kpi-kind-');
    const config = join(dir, 'kpi.json');
    writeFileSync(config, JSON.stringify({ contracts: [{ ...CONTRACT, kind: 'dsi_social_investmen' }] }));
    const r = await cli(['check', '--inbox', dir, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('contracts.0.kind: der er ingen kontraktart "dsi_social_investmen"');
    expect(r.stderr).toContain('Mente du dsi_social_investment?');
  });
});

describe('the stages never branch on a kind', () => {
  it('no module outside pipelines/kinds/ names a built-in kind', () => {
    const root = join(import.meta.dirname, '..', 'pipelines');
    const named = walk(root)
      .filter((f) => f.endsWith('.ts') && !f.includes('/kinds/'))
      .filter((f) => /dsi_social_investment|grant_result_requirements/.test(readFileSync(f, 'utf8')));
    expect(named).toEqual([]);
  });
});
