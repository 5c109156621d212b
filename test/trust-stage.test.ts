/**
 * The trust stage (guard/trust.ts, run/stages/trust.ts): every published artifact declares what it
 * reads, and whatever reads an input that cannot be trusted is held back the same way: a KPI whose
 * target comes from a rejected file, a list beside kpis.json, a contract. Each reason says what
 * happened (a rejected file, a missing or an empty folder, a first run), `check` decides as `run` does,
 * and no file a run writes goes undeclared.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiDefinitions, parseConfig } from '../pipelines/config.ts';
import { asOfDate } from '../pipelines/core/asOf.ts';
import { decideTrust } from '../pipelines/guard/trust.ts';
import { volumeDrops } from '../pipelines/guard/volumes.ts';
import { declareArtifacts, ownsFile } from '../pipelines/run/artifacts.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';
import { cli, lolland, tempDir, walk, warehouseRows } from './helpers.ts';

const CASES = join(import.meta.dirname, 'cases');
const EXAMPLES = join(import.meta.dirname, 'fixtures', 'examples-inbox');

async function copyInbox(from: string): Promise<string> {
  const inbox = join(await tempDir('kpi-trust-in-'), 'inbox');
  cpSync(from, inbox, { recursive: true });
  return inbox;
}

async function configFile(config: object): Promise<string> {
  const file = join(await tempDir('kpi-trust-cfg-'), 'kpi.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function night(inbox: string, out: string, asOf: string, config: string) {
  const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', asOf, '--config', config]);
  const read = <T>(p: string) => JSON.parse(readFileSync(join(out, p), 'utf8')) as T;
  return { ...r, kpis: read<KpisJson>('public/kpis.json'), manifest: read<Manifest>('manifest.json') };
}

const entry = (kpis: KpisJson, id: string) => {
  const { heldBack: _h, restatements: _r, ...rest } = kpis.kpis.find((k) => k.id === id)!;
  return JSON.stringify(rest, null, 2);
};

describe('what an artifact reads holds it back', () => {
  it('a rejected survey_benchmarks file holds back survey_satisfaction, whose targets come from it: exit 3, its targets and statuses unchanged', async () => {
    const inbox = await copyInbox(join(CASES, 'survey-seed-figures', 'inbox'));
    const out = join(await tempDir('kpi-trust-out-'), 'out');
    const config = await configFile({ minCell: 1 });
    const first = await night(inbox, out, '2026-01-01', config);
    expect(first.code, first.stderr).toBe(0);
    const latest = first.kpis.kpis.find((k) => k.id === 'survey_satisfaction')!;
    expect(latest.series.some((p) => p.target === 0.88)).toBe(true);
    const before = entry(first.kpis, 'survey_satisfaction');
    writeFileSync(
      join(inbox, 'survey_benchmarks', 'kl_benchmark.csv'),
      'survey;wave\nkl_virksomhed;2025-1\n',
    );
    const second = await night(inbox, out, '2026-01-01', config);
    expect(second.code, second.stderr).toBe(3);
    expect(second.manifest.heldBack.map((h) => `${h.kind} ${h.id}`)).toEqual(['kpi survey_satisfaction']);
    expect(entry(second.kpis, 'survey_satisfaction')).toBe(before);
    expect(second.kpis.kpis.find((k) => k.id === 'survey_satisfaction')!.heldBack!.files).toEqual([
      'survey_benchmarks/kl_benchmark.csv',
    ]);
    // What does not read the benchmarks is published as usual.
    expect(second.kpis.kpis.find((k) => k.id === 'survey_response_rate')!.heldBack).toBeUndefined();
  });

  it('the tariff list is held back with its extract: the previous file, byte for byte', async () => {
    const inbox = await copyInbox(join(CASES, 'tariff-thresholds', 'inbox'));
    const out = join(await tempDir('kpi-trust-out-'), 'out');
    const config = await configFile({ minCell: 1 });
    expect((await night(inbox, out, '2026-01-01', config)).code).toBe(0);
    const before = readFileSync(join(out, 'public', 'tariff_alerts.json'), 'utf8');
    expect(JSON.parse(before).alerts.length).toBeGreaterThan(0);
    writeFileSync(join(inbox, 'tariffs', 'takster.csv'), Buffer.from([0, 1, 2, 3]));
    const r = await night(inbox, out, '2026-01-01', config);
    expect(r.code, r.stderr).toBe(3);
    expect(r.manifest.heldBack.map((h) => `${h.kind} ${h.id}`).sort()).toEqual([
      'kpi tariff_alerts',
      'list tariff_alerts',
    ]);
    expect(readFileSync(join(out, 'public', 'tariff_alerts.json'), 'utf8')).toBe(before);
    expect(r.stdout).toContain('tariff_alerts (liste)');
  });
});

describe('each reason says what happened', () => {
  it('a missing folder, an empty folder and a first run each have their own words', async () => {
    const inbox = await copyInbox(EXAMPLES);
    const out = join(await tempDir('kpi-trust-out-'), 'out');
    const config = await configFile({});
    // A first run with a file rejected whole: nothing earlier to keep.
    writeFileSync(join(inbox, 'cafe', 'ekstra.csv'), Buffer.from([0, 0, 0]));
    const first = await night(inbox, out, '2025-03-01', config);
    expect(first.code).toBe(3);
    const cafe = first.manifest.heldBack.find((h) => h.id === 'cafe_inquiries')!;
    expect(cafe.carried).toBe(false);
    expect(cafe.reason).toContain('Første kørsel: der er ingen tidligere tal at holde fast i');
    expect(cafe.reason).not.toContain('forrige offentliggørelse');
    expect(first.kpis.kpis.find((k) => k.id === 'cafe_inquiries')!.series).toEqual([]);
    rmSync(join(inbox, 'cafe', 'ekstra.csv'));
    expect((await night(inbox, out, '2025-03-01', config)).code).toBe(0);
    // The folder is gone.
    const cafeDir = join(inbox, 'cafe');
    const saved = join(await tempDir('kpi-cafe-'), 'cafe');
    cpSync(cafeDir, saved, { recursive: true });
    rmSync(cafeDir, { recursive: true });
    const missing = await night(inbox, out, '2025-03-01', config);
    expect(missing.code).toBe(3);
    const gone = missing.manifest.heldBack.find((h) => h.id === 'cafe_inquiries')!;
    expect(gone.reason).toMatch(
      /^mappen inbox\/cafe mangler, men forrige offentliggjorte kørsel læste 3 af dens rækker\. Tallene fra forrige offentliggørelse står/,
    );
    expect(gone.carried).toBe(true);
    // The folder is there, and empty.
    mkdirSync(cafeDir);
    const empty = await night(inbox, out, '2025-03-01', config);
    expect(empty.code).toBe(3);
    expect(empty.manifest.heldBack.find((h) => h.id === 'cafe_inquiries')!.reason).toMatch(
      /^mappen inbox\/cafe er tom, men forrige offentliggjorte kørsel læste 3 af dens rækker\./,
    );
    expect(empty.manifest.heldBack.map((h) => h.reason).join(' ')).not.toContain('skrumpet');
    cpSync(saved, cafeDir, { recursive: true });
    expect((await night(inbox, out, '2025-03-01', config)).code).toBe(0);
  });

  it('a fall exactly at the tolerance is no drop; one row more is', () => {
    const before = { employment: { '2025-01': 100, '2025-02': 100 } };
    expect(volumeDrops({ employment: { '2025-01': 80, '2025-02': 100 } }, before, 0.2)).toEqual([]);
    expect(volumeDrops({ employment: { '2025-01': 79, '2025-02': 100 } }, before, 0.2)).toEqual([
      { extract: 'employment', month: '2025-01', previous: 100, current: 79 },
    ]);
    const decide = (rows: number) =>
      decideTrust({
        inputs: [],
        delivered: ['employment'],
        volumes: { employment: { '2025-01': rows, '2025-02': 100 } },
        previous: { volumes: before, has: () => true },
        tolerance: 0.2,
        artifacts: declareArtifacts(parseConfig(lolland()), kpiDefinitions(parseConfig(lolland()))),
        allowPartial: false,
      }).holds.map((h) => h.id);
    expect(decide(80)).toEqual([]);
    expect(decide(79)).toEqual([
      'sel85_employment_rate',
      'treatment_employment_retained',
      'jobfokus_success_share',
      'ungeloftet_share',
      'jobfokus',
      'ungeloftet',
    ]);
  });
});

describe('check and run decide alike, and every file is declared', () => {
  it('check and run agree on what is held back for the same inbox', async () => {
    const inbox = await copyInbox(EXAMPLES);
    const out = join(await tempDir('kpi-trust-out-'), 'out');
    const config = await configFile({});
    expect((await night(inbox, out, '2025-03-01', config)).code).toBe(0);
    writeFileSync(join(inbox, 'sel85', 'afgoerelser_2024.csv'), 'no header here\n');
    rmSync(join(inbox, 'cafe'), { recursive: true });
    const check = await cli([
      'check',
      '--inbox',
      inbox,
      '--out',
      out,
      '--as-of',
      '2025-03-01',
      '--config',
      config,
    ]);
    expect(check.code).toBe(1);
    const run = await night(inbox, out, '2025-03-01', config);
    expect(run.code).toBe(3);
    const held = run.manifest.heldBack.map((h) =>
      h.kind === 'contract' ? `${h.id} (kontrakt)` : h.kind === 'list' ? `${h.id} (liste)` : h.id,
    );
    expect(held.sort()).toEqual(['cafe_inquiries', 'sel85_employment_rate']);
    const lines = check.stdout.split('\n');
    const from = lines.findIndex((l) => l.startsWith('kpi run ville holde'));
    expect(from, check.stdout).toBeGreaterThan(0);
    const said = lines
      .slice(from + 1)
      .filter((l) => /^ {2}\S/.test(l))
      .flatMap((l) => l.trim().split(', '));
    expect(said.sort()).toEqual(held);
  });

  it('every file a run writes belongs to exactly one declared artifact; SQL sees the as-of date TypeScript does', async () => {
    const inbox = await copyInbox(EXAMPLES);
    const out = join(await tempDir('kpi-trust-out-'), 'out');
    const r = await night(inbox, out, '2025-03-01', await configFile({}));
    expect(r.code).toBe(0);
    const artifacts = declareArtifacts(parseConfig({}), kpiDefinitions(parseConfig({})));
    const run = join(out, 'current');
    const files = walk(run).map((f) => relative(run, f));
    expect(files.length).toBeGreaterThan(40);
    const owners = Object.fromEntries(
      files.map((f) => [f, artifacts.filter((a) => ownsFile(a, f)).map((a) => a.id)]),
    );
    expect(Object.entries(owners).filter(([, o]) => o.length !== 1)).toEqual([]);
    // A file no declaration names fails here: the artifact must say what it reads.
    expect(artifacts.some((a) => ownsFile(a, 'public/new_list.json'))).toBe(false);
    const [sql] = (await warehouseRows(
      out,
      "SELECT meta.cfg('as_of') AS cfg, meta.as_of()::VARCHAR AS date, strftime(meta.as_of_month(), '%Y-%m') AS month",
    )) as { cfg: string; date: string; month: string }[];
    const ts = asOfDate(r.manifest.asOf);
    expect(sql).toEqual({ cfg: ts.date, date: ts.date, month: ts.month });
    expect(readdirSync(join(out, 'public'))).toContain('kpis.json');
  });
});

describe('own checks', () => {
  it('a check over a NULL value lets the row pass, as a CHECK constraint does; a false one quarantines it', async () => {
    const fixture = join(import.meta.dirname, 'fixtures', 'own-extract');
    const own = JSON.parse(readFileSync(join(fixture, 'kpi.config.json'), 'utf8'));
    own.extracts.sprogskole_fravaer.columns.absent_lessons.required = false;
    const inbox = join(await tempDir('kpi-null-'), 'inbox');
    mkdirSync(join(inbox, 'sprogskole_fravaer'), { recursive: true });
    writeFileSync(
      join(inbox, 'sprogskole_fravaer', 'f.csv'),
      'CPR-nr.;Måned;Modul;Planlagte lektioner;absent_lessons;Note\n010190-1234;2024-07;DU1;40;;uden fravær\n020290-1235;2024-07;DU1;40;50;for meget\n030390-1236;2024-07;DU1;40;10;\n',
    );
    const out = join(await tempDir('kpi-null-out-'), 'out');
    const r = await night(inbox, out, '2025-03-01', await configFile(own));
    expect([0, 3]).toContain(r.code);
    const f = r.manifest.inputs.find((i) => i.file === 'sprogskole_fravaer/f.csv')!;
    expect([f.rowsRead, f.rowsLoaded, f.rowsRejected]).toEqual([3, 2, 1]);
    const rejects = readFileSync(
      join(out, 'restricted', 'quarantine', 'sprogskole_fravaer', 'f.csv.rejects.csv'),
      'utf8',
    );
    expect(rejects).toMatch(/\n3;absent_lessons;check_1;/);
  });
});
