/**
 * The command line as analysts and cron call it: exit codes, messages, the demo, and the guarantee that
 * no raw CPR survives ingest anywhere under --out, in the logs, or in the published warehouse.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipelines/cli.ts';
import { statusWord } from '../pipelines/core/describe.ts';
import { Db } from '../pipelines/duckdb.ts';
import { lang } from '../pipelines/i18n/index.ts';
import type { DsiContractJson, KpisJson, Manifest } from '../schemas/outputs.ts';
import { collectCprs, cprScanner, scanColumns, scanFiles } from './cpr-scan.ts';
import { STAGES, TEST_KEY, tempDir, walk } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples-inbox');

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _e, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = sink();
  const err = sink();
  const code = await main(args, env, out, err);
  return { code, stdout: out.text(), stderr: err.text() };
}

/**
 * Scans every column of a relation for CPR numbers: text by its digits, and whole numbers of 9 or 10
 * digits (a CPR as a number loses its leading zero) as the 10 digits, padded.
 */
describe('usage and configuration errors exit 2 with a message that says what to do', () => {
  it('run without a pseudonymisation key', async () => {
    const out = await tempDir();
    const r = await cli(['run', '--inbox', EXAMPLES, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Der er ingen pseudonymiseringsnøgle.');
    expect(r.stderr).toContain('export KPI_PSEUDONYM_KEY=');
    expect(r.stderr).toContain('KPI_PSEUDONYM_KEY_FILE');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(out)).toEqual([]);
    // The same in English, from the same catalogue.
    const en = await cli(['run', '--inbox', EXAMPLES, '--out', out, '--lang', 'en']);
    expect([en.code, en.stderr.split('\n')[0]]).toEqual([2, 'No pseudonymisation key is set.']);
    expect((await cli(['run', '--inbox', EXAMPLES], { KPI_LANG: 'en' })).stderr).toContain(
      'No pseudonymisation key is set.',
    );
    // The command line leaves the process's language as it found it, for a program that embeds it.
    expect(lang()).toBe('da');
    expect((await cli(['run', '--lang', 'fr'])).stderr.trim()).toBe(
      '--lang skal være da eller en, ikke "fr".',
    );
  });

  it('a key that is too short, a bad --as-of, an unknown KPI in --select, an unknown command', async () => {
    expect((await cli(['run', '--inbox', EXAMPLES], { KPI_PSEUDONYM_KEY: 'short' })).stderr).toContain(
      'Pseudonymiseringsnøglen har 5 tegn; der skal mindst 32 til.',
    );
    const asOf = await cli(['run', '--as-of', '2026-02-30'], { KPI_PSEUDONYM_KEY: TEST_KEY });
    expect([asOf.code, asOf.stderr.trim()]).toEqual([
      2,
      '--as-of skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, fx 2026-11-22; fik "2026-02-30".',
    ]);
    const sel = await cli(['run', '--select', 'neet_share,nope'], { KPI_PSEUDONYM_KEY: TEST_KEY });
    expect(sel.code).toBe(2);
    expect(sel.stderr).toContain('--select: ukendt KPI- eller kontrakt-id nope');
    const unknown = await cli(['frobnicate']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      'Ukendt kommando "frobnicate". Skriv kpi help for kommandoerne.',
    ]);
  });

  it('an unknown option gets one line with a suggestion, never the parser’s text or the whole help', async () => {
    const r = await cli(['run', '--as_of', '2024-02-01']);
    expect([r.code, r.stderr]).toEqual([
      2,
      'Ukendt tilvalg --as_of. Mente du --as-of? Skriv kpi run --help for tilvalgene.\n',
    ]);
    expect((await cli(['chek'])).stderr.trim()).toBe(
      'Ukendt kommando "chek". Mente du kpi check? Skriv kpi help for kommandoerne.',
    );
    expect((await cli(['run', '--as-of'])).stderr.trim()).toBe(
      'Tilvalget --as-of mangler en værdi, fx --as-of 2026-11-22.',
    );
    expect((await cli(['report', '--cron', '* * * * *'])).stderr.trim()).toBe(
      'Tilvalget --cron bruges ikke af kpi report. Skriv kpi report --help for tilvalgene.',
    );
    expect((await cli(['run', '--as_of', '2024-02-01', '--lang', 'en'])).stderr.trim()).toBe(
      'Unknown option --as_of. Did you mean --as-of? Type kpi run --help for the options.',
    );
  });

  it('takes a positional inbox as --inbox, and never ignores one', async () => {
    const out = await tempDir();
    const r = await cli(['check', EXAMPLES, '--out', out], { KPI_PSEUDONYM_KEY: TEST_KEY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tjek af ${EXAMPLES}: intet er offentliggjort.`);
    expect((await cli(['check', '/some/inbox', '--inbox', EXAMPLES])).stderr.trim()).toBe(
      `/some/inbox og --inbox ${EXAMPLES} siger begge, hvad --inbox skal være; giv det kun én gang.`,
    );
    expect((await cli(['run', 'a', 'b'])).stderr.trim()).toBe(
      'kpi run tager ikke "b". Skriv kpi run --help for, hvordan den bruges.',
    );
  });

  it('kpi help and kpi <command> --help print aligned help and exit 0', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    const commands = help.stdout
      .split('\n')
      .filter((l) => /^ {2}(run|check|demo|report|explain|schedule|help) /.test(l));
    expect(commands).toHaveLength(7);
    // Every description starts in the same column.
    expect(new Set(commands.map((l) => l.slice(2).search(/ {2}\S/))).size).toBe(1);
    const run = await cli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'kpi run --inbox DIR --out DIR [--as-of YYYY-MM-DD] [--select IDS] [--allow-partial]',
    );
    expect(run.stdout).toContain('  --allow-partial     offentliggør beregnede tal');
    expect(run.stdout).not.toContain('--cron');
    expect((await cli(['help', 'check'])).stdout).toContain('kpi check --inbox DIR [--out DIR]');
    expect((await cli(['help', '--lang', 'en'])).stdout).toContain('Usage: kpi <command> [options]');
    for (const line of help.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('reads the key from KPI_PSEUDONYM_KEY_FILE and says so when the file is missing', async () => {
    const r = await cli(['check', '--inbox', EXAMPLES], { KPI_PSEUDONYM_KEY_FILE: '/nonexistent/kpi.key' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Kan ikke læse KPI_PSEUDONYM_KEY_FILE=/nonexistent/kpi.key: ENOENT');
  });

  it('the kpi bin runs the same CLI', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kpi.js'), 'run', '--inbox', EXAMPLES], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Der er ingen pseudonymiseringsnøgle.');
  });
});

describe('kpi check', () => {
  it('prints what would be quarantined and writes nothing to --out', async () => {
    const out = await tempDir();
    const r = await cli(['check', '--inbox', EXAMPLES, '--out', out], { KPI_PSEUDONYM_KEY: TEST_KEY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'employment/eindkomst_2024-01_2024-03.csv [latin-1, ;, decimal ,]: 5 af 6 rækker indlæses, 1 i karantæne',
    );
    expect(r.stdout).toContain('7;wage_hours;above_maximum;wage_hours skal være ≤ 744;1.034,0');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('kpi demo (what npm start runs)', () => {
  let out: string;
  let inbox: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    out = await tempDir('kpi-demo-out-');
    inbox = join(await tempDir('kpi-demo-in-'), 'inbox');
    result = await cli(['demo', '--out', out, '--inbox', inbox, '--as-of', '2026-11-22', '--json']);
  });

  it('exits 0 and prints the KPI statuses and the quarantined rows', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('indbyggede demo-pseudonymiseringsnøgle');
    expect(result.stdout).toMatch(/sel85_employment_rate\s+2025\s+[\d,]+ %\s+[\d,]+ %\s+På sporet/);
    expect(result.stdout).toMatch(/neet_share\s+2025\s+[\d,]+ %\s+[\d,]+ %\s+Ikke på sporet/);
    expect(result.stdout).toMatch(/treatment_employment_retained\s+2025\s+\d+\s+\d+\s+Ikke på sporet/);
    expect(result.stdout).toContain('6 i karantæne');
  });

  it('prints the summary the README shows: the same lines in the same order (figures of another day)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const shown = /```\n(Kørsel [^`]+)```/.exec(readme)![1]!;
    // Each line's first word, digits folded: the lines and their order, not the day's figures.
    const shape = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((l) => (l.trim().split(/\s+/)[0] ?? '').replace(/\d+/g, '9'));
    expect(shape(shown)).toEqual(shape(result.stdout));
    expect(shown).toContain('Sammenlignet med: ingen tidligere offentliggørelse');
  });

  it('shows booked payments, a provisional measurement and a projection for the demo’s contracts, moved back and labelled so', () => {
    const line = (id: string) => result.stdout.split('\n').find((l) => l.trim().startsWith(`${id}:`)) ?? '';
    expect(result.stdout).toContain('Resultatkontrakter:');
    const booked =
      /bogført ([\d.]+,\d\d) kr\. for (\d+) endelige målinger; foreløbig måling 2\. halvår 2026/.exec(
        line('jobfokus'),
      );
    expect(booked, line('jobfokus')).not.toBeNull();
    expect(Number(booked![1]!.replace(/\./g, '').replace(',', '.'))).toBeGreaterThan(0);
    expect(booked![2]).toBe('4'); // 2024-H2 to 2026-H1
    expect(line('jobfokus')).toMatch(/fremskrevet [\d.]+,\d\d kr\./);
    expect(line('ungeloftet')).toMatch(
      /op til [\d.]+,\d\d kr\. af tilsagnet på 5\.974\.640,06 kr\. \(udbetales efter slutregnskabet\)/,
    );
    const j = JSON.parse(
      readFileSync(join(out, 'restricted', 'contracts', 'jobfokus.json'), 'utf8'),
    ) as DsiContractJson;
    expect(j.title).toContain('(demo: perioden er rykket 3 år tilbage)');
    expect(j.totals.repayment).toBeGreaterThan(0);
    expect(j.measurements.map((m) => m.status)).toEqual(['final', 'final', 'final', 'final', 'provisional']);
    expect(j.projection!.scenarios.map((s) => s.id)).toEqual(['business_case', 'current_trajectory']);
  });

  it('publishes the three KPIs from 2020 to the latest complete year, and the current year as incomplete', () => {
    const kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    expect(kpis.kpis.map((k) => k.id)).toEqual([
      'sel85_employment_rate',
      'neet_share',
      'treatment_employment_retained',
      'neet_without_benefit',
      'cafe_inquiries',
      'survey_satisfaction',
      'survey_response_rate',
      'tariff_alerts',
      'occupancy_rate',
      'rangliste_placering',
      'rangliste_forskel',
      'hoejdespringer_placering',
      // The configured contracts' own KPIs follow the catalogue's.
      'jobfokus_success_share',
      'ungeloftet_share',
    ]);
    for (const k of kpis.kpis.slice(0, 3)) {
      expect(k.series.map((p) => p.period)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
      expect(k.series.slice(0, 6).every((p) => p.status === 'on_track' || p.status === 'off_track')).toBe(
        true,
      );
      expect(k.series[6]!.status).toBe('incomplete');
      expect(k.latest?.period).toBe('2025');
      expect(k.municipality).toBe('360');
    }
    const sel85 = kpis.kpis[0]!;
    // about 225 citizens with §85 psykiatri support (seed 001)
    expect(sel85.series[0]!.persons).toBeGreaterThan(200);
    expect(sel85.series[0]!.persons).toBeLessThan(260);
  });

  it('publishes kpis.xlsx: an overview and a sheet per KPI with the values, targets and statuses of kpis.json, "<5" where suppressed', async () => {
    const kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'public', 'kpis.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', ...kpis.kpis.map((k) => k.id)]);
    const overview = wb.getWorksheet('Oversigt')!;
    kpis.kpis.forEach((k, i) => {
      const row = overview.getRow(4 + i);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(6).value], k.id).toEqual([
        k.title,
        k.municipality,
        statusWord(k.status),
      ]);
      const value = row.getCell(4).value;
      const point = k.latest && k.series.find((p) => p.period === k.latest!.period && !p.breakdown);
      expect(value, k.id).toBe(point?.suppressed ? '<5' : (k.latest?.value ?? null));
    });
    let suppressed = 0;
    for (const k of kpis.kpis) {
      const ws = wb.getWorksheet(k.id)!;
      expect(ws.rowCount, k.id).toBe(4 + k.series.length);
      k.series.forEach((p, i) => {
        const row = ws.getRow(5 + i);
        const cells = [4, 5, 6].map((c) => row.getCell(c).value);
        expect(cells, `${k.id} ${p.period}`).toEqual([
          p.suppressed ? '<5' : p.value,
          p.target,
          statusWord(p.status),
        ]);
        if (p.suppressed) suppressed++;
      });
    }
    // The demo has suppressed points (a survey wave with few respondents), so "<5" is checked for real.
    expect(suppressed).toBeGreaterThan(0);
  });

  it('writes a manifest with every input file, its sha256 and counts, stage durations and warnings', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const extracts = new Set(m.inputs.map((i) => i.extract));
    expect([...extracts].sort()).toEqual(
      [
        'cafe',
        'employment',
        'enrollment',
        'neet',
        'occupancy',
        'rangliste',
        'sel85',
        'survey_answers',
        'survey_benchmarks',
        'survey_responses',
        'tariffs',
        'treatment',
      ].sort(),
    );
    for (const i of m.inputs) {
      expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(i.rowsRead).toBe(i.rowsLoaded + i.rowsRejected);
    }
    expect(m.totals.rowsRejected).toBe(6);
    expect(m.stages.map((s) => s.name)).toEqual(STAGES);
    expect(m.checks).toEqual([expect.objectContaining({ name: 'rows_accounted', ok: true })]);
    expect(m.outputs.map((o) => o.path)).toContain('public/kpis.json');
    expect(m.warnings.filter((w) => w.code === 'rows_quarantined')).toHaveLength(3);
  });

  it('logs JSON lines with run id, stage and event when asked', () => {
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines)
      expect(Object.keys(JSON.parse(l))).toEqual(expect.arrayContaining(['time', 'runId', 'stage', 'event']));
  });

  it('leaves no raw CPR in any file under --out, in the decoded warehouse and Parquet (text or number), or in the logs', async () => {
    // Every CPR in the inbox, as 10 digits. The inbox's Parquet and gzip files are decoded first.
    const cprs = new Set<string>();
    const collect = (text: string) => collectCprs(text, cprs);
    const inboxDb = await Db.open(':memory:');
    for (const f of walk(inbox)) {
      if (f.endsWith('.parquet')) {
        for (const r of await inboxDb.all<{ cpr: string }>(`SELECT cpr FROM read_parquet('${f}')`))
          collect(r.cpr);
      } else if (f.endsWith('.gz')) collect(gunzipSync(readFileSync(f)).toString('latin1'));
      else collect(readFileSync(f).toString('latin1'));
    }
    inboxDb.close();
    expect(cprs.size).toBeGreaterThan(4000);
    const { scan, leaks } = cprScanner(cprs);
    scan('stdout', result.stdout);
    scan('stderr', result.stderr);
    // The scan itself can fail: a CPR planted as a BIGINT (leading zero lost) in a copy of the
    // warehouse and in a Parquet file is found in both.
    const planted = [...cprs].find((c) => c.startsWith('0'))!;
    const probe = await tempDir('kpi-probe-');
    copyFileSync(join(out, 'restricted', 'warehouse.duckdb'), join(probe, 'w.duckdb'));
    const plant = await Db.open(join(probe, 'w.duckdb'));
    await plant.run(`CREATE TABLE marts.leak AS SELECT 7 AS n, ${Number(planted)}::BIGINT AS digits`);
    await plant.run(
      `COPY (SELECT ${Number(planted)}::DECIMAL(18,0) AS d) TO '${join(probe, 'p.parquet')}' (FORMAT parquet)`,
    );
    plant.close();
    const probeDb = await Db.open(':memory:');
    await probeDb.run(`ATTACH '${join(probe, 'w.duckdb')}' AS w (READ_ONLY)`);
    await scanColumns(probeDb, 'w.marts.leak', 'probe', scan);
    await scanColumns(probeDb, `read_parquet('${join(probe, 'p.parquet')}')`, 'probe.parquet', scan);
    probeDb.close();
    expect(leaks).toEqual([`probe.digits: ${planted}`, `probe.parquet.d: ${planted}`]);
    leaks.length = 0;

    const files = walk(out);
    expect(files.some((f) => f.endsWith('warehouse.duckdb'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.parquet')).length).toBeGreaterThanOrEqual(3);
    await scanFiles(out, scan);
    expect(leaks).toEqual([]);
    // The run's private work folder (transcoded inputs, DuckDB spill files) is gone after the run.
    expect(existsSync(join(out, '.work'))).toBe(false);
  });
});
