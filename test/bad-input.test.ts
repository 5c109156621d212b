/**
 * Bad input, on purpose (docs/privacy-and-reliability.md, "Bad input: clear error, nothing lost"): every kind
 * of malformed delivery gets a specific message, exact loaded and rejected counts, and the run still
 * publishes (exit 0). Rows read = loaded + rejected for every file.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipelines/cli.ts';
import { parseConfig } from '../pipelines/config.ts';
import { encodeWindows1252 } from '../pipelines/demo/generate.ts';
import { Db } from '../pipelines/duckdb.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { sniffHooks } from '../pipelines/ingest/sniff.ts';
import { openWorkDb } from '../pipelines/run/cache.ts';
import type { InputFile, KpisJson, Manifest } from '../schemas/outputs.ts';
import { cli, lollandFile, runInbox, snapshot, TEST_KEY, tempDir } from './helpers.ts';

const EMP = 'cpr;month;wage_hours;in_education';
const row = (n: number, month: string, hours = '10', edu = 'nej') =>
  `${String(n).padStart(2, '0')}0394-12${String(n).padStart(2, '0')};${month};${hours};${edu}`;

interface Case {
  file: string;
  content: () => string | Buffer | Promise<Buffer>;
  status: InputFile['status'];
  counts: [read: number, loaded: number, rejected: number];
  rule?: string;
  message?: string | RegExp;
}

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Ark1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Each case is its own file; the persons (day of birth 01..31) keep their keys apart.
const CASES: Case[] = [
  {
    file: 'employment/01_empty.csv',
    content: () => '',
    status: 'empty',
    counts: [0, 0, 0],
    message: /tom \(0 byte\)/,
  },
  {
    file: 'employment/02_header_only.csv',
    content: () => `${EMP}\n`,
    status: 'empty',
    counts: [0, 0, 0],
    message: /har en overskrift, men ingen rækker/,
  },
  {
    file: 'employment/03_binary.csv',
    content: () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00]),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'binary_file',
    message: 'filen er binær (den indeholder NUL-byte)',
  },
  {
    file: 'employment/04_pipe_delimited.csv',
    content: () => `cpr|month|wage_hours|in_education\n${row(4, '2024-01').replace(/;/g, '|')}\n`,
    status: 'rejected',
    counts: [1, 0, 1],
    rule: 'missing_column',
    message: 'Overskriften ser ud til at bruge "|" som skilletegn',
  },
  {
    file: 'employment/05_mixed_encoding.csv',
    content: () =>
      Buffer.concat([
        Buffer.from(`${EMP}\n${row(5, '2024-01')}\n`, 'utf8'),
        Buffer.from('æ;ø\n', 'utf8'),
        Buffer.from([0xe6, 0x0a]),
      ]),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'mixed_encoding',
    message: 'linje 4 har en byte, der ikke er gyldig UTF-8',
  },
  {
    file: 'employment/06_missing_column.csv',
    content: () => `cpr;month;in_education\n${row(6, '2024-01').replace(';10;', ';')}\n`,
    status: 'rejected',
    counts: [1, 0, 1],
    rule: 'missing_column',
    message:
      'den påkrævede kolonne wage_hours (eller loentimer, løntimer) mangler. Fundne overskrifter: cpr, month, in_education',
  },
  {
    file: 'employment/07_duplicate_key.csv',
    content: () => `${EMP}\n${row(7, '2024-01')}\n${row(7, '2024-01', '20')}\n`,
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'duplicate_key',
    message: 'står allerede på linje 2 i denne fil',
  },
  {
    file: 'sel85/08_dates.csv',
    content: () =>
      'cpr,decision_id,start_date,end_date,hours_per_week,target_group\n' +
      '080394-1208,D8a,1850-01-01,,2,psykiatri\n080394-1208,D8b,2024-03-01,2024-02-01,2,psykiatri\n080394-1208,D8c,31.04.2024,,2,psykiatri\n',
    status: 'loaded',
    counts: [3, 0, 3],
    rule: 'date_out_of_range',
  },
  {
    file: 'employment/09_negative_hours.csv',
    content: () => `${EMP}\n${row(9, '2024-01', '-1,5')}\n${row(9, '2024-02', '744,01')}\n`,
    status: 'loaded',
    counts: [2, 0, 2],
    rule: 'below_minimum',
  },
  {
    file: 'treatment/10_unknown_code.csv',
    content: () =>
      'cpr;forloeb_id;startdato;rusmiddel\n100394-1210;T10;01.02.2024;kaffe\n100394-1210;T10b;01.02.2024;ALKOHOL\n',
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'unknown_code',
    message: 'forventede én af: alkohol, stoffer, begge',
  },
  {
    // A formula in a data cell: the value Excel last computed is read, and the file is warned about.
    file: 'enrollment/11_formula.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on']);
        ws.addRow(['110394-1211', 'jobfokus', new Date(Date.UTC(2026, 0, 5))]);
        ws.getCell('C3').value = {
          formula: 'C2+30',
          result: new Date(Date.UTC(2026, 1, 4)),
        } as ExcelJS.CellValue;
        ws.getCell('A3').value = '110394-1211';
        ws.getCell('B3').value = 'ungeloftet';
      }),
    status: 'loaded',
    counts: [2, 2, 0],
    message: '1 celle i datarækkerne indeholder en formel (den første er C3)',
  },
  {
    // A formula without a stored value (written by a program that never computed it) has nothing to read.
    file: 'enrollment/11b_formula_uncomputed.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on']);
        ws.addRow(['120394-1212', 'jobfokus', new Date(Date.UTC(2026, 0, 5))]);
        ws.getCell('C3').value = { formula: 'C2+30' } as ExcelJS.CellValue;
        ws.getCell('A3').value = '120394-1212';
        ws.getCell('B3').value = 'ungeloftet';
      }),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'xlsx_formula',
    message: 'cellen C3 indeholder en formel uden en gemt værdi',
  },
  {
    // =SUM(...) in a totals row below the data, then Excel's blank rows: skipped, not data.
    file: 'enrollment/11c_totals_formula.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on', 'antal']);
        ws.addRow(['130394-1213', 'jobfokus', new Date(Date.UTC(2026, 0, 5)), 1]);
        ws.addRow(['140394-1214', 'jobfokus', new Date(Date.UTC(2026, 0, 6)), 1]);
        ws.addRow(['I alt', '', '', { formula: 'SUM(D2:D3)', result: 2 } as ExcelJS.CellValue]);
        ws.getCell('A6').value = '';
      }),
    status: 'loaded',
    counts: [3, 2, 0],
  },
  {
    file: 'enrollment/12_merged.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on']);
        ws.addRow(['120394-1212', 'jobfokus', '2026-01-05']);
        ws.addRow(['120394-1212', '', '2026-02-05']);
        ws.mergeCells('B2:B3');
      }),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'xlsx_merged_cells',
    message: 'flettede celler (B2:B3)',
  },
  {
    file: 'employment/13_truncated.csv.gz',
    content: () => gzipSync(`${EMP}\n${row(13, '2024-01')}\n${row(13, '2024-02')}\n`).subarray(0, 30),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'unreadable_gzip',
    message: 'gzip-filen er afkortet eller beskadiget',
  },
  {
    file: 'employment/14_wrong_types.parquet',
    content: async () => {
      const db = await Db.open(':memory:');
      const f = join(await tempDir('kpi-pq-'), 'x.parquet');
      await db.run(`COPY (SELECT * FROM (VALUES ('140394-1214', 202401, 'ti', 'nej'), ('140394-1214', 202402, '12.5', 'nej'))
        v(cpr, month, wage_hours, in_education)) TO '${f}' (FORMAT parquet)`);
      db.close();
      return readFileSync(f);
    },
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'not_a_number',
  },
  {
    file: 'employment/15_mixed_line_endings.csv',
    content: () => `${EMP}\r\n${row(15, '2024-01')}\n${row(15, '2024-02')}\r\n${row(15, '2024-03')}\n`,
    status: 'loaded',
    counts: [3, 3, 0],
  },
  {
    file: 'tariffs/16_quoted_delimiter.csv',
    content: () =>
      'provider_id;provider_name;ownership;service;year;rate\nP16;"Hus; Have ""Øst""";privat;§85;2024;1.200,50\n',
    status: 'loaded',
    counts: [1, 1, 0],
  },
  {
    file: 'employment/17_header_repeated.csv',
    content: () => `${EMP}\n${row(17, '2024-01')}\n${EMP}\n${row(17, '2024-02')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'repeated_header',
  },
  {
    file: 'employment/18_stray_cp1252_byte.csv',
    content: () =>
      Buffer.concat([
        Buffer.from(`${EMP}\n${row(18, '2024-01')}\n# Søren\n`, 'utf8'),
        encodeWindows1252('Løntimer\n'),
      ]),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'mixed_encoding',
  },
  {
    file: 'employment/19_old_excel.xls',
    content: () => Buffer.from('not really'),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'unsupported_format',
    message: 'gem den som .xlsx (Excel-projektmappe)',
  },
  {
    file: 'employment/20_column_counts.csv',
    content: () =>
      `${EMP}\n${row(20, '2024-01')};ekstra\n${row(20, '2024-02').split(';').slice(0, 3).join(';')}\n${row(20, '2024-03')}\n`,
    status: 'loaded',
    counts: [3, 1, 2],
    rule: 'too_many_columns',
    message: 'flere værdier, end overskriften har kolonner',
  },
  {
    file: 'employment/21_unterminated_quote.csv',
    content: () =>
      `${EMP}\n${row(21, '2024-01')}\n${row(21, '2024-02').replace(';10;', ';"10;')}\n${row(21, '2024-03')}\n`,
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'unquoted_value',
    message: 'åbner en værdi, men lukker den aldrig; resten af filen blev læst som denne ene værdi',
  },
  {
    file: 'employment/22_empty_rows.csv',
    content: () => `${EMP}\n${row(22, '2024-01')}\n;;;\n\n${row(22, '2024-02')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'empty_row',
  },
  {
    file: 'employment/23_bad_cprs.csv',
    content: () =>
      `${EMP}\n320194-1223;2024-01;10;nej\n2301941;2024-01;10;nej\n290201-4223;2024-01;10;nej\n290200-4223;2024-01;10;nej\n`,
    status: 'loaded',
    counts: [4, 1, 3],
    rule: 'cpr_date',
  },
  {
    file: 'employment/24_bad_months.csv',
    // YYYYMM is read as a number: a month 13 or 00, or six characters DuckDB reads as a small number
    // (hexadecimal, digit separators), must be rejected as the text is.
    content: () =>
      `${EMP}\n${['2024-13', '24-01', '202402', '202413', '202400', '0x7E81', '20_241'].map((m) => row(24, m)).join('\n')}\n`,
    status: 'loaded',
    counts: [7, 1, 6],
    rule: 'month_format',
  },
  {
    file: 'employment/25_booleans.csv',
    content: () =>
      `${EMP}\n${row(25, '2024-01', '0', 'X')}\n${row(25, '2024-02', '0', 'måske')}\n${row(25, '2024-03', '0', '')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'not_a_boolean',
  },
  {
    file: 'survey_answers/26_no_response_row.csv',
    content: () =>
      'survey,wave,respondent_id,question_id,answer\nkl_borger,2025-1,R26,samlet_tilfredshed,4\nkl_borger,2025-1,R26,andet,9\n',
    status: 'loaded',
    counts: [2, 0, 2],
    rule: 'no_matching_survey_responses',
  },
  {
    file: 'occupancy/27_over_capacity.csv',
    // February 2023 has 28 days: 290 > 10 × 28. March: 310 = 10 × 31 is full, not over. 0 places is not a place.
    content: () => 'facility,month,places,occupied_days\nA,2023-02,10,290\nA,2024-03,10,310\nB,2024-03,0,0\n',
    status: 'loaded',
    counts: [3, 1, 2],
    rule: 'occupied_days_above_capacity',
  },
  {
    file: 'employment/28_bom_quoted_headers_crlf.csv',
    content: () => `\uFEFF"CPRNR";"Måned";"Løntimer";"Uddannelse"\r\n${row(28, '2024-01')}\r\n`,
    status: 'loaded',
    counts: [1, 1, 0],
  },
  {
    file: 'employment/29_duplicate_of_15.csv',
    content: () => `${EMP}\r\n${row(15, '2024-01')}\n${row(15, '2024-02')}\r\n${row(15, '2024-03')}\n`,
    status: 'duplicate',
    counts: [0, 0, 0],
    message: 'samme indhold (sha256) som employment/15_mixed_line_endings.csv',
  },
  {
    file: 'employment/30_utf16.csv',
    content: () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`${EMP}\r\n${row(30, '2024-01')}\r\n`, 'utf16le'),
      ]),
    status: 'loaded',
    counts: [1, 1, 0],
  },
  {
    // A repeated header is recognised whatever its case.
    file: 'employment/31_header_repeated_in_capitals.csv',
    content: () => `${EMP}\n${row(31, '2024-01')}\n${EMP.toUpperCase()}\n${row(31, '2024-02')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'repeated_header',
  },
];

describe('a matrix of malformed deliveries, in one real run', () => {
  let manifest: Manifest;
  let quarantine: string;
  let out: string;
  let code: number;
  let stderr = '';
  let stdout = '';
  beforeAll(async () => {
    const inbox = await tempDir('kpi-badin-');
    for (const c of CASES) {
      mkdirSync(join(inbox, c.file, '..'), { recursive: true });
      writeFileSync(join(inbox, c.file), await c.content());
    }
    out = await tempDir('kpi-badout-');
    const err = new Writable({
      write: (chunk, _e, cb) => {
        stderr += String(chunk);
        cb();
      },
    });
    code = await main(
      ['run', '--inbox', inbox, '--out', out, '--as-of', '2026-11-22', '--config', await lollandFile()],
      { KPI_PSEUDONYM_KEY: TEST_KEY },
      new Writable({
        write: (chunk, _e, cb) => {
          stdout += String(chunk);
          cb();
        },
      }),
      err,
    );
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    quarantine = join(out, 'restricted', 'quarantine');
  });

  it('covers at least 25 kinds of bad input, and the run still publishes without a stack trace', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    // Whole employment files were rejected: what reads employment is held back (never published
    // before, so it is published as no_data with the reason), and the run exits 3.
    expect(code, stderr).toBe(3);
    expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(manifest.heldBack.map((h) => `${h.kind} ${h.id}`)).toEqual([
      'kpi sel85_employment_rate',
      'kpi treatment_employment_retained',
      'kpi jobfokus_success_share',
      'kpi ungeloftet_share',
      'contract jobfokus',
      'contract ungeloftet',
    ]);
    const rejected = manifest.inputs.filter((i) => i.status === 'rejected').map((i) => i.file);
    expect(rejected).toEqual([
      'employment/03_binary.csv',
      'employment/04_pipe_delimited.csv',
      'employment/05_mixed_encoding.csv',
      'employment/06_missing_column.csv',
      'employment/13_truncated.csv.gz',
      'employment/18_stray_cp1252_byte.csv',
      'employment/19_old_excel.xls',
      'enrollment/11b_formula_uncomputed.xlsx',
      'enrollment/12_merged.xlsx',
    ]);
    // The §85 rate reads employment only; the contracts read enrollment too.
    expect(manifest.heldBack[0]!.files).toEqual(rejected.filter((f) => f.startsWith('employment/')));
    expect(manifest.heldBack.find((h) => h.id === 'ungeloftet')!.files).toEqual(rejected);
    const kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    const sel85 = kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    expect([sel85.status, sel85.series, sel85.heldBack?.files.length]).toEqual(['no_data', [], 7]);
  });

  it('tells the analyst in Danish: the summary, the warnings and the quarantine files', () => {
    expect(stdout).toMatch(/^Kørsel \S+, opgjort pr\. 2026-11-22: offentliggjort i /);
    expect(stdout).toMatch(/\nRækker: [\d.]+ læst, [\d.]+ indlæst, [\d.]+ i karantæne/);
    expect(stdout).toContain('  employment/03_binary.csv: afvist: filen er binær');
    expect(stdout).toContain('Holdt tilbage (6)');
    expect(stdout).not.toMatch(/\b(rows|loaded|quarantined|rejected|warnings?)\b/i);
    expect(stderr).toContain('"message":"employment/03_binary.csv: afvist, 0 af 0 rækker med"');
    const rejects = readFileSync(join(quarantine, 'employment', '07_duplicate_key.csv.rejects.csv'), 'utf8');
    expect(rejects).toBe(
      '\uFEFFlinje;kolonne;regel;besked;værdi\n3;cpr+month;duplicate_key;nøglen (cpr, month) står allerede på linje 2 i denne fil;2024-01\n',
    );
    const whole = readFileSync(join(quarantine, 'employment', '03_binary.csv.rejects.csv'), 'utf8');
    expect(whole.split('\n')[0]).toBe('\uFEFFlinje;kolonne;regel;besked;værdi');
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const input = manifest.inputs.find((i) => i.file === file);
    expect(input, file).toBeDefined();
    expect(input!.status, `${file}: ${input!.message ?? ''}`).toBe(c.status);
    expect([input!.rowsRead, input!.rowsLoaded, input!.rowsRejected], file).toEqual(c.counts);
    expect(input!.rowsRead).toBe(input!.rowsLoaded + input!.rowsRejected + input!.rowsSkipped);
    const warning = manifest.warnings.find((w) => w.file === file);
    const rejects = (() => {
      try {
        return readFileSync(join(quarantine, `${file}.rejects.csv`), 'utf8');
      } catch {
        return '';
      }
    })();
    if (c.rule) expect(rejects, `${file} quarantine`).toContain(c.rule);
    if (c.message) {
      const text = `${input!.message ?? ''}\n${warning?.message ?? ''}\n${rejects}`;
      if (typeof c.message === 'string') expect(text).toContain(c.message);
      else expect(text).toMatch(c.message);
    }
    expect(rejects).not.toMatch(/\d{6}-?\d{4}/); // values are masked
  });
});

describe('a delivery that is still being written', () => {
  afterEach(() => {
    sniffHooks.afterFirstChunk = undefined;
  });
  it('is skipped with a message, and loaded by the next run', async () => {
    const inbox = await tempDir('kpi-growing-');
    const file = join(inbox, 'employment', 'e.csv');
    mkdirSync(join(inbox, 'employment'));
    writeFileSync(file, `${EMP}\n${row(1, '2024-01')}\n`);
    sniffHooks.afterFirstChunk = () => appendFileSync(file, `${row(1, '2024-02')}\n`);
    const work = await tempDir('kpi-growing-work-');
    const db = await openWorkDb(work, parseConfig({}), TEST_KEY);
    const first = await ingestInbox(db, { inbox, workDir: work });
    expect(first.inputs[0]).toMatchObject({ status: 'rejected', rowsLoaded: 0 });
    expect(first.inputs[0]!.message).toContain('filen ændrede sig, mens den blev læst');
    sniffHooks.afterFirstChunk = undefined;
    db.close();
    const db2 = await openWorkDb(await tempDir('kpi-growing-work-'), parseConfig({}), TEST_KEY);
    const second = await ingestInbox(db2, { inbox, workDir: work });
    expect(second.inputs[0]).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2 });
    db2.close();
  });
});

describe('a missing inbox', () => {
  it('exits 2 and leaves the published outputs alone: every file byte-identical, nothing added', async () => {
    const inbox = await tempDir('kpi-noinbox-in-');
    mkdirSync(join(inbox, 'employment'));
    writeFileSync(join(inbox, 'employment', 'e.csv'), `${EMP}\n${row(1, '2024-01')}\n${row(2, '2024-01')}\n`);
    const { out } = await runInbox(inbox, { asOf: '2024-03-01' });
    const before = snapshot(out);
    const entries = () => readdirSync(out).sort();
    const top = entries();
    const runs = readdirSync(join(out, '.runs')).sort();
    for (const command of ['run', 'check']) {
      const r = await cli([command, '--inbox', '/nonexistent/inbox', '--out', out, '--as-of', '2024-03-01']);
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain('Indbakken /nonexistent/inbox findes ikke eller er ikke en mappe');
      expect(snapshot(out), command).toEqual(before);
      expect(entries(), command).toEqual(top); // no lock, work folder or staging left behind
      expect(readdirSync(join(out, '.runs')).sort(), command).toEqual(runs);
    }
  });
});

describe('a stale extract', () => {
  it('gives a stale_extract warning, and the periods that need its missing months are incomplete', async () => {
    // Employment was delivered up to December 2024, but the run is as of November 2026.
    const { runInbox } = await import('./helpers.ts');
    const inbox = join(import.meta.dirname, 'cases', 'sel85-target-groups', 'inbox');
    const { manifest, kpis } = await runInbox(inbox, { asOf: '2026-11-22', config: { minCell: 1 } });
    const stale = manifest.warnings.find((w) => w.code === 'stale_extract');
    expect(stale?.message).toBe(
      'employment: seneste leverede måned er 2024-12, men pr. 2026-11-22 forventedes data mindst til og med 2026-09. Perioder, der mangler månederne, vises som ufuldstændige.',
    );
    const sel85 = kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    // P1's open decision runs on through 2025 and 2026, but there is no employment data for those years.
    expect(sel85.series.filter((p) => p.period >= '2025').map((p) => [p.period, p.status])).toEqual([
      ['2025', 'incomplete'],
      ['2026', 'incomplete'],
    ]);
    expect(sel85.latest?.period).toBe('2024');
  });
});
