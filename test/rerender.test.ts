/**
 * `kpi report` is faithful to the run it re-renders (issue: re-rendering used the default contracts):
 * the run stores its configuration (config.json, hashed as configHash), the reports are rendered from
 * it, a different contract configuration is refused without --force, and every rewritten file keeps
 * its mode and gets its new sha256 in the manifest, the PDFs listed too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import type { Manifest } from '../schemas/outputs.ts';
import { BUSINESS_CASE, jobfokusScenario, writeScenario } from './contract-scenarios.ts';
import { cli, tempDir } from './helpers.ts';

const CHROMIUM = process.env.KPI_CHROMIUM ?? '/usr/bin/chromium';

/** A Jobfokus with a cap of 4 mio. and measurements from 2027-H2 to 2029-H2 only; Ungeløftet moved a year. */
const CONTRACTS = [
  { ...JOBFOKUS, cap: 4_000_000, measurements: { first: '2027-H2', last: '2029-H2' } },
  {
    ...UNGELOFTET,
    periodStart: '2024-08-15',
    periodEnd: '2027-12-31',
    secondHalfFrom: '2026-04-24',
    grant: {
      total: UNGELOFTET.grant.total,
      byYear: { '2024': 433_912.41, '2025': 1_737_951.55, '2026': 2_056_767.83, '2027': 1_746_008.28 },
    },
  },
];

const text = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;

describe('kpi report renders from the configuration the run stored', () => {
  let dir: string;
  let out: string;
  let config: string;
  beforeAll(async () => {
    dir = await tempDir('kpi-rerender-');
    const inbox = join(dir, 'inbox');
    writeScenario(
      inbox,
      jobfokusScenario((p) => Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!), 234),
      '2026-01',
      '2029-12',
    );
    config = join(dir, 'kpi.config.json');
    writeFileSync(config, JSON.stringify({ minCell: 1, contracts: CONTRACTS }));
    out = join(dir, 'out');
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2030-02-01', '--config', config]);
    expect([0, 3], r.stderr).toContain(r.code);
  });

  it('stores the configuration beside the manifest, hashed as configHash', () => {
    const stored = readFileSync(join(out, 'current', 'config.json'), 'utf8');
    expect(JSON.parse(stored).contracts[0].cap).toBe(4_000_000);
    expect(manifestOf(out).configHash).toBe(sha(join(out, 'current', 'config.json')).slice(0, 16));
    expect(manifestOf(out).outputs.map((o) => o.path)).toContain('config.json');
  });

  it('without --config, re-renders with the run’s cap and calendar, keeping modes and the manifest’s hashes', async () => {
    const finance = join(out, 'restricted', 'reports', 'finans.html');
    const before = text(finance);
    expect(before).toContain('højst blive 4.000.000,00 kr.');
    expect(before).toContain('fra 2. halvår 2027 til 2. halvår 2029');
    const r = await cli(['report', '--out', out, '--pdf'], {
      KPI_CHROMIUM: CHROMIUM,
      PATH: process.env.PATH,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Rapporterne er dannet med den konfiguration, kørslen brugte \(config\.json, [0-9a-f]{16}\)\./,
    );
    const after = text(finance);
    expect(after).toContain('højst blive 4.000.000,00 kr.');
    expect(after).toContain('fra 2. halvår 2027 til 2. halvår 2029');
    expect(after).not.toContain('14.000.000,00');
    expect(after).toContain('2024-08-15 til 2027-12-31');
    // Every rewritten file keeps its side's mode, and the manifest lists it with its new sha256.
    const m = manifestOf(out);
    for (const f of [
      'restricted/reports/finans.html',
      'restricted/reports/finans.pdf',
      'public/reports/afrapportering.pdf',
    ]) {
      const entry = m.outputs.find((o) => o.path === f);
      expect(entry, f).toBeDefined();
      expect(entry!.sha256, f).toBe(sha(join(out, f)));
    }
    expect(mode(finance)).toBe('600');
    expect(mode(join(out, 'restricted', 'reports', 'finans.pdf'))).toBe('600');
    expect(mode(join(out, 'public', 'reports', 'afrapportering.html'))).toBe('644');
    // The copy at the top of --out is the run's manifest.
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(out, 'current', 'manifest.json'), 'utf8'),
    );
  });

  it('refuses a --config whose contracts are not the run’s (exit 2), unless --force, and says which it used', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ minCell: 1, contracts: [JOBFOKUS, UNGELOFTET] }));
    const finance = join(out, 'restricted', 'reports', 'finans.html');
    const before = sha(finance);
    const refused = await cli(['report', '--out', out, '--config', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `Kontrakterne i ${other} er ikke dem, den offentliggjorte kørsel regnede med`,
    );
    expect(sha(finance)).toBe(before);
    const same = await cli(['report', '--out', out, '--config', config]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain(`Rapporterne er dannet med ${config}; dens kontrakter er kørslens.`);
    const forced = await cli(['report', '--out', out, '--config', other, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('(--force)');
    expect(existsSync(finance)).toBe(true);
  });
});
