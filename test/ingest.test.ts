/**
 * Ingest: dialects, encodings and formats load to identical tables; bad rows and files go to quarantine
 * with clear reasons and masked values; rows read = loaded + rejected.
 */
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { asOfDate } from '../pipelines/core/asOf.ts';
import { maskCprs, maskCprsSql } from '../pipelines/core/mask.ts';
import { encodeWindows1252 } from '../pipelines/demo/generate.ts';
import { Db } from '../pipelines/duckdb.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { openWorkDb } from '../pipelines/run/cache.ts';
import { buildWarehouse } from '../pipelines/warehouse.ts';
import { TEST_KEY, tempDir } from './helpers.ts';

const EXAMPLES = join(import.meta.dirname, 'fixtures', 'examples-inbox');
const open: Db[] = [];
afterAll(() => {
  for (const db of open) db.close();
});

async function ingest(inbox: string, key = TEST_KEY) {
  const work = await tempDir('kpi-ingest-');
  const db = await openWorkDb(work, parseConfig({}), key);
  open.push(db);
  const quarantine = join(work, 'quarantine');
  const result = await ingestInbox(db, { inbox, workDir: work, quarantineDir: quarantine });
  return { db, result, quarantine };
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

// The same four tariffs and three employment person-months, in every dialect.
const TARIFFS = [
  ['P1', 'Bostøtte Nørrevang ApS – € privat', 'privat', '§107', 2024, 2150.5],
  ['P1', 'Bostøtte Nørrevang ApS – € privat', 'privat', '§107', 2025, 2279.25],
  ['P2', 'Søndersø Bofællesskab; "Åen"', 'offentlig', '§108', 2024, 3400],
  ['P3', 'Ærø, Øster & Å', 'offentlig', '§85', 2025, 1234567.5],
] as const;
const EMPLOYMENT = [
  ['150394-1233', '2024-01', 37.5, false],
  ['0207014512', '2024-02', 160.25, true],
  ['290200-4981', '2024-03', 0, false],
] as const;

const q = (s: string, d: string) => (s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
const daNum = (n: number) =>
  n.toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

async function writeFormats(root: string): Promise<string[]> {
  const inboxes: string[] = [];
  const add = (name: string) => {
    const dir = join(root, name);
    inboxes.push(dir);
    return dir;
  };
  // 1. comma CSV, UTF-8, decimal point, English headers.
  let d = add('comma');
  write(
    join(d, 'tariffs', 't.csv'),
    `provider_id,provider_name,ownership,service,year,rate\n${TARIFFS.map((r) => [r[0], q(r[1], ','), r[2], r[3], r[4], r[5]].join(',')).join('\n')}\n`,
  );
  write(
    join(d, 'employment', 'e.csv'),
    `cpr,month,wage_hours,in_education\n${EMPLOYMENT.map((r) => [r[0], r[1], r[2], r[3]].join(',')).join('\n')}\n`,
  );
  // 2. semicolon CSV, UTF-8 with BOM, decimal comma with thousands dots, Danish aliases, YYYYMM, ja/nej.
  d = add('semicolon');
  write(
    join(d, 'tariffs', 't.csv'),
    `\uFEFFProvider_ID ; provider_name;OWNERSHIP;service;year;takst\n${TARIFFS.map((r) => [r[0], q(r[1], ';'), r[2], r[3], r[4], daNum(r[5])].join(';')).join('\n')}\n`,
  );
  write(
    join(d, 'employment', 'e.csv'),
    `\uFEFFCPRNR;Måned;Løntimer;Uddannelse\n${EMPLOYMENT.map((r) => [r[0], r[1].replace('-', ''), daNum(r[2]), r[3] ? 'ja' : 'nej'].join(';')).join('\n')}\n`,
  );
  // 3. Windows-1252, ';', decimal comma, CRLF (the € is byte 0x80, which Latin-1 does not have).
  d = add('windows1252');
  write(
    join(d, 'tariffs', 't.csv'),
    encodeWindows1252(
      `provider_id;provider_name;ownership;service;year;rate\r\n${TARIFFS.map((r) => [r[0], q(r[1], ';'), r[2], r[3], r[4], daNum(r[5])].join(';')).join('\r\n')}\r\n`,
    ),
  );
  write(
    join(d, 'employment', 'e.csv'),
    encodeWindows1252(
      `CPRNR;Måned;Løntimer;Uddannelse\r\n${EMPLOYMENT.map((r) => [r[0], r[1], daNum(r[2]), r[3] ? 'J' : 'N'].join(';')).join('\r\n')}\r\n`,
    ),
  );
  // 4. gzip, tab-separated, DD.MM.YYYY is not needed here; booleans as 1/0.
  d = add('gzip');
  write(
    join(d, 'tariffs', 't.csv.gz'),
    gzipSync(
      `provider_id\tprovider_name\townership\tservice\tyear\trate\n${TARIFFS.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]].join('\t')).join('\n')}\n`,
    ),
  );
  write(
    join(d, 'employment', 'e.csv.gz'),
    gzipSync(
      `cpr\tmonth\twage_hours\tin_education\n${EMPLOYMENT.map((r) => [r[0], r[1], r[2], r[3] ? 1 : 0].join('\t')).join('\n')}\n`,
    ),
  );
  // 5. Parquet with typed columns.
  d = add('parquet');
  const { Db } = await import('../pipelines/duckdb.ts');
  const pq = await Db.open(':memory:');
  mkdirSync(join(d, 'tariffs'), { recursive: true });
  mkdirSync(join(d, 'employment'), { recursive: true });
  const sqlStr = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await pq.run(`COPY (SELECT * FROM (VALUES ${TARIFFS.map((r) => `(${sqlStr(r[0])}, ${sqlStr(r[1])}, ${sqlStr(r[2])}, ${sqlStr(r[3])}, ${r[4]}::INTEGER, ${r[5]}::DOUBLE)`).join(', ')})
    v(provider_id, provider_name, ownership, service, year, rate)) TO '${join(d, 'tariffs', 't.parquet')}' (FORMAT parquet)`);
  await pq.run(`COPY (SELECT * FROM (VALUES ${EMPLOYMENT.map((r) => `(${sqlStr(r[0])}, ${sqlStr(r[1])}, ${r[2]}::DECIMAL(10,2), ${r[3]})`).join(', ')})
    v(cpr, month, wage_hours, in_education)) TO '${join(d, 'employment', 'e.parquet')}' (FORMAT parquet)`);
  pq.close();
  // 6. XLSX, first sheet, numbers as numbers.
  d = add('xlsx');
  for (const [extract, header, rows] of [
    ['tariffs', ['provider_id', 'provider_name', 'ownership', 'service', 'year', 'rate'], TARIFFS],
    ['employment', ['cpr', 'måned', 'løntimer', 'i_uddannelse'], EMPLOYMENT],
  ] as const) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow([...header]);
    for (const r of rows) ws.addRow([...r]);
    mkdirSync(join(d, extract), { recursive: true });
    await wb.xlsx.writeFile(join(d, extract, 'x.xlsx'));
  }
  return inboxes;
}

describe('formats and dialects', () => {
  it('loads the same rows from comma CSV, semicolon CSV, Windows-1252, gzip, Parquet and XLSX to identical tables', async () => {
    const root = await tempDir('kpi-formats-');
    const inboxes = await writeFormats(root);
    const tables: string[] = [];
    for (const inbox of inboxes) {
      const { db, result } = await ingest(inbox);
      for (const f of result.inputs) {
        expect(f.status, `${inbox}: ${f.file} ${f.message ?? ''}`).toBe('loaded');
        expect(f.rowsRejected, `${inbox}: ${f.file}`).toBe(0);
      }
      const t = await db.all(
        'SELECT * EXCLUDE (_file_id, _line) FROM ingest.tariffs ORDER BY provider_id, year',
      );
      const e = await db.all('SELECT * EXCLUDE (_file_id, _line) FROM ingest.employment ORDER BY month');
      tables.push(JSON.stringify({ t, e }));
    }
    for (let i = 1; i < tables.length; i++) expect(tables[i], inboxes[i]).toBe(tables[0]);
    const parsed = JSON.parse(tables[0]!) as {
      t: { provider_name: string; rate: number }[];
      e: { wage_hours: number }[];
    };
    expect(parsed.t.map((r) => r.provider_name)).toContain('Bostøtte Nørrevang ApS – € privat');
    expect(parsed.t.map((r) => r.provider_name)).toContain('Ærø, Øster & Å');
    expect(parsed.t.map((r) => r.rate)).toEqual([2150.5, 2279.25, 3400, 1234567.5]);
    expect(parsed.e.map((r) => r.wage_hours)).toEqual([37.5, 160.25, 0]);
  });

  it('trims spaces, tabs, carriage returns and no-break spaces around values, and keeps those inside', async () => {
    const root = await tempDir('kpi-trim-');
    const plain = join(root, 'plain');
    const padded = join(root, 'padded');
    write(
      join(plain, 'employment', 'e.csv'),
      'cpr;month;wage_hours;in_education;benefit\n150394-1233;2024-01;37,5;nej;kontanthjaelp\n0207014512;2024-02;160,25;ja;su\n',
    );
    write(
      join(padded, 'employment', 'e.csv'),
      'cpr;month;wage_hours;in_education;benefit\n 150394-1233\t;\u00a02024-01;37,5 ;\tnej; kontanthjaelp\u00a0\n\u00a0 0207014512;2024-02;  160,25\t\u00a0;ja ;su\n',
    );
    write(
      join(padded, 'tariffs', 't.csv'),
      'provider_id;provider_name;ownership;service;year;rate\n P1 ; Bo  og  Værk\u00a0;privat;§107;2024;100\n',
    );
    const rows = async (inbox: string) => {
      const { db, result } = await ingest(inbox);
      const e = result.inputs.find((i) => i.extract === 'employment')!;
      expect([e.rowsLoaded, e.rowsRejected]).toEqual([2, 0]);
      return db.all('SELECT * EXCLUDE (_file_id, _line) FROM ingest.employment ORDER BY month');
    };
    expect(await rows(padded)).toEqual(await rows(plain));
    const { db } = await ingest(padded);
    expect(await db.all('SELECT provider_id, provider_name FROM ingest.tariffs')).toEqual([
      { provider_id: 'P1', provider_name: 'Bo  og  Værk' },
    ]);
  });

  it('records the detected dialect of each file in the manifest entry', async () => {
    const root = await tempDir('kpi-formats-');
    const [comma, semicolon, win] = await writeFormats(root);
    const r1 = (await ingest(comma!)).result.inputs.find((i) => i.extract === 'tariffs')!;
    const r2 = (await ingest(semicolon!)).result.inputs.find((i) => i.extract === 'tariffs')!;
    const r3 = (await ingest(win!)).result.inputs.find((i) => i.extract === 'tariffs')!;
    expect([r1.encoding, r1.delimiter, r1.decimal]).toEqual(['utf-8', ',', '.']);
    expect([r2.encoding, r2.delimiter, r2.decimal]).toEqual(['utf-8-bom', ';', ',']);
    expect([r3.encoding, r3.delimiter, r3.decimal]).toEqual(['windows-1252', ';', ',']);
  });
});

describe('reading the next file ahead', () => {
  it('reads a file again when it changed after it was read ahead', async () => {
    const inbox = await tempDir('kpi-ahead-');
    const header = 'cpr;month;wage_hours;in_education\n';
    const b = join(inbox, 'employment', 'b.csv');
    write(join(inbox, 'employment', 'a.csv'), `${header}150394-1233;2024-01;37,5;nej\n`);
    write(b, `${header}150394-1233;2024-02;10;nej\n`);
    const work = await tempDir('kpi-ahead-work-');
    const db = await openWorkDb(work, parseConfig({}), TEST_KEY);
    open.push(db);
    // b.csv is read ahead while a.csv is loaded; when a.csv is done, b.csv grows by a row.
    const result = await ingestInbox(db, {
      inbox,
      workDir: work,
      onFile: (input) => {
        if (input.file === 'employment/a.csv') appendFileSync(b, '0207014512;2024-02;20;ja\n');
      },
    });
    const loaded = result.inputs.find((i) => i.file === 'employment/b.csv')!;
    expect([loaded.status, loaded.rowsRead, loaded.rowsLoaded]).toEqual(['loaded', 2, 2]);
    expect(loaded.sha256).toBe(createHash('sha256').update(readFileSync(b)).digest('hex'));
  });
});

describe('the example inbox (test/fixtures/examples-inbox)', () => {
  it('loads every extract, quarantines the 1.034,0 hours row, and lets the correction win', async () => {
    const { db, result, quarantine } = await ingest(EXAMPLES);
    const byFile = Object.fromEntries(result.inputs.map((i) => [i.file, i]));
    const first = byFile['employment/eindkomst_2024-01_2024-03.csv']!;
    expect([first.rowsRead, first.rowsLoaded, first.rowsRejected]).toEqual([6, 5, 1]);
    for (const i of result.inputs) expect(i.rowsRead).toBe(i.rowsLoaded + i.rowsRejected);
    expect(result.inputs.filter((i) => i.status !== 'loaded')).toEqual([]);
    const rejects = readFileSync(
      join(quarantine, 'employment', 'eindkomst_2024-01_2024-03.csv.rejects.csv'),
      'utf8',
    );
    // The Danish Excel dialect: a BOM, ';' between the fields, Danish headers.
    expect(rejects).toBe(
      '\uFEFFlinje;kolonne;regel;besked;værdi\n7;wage_hours;above_maximum;wage_hours skal være ≤ 744;1.034,0\n',
    );
    await buildWarehouse(db, { asOf: asOfDate('2026-11-22'), config: parseConfig({}) });
    const feb = await db.all<{ wage_hours: number; _file: string }>(
      "SELECT wage_hours, _file FROM staging.employment WHERE month = DATE '2024-02-01' AND wage_hours > 80",
    );
    expect(feb).toEqual([{ wage_hours: 86, _file: 'employment/eindkomst_2024-02_rettelse.csv' }]);
    const tariffs = await db.all<{ provider_name: string }>(
      'SELECT DISTINCT provider_name FROM staging.tariffs ORDER BY 1',
    );
    expect(tariffs.map((t) => t.provider_name)).toEqual([
      'Bostøtte Nørrevang ApS – privat',
      'Søndersø Bofællesskab',
    ]);
    const leap = await db.one<{ birth_date: string }>(
      'SELECT DISTINCT birth_date::VARCHAR AS birth_date FROM ingest.neet WHERE month(birth_date) = 2 AND day(birth_date) = 29',
    );
    expect(leap.birth_date).toBe('2000-02-29');
  });
});

describe('bad input', () => {
  it('rejects a file that misses a required column as a whole, naming the column and the headers found', async () => {
    const inbox = await tempDir('kpi-bad-');
    write(
      join(inbox, 'employment', 'e.csv'),
      'cpr;month;in_education;noget_andet\n150394-1233;2024-01;nej;x\n0207014512;2024-02;ja;y\n',
    );
    const { result, quarantine } = await ingest(inbox);
    const f = result.inputs[0]!;
    expect(f.status).toBe('rejected');
    expect([f.rowsRead, f.rowsLoaded, f.rowsRejected]).toEqual([2, 0, 2]);
    expect(f.message).toContain('den påkrævede kolonne wage_hours (eller loentimer, løntimer) mangler');
    expect(f.message).toContain('Fundne overskrifter: cpr, month, in_education, noget_andet');
    const rejects = readFileSync(join(quarantine, 'employment', 'e.csv.rejects.csv'), 'utf8').split('\n');
    expect(rejects[0]).toBe('\uFEFFlinje;kolonne;regel;besked;værdi');
    expect(rejects[1]).toMatch(/^;;"missing_column";"den påkrævede kolonne wage_hours/);
  });

  it('quarantines bad CPRs, impossible dates and negative hours per row, with masked values', async () => {
    const inbox = await tempDir('kpi-bad-');
    write(
      join(inbox, 'employment', 'e.csv'),
      [
        'cpr;month;wage_hours;in_education',
        '150394-1233;2024-01;10;nej', // 2: fine
        '320194-1234;2024-01;10;nej', // 3: no 32 January
        '1503941;2024-01;10;nej', // 4: not 10 digits
        '150394-1233;2024-13;10;nej', // 5: no month 13
        '0207014512;2024-01;-4,5;nej', // 6: negative hours
        '0207014512;2024-02;10;kanske', // 7: not a boolean
        '290201-4981;2024-01;10;nej', // 8: 29 Feb 2001 does not exist
        '150394-1233;2024-02;744,0;ja', // 9: the maximum is allowed
        '',
      ].join('\n'),
    );
    write(
      join(inbox, 'sel85', 's.csv'),
      [
        'cpr,decision_id,start_date,end_date,hours_per_week,target_group',
        '150394-1233,D1,30-02-2024,,2,psykiatri', // 2: impossible date
        '150394-1233,D2,01-03-2024,01-02-2024,2,psykiatri', // 3: end before start
        '150394-1233,D3,01.03.2024,,2,kaffe', // 4: unknown code
        '150394-1233,D4,01/03/2024,,2,PSYKIATRI', // 5: fine (codes ignore case)
        '',
      ].join('\n'),
    );
    const { db, result, quarantine } = await ingest(inbox);
    const emp = result.inputs.find((i) => i.extract === 'employment')!;
    expect([emp.rowsRead, emp.rowsLoaded, emp.rowsRejected]).toEqual([8, 2, 6]);
    const s85 = result.inputs.find((i) => i.extract === 'sel85')!;
    expect([s85.rowsRead, s85.rowsLoaded, s85.rowsRejected]).toEqual([4, 1, 3]);
    const empRejects = readFileSync(join(quarantine, 'employment', 'e.csv.rejects.csv'), 'utf8');
    expect(empRejects.trim().split('\n').slice(1)).toEqual([
      '3;cpr;cpr_date;CPR-nummeret indeholder ingen rigtig fødselsdato (århundrede efter 7. ciffer);******-**34',
      '4;cpr;cpr_number;CPR har færre end 9 cifre og ingen bindestreg, som når kolonnen er gemt som et tal (Excel, pandas, Parquet), og cifre er tabt. CPR skal være 10 cifre. Eksportér CPR-kolonnen som tekst (i Excel: formatér kolonnen som Tekst);******-**41',
      '5;month;month_format;forventede en måned som ÅÅÅÅ-MM eller ÅÅÅÅMM;2024-13',
      '6;wage_hours;below_minimum;wage_hours skal være ≥ 0;-4,5',
      '7;in_education;not_a_boolean;forventede 1/0, true/false, ja/nej, j/n, x eller tom;kanske',
      '8;cpr;cpr_date;CPR-nummeret indeholder ingen rigtig fødselsdato (århundrede efter 7. ciffer);******-**81',
    ]);
    const s85Rejects = readFileSync(join(quarantine, 'sel85', 's.csv.rejects.csv'), 'utf8');
    expect(s85Rejects.trim().split('\n').slice(1)).toEqual([
      '2;start_date;date_format;forventede en rigtig dato som ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ;30-02-2024',
      '3;end_date;end_before_start;end_date ligger før start_date;01-02-2024',
      '4;target_group;unknown_code;forventede én af: psykiatri, handicap, misbrug, andet;kaffe',
    ]);
    expect(await db.all('SELECT decision_id, target_group FROM ingest.sel85')).toEqual([
      { decision_id: 'D4', target_group: 'psykiatri' },
    ]);
    for (const text of [empRejects, s85Rejects]) expect(text).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('numbers rows by their physical line when a quoted value spans lines, also after rows DuckDB rejects', async () => {
    const inbox = await tempDir('kpi-multiline-');
    write(
      join(inbox, 'tariffs', 't.csv'),
      [
        'provider_id;provider_name;ownership;service;year;rate',
        'P1;"Bo- og', // 2: a name over four lines, one of them blank
        'støttetilbud',
        '',
        'Nord";privat;§85;2024;1.200,50',
        'P2;Syd;ukendt;§85;2024;10', // 6: unknown code
        '', // 7: a blank line
        'P3;"Øst ""A""";privat;§85;2024;1,0;for meget', // 8: one value too many (DuckDB rejects it)
        'P4; "Vest', // 9: a quoted value after a space, over two lines
        'Syd";ukendt;§85;2024;1', // 10
        'P5;Ab"c;ukendt;§85;2024;1', // 11: a quote inside an unquoted value is a character
        'P6;Nord;privat;§85;2024;-1', // 12: below the minimum
        // 13, 14: after two spaces DuckDB reads a quote as a character, so both lines lack values
        'P7;  "Vest',
        'Syd";privat;§85;2024;1',
        'P8;Vest;ukendt;§85;2024;1', // 15
        '',
      ].join('\n'),
    );
    const { db, result, quarantine } = await ingest(inbox);
    const t = result.inputs[0]!;
    expect([t.rowsRead, t.rowsLoaded, t.rowsRejected]).toEqual([9, 1, 8]);
    const rejects = readFileSync(join(quarantine, 'tariffs', 't.csv.rejects.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => /^\d/.test(l))
      .map((l) => `${l.split(';')[0]} ${l.split(';')[2]}`);
    expect([...new Set(rejects)]).toEqual([
      '6 unknown_code',
      '8 too_many_columns',
      '9 unknown_code',
      '11 unknown_code',
      '12 below_minimum',
      '13 missing_columns',
      '14 missing_columns',
      '15 unknown_code',
    ]);
    expect(await db.all('SELECT _line::INTEGER AS line, provider_name FROM ingest.tariffs')).toEqual([
      { line: 2, provider_name: 'Bo- og\nstøttetilbud\n\nNord' },
    ]);
  });

  it('rejects a key that appears twice in one file, and lets a later file win across files', async () => {
    const inbox = await tempDir('kpi-bad-');
    write(
      join(inbox, 'employment', 'a.csv'),
      'cpr;month;wage_hours;in_education\n150394-1233;2024-01;10;nej\n1503941233;2024-01;20;nej\n',
    );
    write(
      join(inbox, 'employment', 'b.csv'),
      'cpr;month;wage_hours;in_education\n150394-1233;2024-01;30;nej\n',
    );
    const { db, result, quarantine } = await ingest(inbox);
    expect(result.inputs.map((i) => [i.rowsLoaded, i.rowsRejected])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(readFileSync(join(quarantine, 'employment', 'a.csv.rejects.csv'), 'utf8')).toContain(
      '3;cpr+month;duplicate_key;nøglen (cpr, month) står allerede på linje 2 i denne fil;2024-01',
    );
    await buildWarehouse(db, { asOf: asOfDate('2026-11-22'), config: parseConfig({}) });
    expect(await db.all('SELECT wage_hours FROM staging.employment')).toEqual([{ wage_hours: 30 }]);
  });

  it('loads the same file delivered under two names once, and says which it duplicates', async () => {
    const inbox = await tempDir('kpi-bad-');
    cpSync(join(EXAMPLES, 'cafe'), join(inbox, 'cafe'), { recursive: true });
    cpSync(join(EXAMPLES, 'cafe', 'raadgivningscafe_2024.csv'), join(inbox, 'cafe', 'zz_kopi.csv'));
    const { db, result } = await ingest(inbox);
    expect(result.inputs.map((i) => i.status)).toEqual(['loaded', 'duplicate']);
    expect(result.inputs[1]!.duplicateOf).toBe('cafe/raadgivningscafe_2024.csv');
    expect(result.warnings.map((w) => w.code)).toContain('duplicate_file');
    expect(await db.one('SELECT sum(inquiries)::INTEGER AS n FROM ingest.cafe')).toEqual({ n: 21 });
  });

  it('treats a 0-byte file and a header-only file as empty, with a warning', async () => {
    const inbox = await tempDir('kpi-bad-');
    write(join(inbox, 'cafe', 'a.csv'), '');
    write(join(inbox, 'cafe', 'b.csv'), 'date;inquiries;channel;age_band\n');
    const { result } = await ingest(inbox);
    expect(result.inputs.map((i) => [i.status, i.rowsRead])).toEqual([
      ['empty', 0],
      ['empty', 0],
    ]);
    expect(result.warnings.filter((w) => w.code === 'empty_file')).toHaveLength(2);
  });
});

describe('CPR and pseudonymisation', () => {
  it('takes the century from digit 7 and does not require modulus 11', async () => {
    const inbox = await tempDir('kpi-cpr-');
    const cprs = [
      '010137-4000',
      '010158-5000',
      '010157-5000',
      '010136-9000',
      '010100-0000',
      '311299-3999',
      '010101-1234',
    ];
    write(
      join(inbox, 'neet', 'n.csv'),
      `cpr;month;in_job;in_education;on_benefit\n${cprs.map((c) => `${c};2024-01;0;0;0`).join('\n')}\n`,
    );
    const { db } = await ingest(inbox);
    const births = await db.all<{ b: string }>(
      'SELECT birth_date::VARCHAR AS b FROM ingest.neet ORDER BY _line',
    );
    expect(births.map((r) => r.b)).toEqual([
      '1937-01-01',
      '1858-01-01',
      '2057-01-01',
      '2036-01-01',
      '1900-01-01',
      '1999-12-31',
      '1901-01-01',
    ]);
  });

  it('keys a person as the first 128 bits of HMAC-SHA256(key, 10 digits), the same with or without hyphen', async () => {
    const inbox = await tempDir('kpi-cpr-');
    write(
      join(inbox, 'enrollment', 'e.csv'),
      'cpr;programme;enrolled_on\n150394-1233;jobfokus;2026-03-10\n1503941233;ungeloftet;2026-03-10\n' +
        // A leading zero is a digit of the CPR number like any other.
        '010203-4321;jobfokus;2026-03-10\n',
    );
    const hmac = (digits: string) => createHmac('sha256', TEST_KEY).update(digits).digest('hex').slice(0, 32);
    const expected = hmac('1503941233');
    const a = await ingest(inbox);
    expect(
      await a.db.all(
        `SELECT programme, person_key, birth_date::VARCHAR AS birth FROM ingest.enrollment JOIN ingest.persons USING (person_id)
         ORDER BY _line`,
      ),
    ).toEqual([
      { programme: 'jobfokus', person_key: expected, birth: '1994-03-15' },
      { programme: 'ungeloftet', person_key: expected, birth: '1994-03-15' },
      { programme: 'jobfokus', person_key: hmac('0102034321'), birth: '2003-02-01' },
    ]);
    // Persons are numbered once each, in person_key order.
    const persons = await a.db.all<{ person_id: number; person_key: string }>(
      'SELECT person_id, person_key FROM ingest.persons ORDER BY person_id',
    );
    expect(persons.map((p) => p.person_key)).toEqual([expected, hmac('0102034321')].sort());
    expect(persons.map((p) => p.person_id)).toEqual([1, 2]);
    const b = await ingest(inbox, `${TEST_KEY}-rotated`);
    const { person_key: other } = await b.db.one<{ person_key: string }>(
      `SELECT DISTINCT person_key FROM ingest.enrollment JOIN ingest.persons USING (person_id)
       WHERE programme = 'ungeloftet'`,
    );
    expect(other).not.toBe(expected);
    expect(other).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('masking CPRs in messages and quarantine values', () => {
  // A damaged header glued a CPR to other digits; the old pattern required a non-digit before it.
  const texts = ['Lønt01010170-0000', 'x 010170-0000 y', '0101700000', '99010170000012', 'Måned;2024-01'];
  it('masks every CPR-like run of digits, also one glued to other digits, in JS and in SQL', async () => {
    const masked = texts.map(maskCprs);
    expect(masked).toEqual([
      'Lønt01******-**00',
      'x ******-**00 y',
      '******-**00',
      '******-**000012',
      'Måned;2024-01',
    ]);
    for (const m of masked) expect(m).not.toMatch(/\d{6}-?\d{4}/);
    const db = await Db.open(':memory:');
    try {
      const rows = await db.all<{ m: string }>(
        `SELECT ${maskCprsSql('t')} AS m FROM unnest([${texts.map((t) => `'${t}'`).join(', ')}]) u(t)`,
      );
      expect(rows.map((r) => r.m)).toEqual(masked);
    } finally {
      db.close();
    }
  });
});

describe('the ingest worker’s own view of the extracts', () => {
  it('names the referenced extracts as the compiled specs do, and loads no zod', async () => {
    const { EXTRACT_SPECS } = await import('../pipelines/extracts/spec.ts');
    const { REFERENCED } = await import('../pipelines/ingest/tables.ts');
    const referenced = Object.values(EXTRACT_SPECS).flatMap((c) =>
      c.references ? [c.references.extract] : [],
    );
    expect([...REFERENCED].sort()).toEqual([...new Set(referenced)].sort());
    // The worker's modules, in a process of their own: none of them may load zod (docs/performance.md).
    // A resolve hook says each module of zod that is loaded; the compiled specs themselves do load it.
    const { spawnSync } = await import('node:child_process');
    const hook = `export async function resolve(s, c, n) { const r = await n(s, c); if (r.url.includes('/node_modules/zod/')) process.stderr.write('zod\\n'); return r; }`;
    const probe = join(await tempDir('kpi-probe-'), 'probe.mjs');
    writeFileSync(
      probe,
      `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
await import(process.argv[2]);
process.exit(0);
`,
    );
    const loads = (module: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', probe, join(import.meta.dirname, '..', 'pipelines', module)],
        {
          cwd: join(import.meta.dirname, '..'),
          encoding: 'utf8',
        },
      );
    const worker = loads('ingest/worker.ts');
    expect(worker.status, worker.stderr).toBe(0);
    expect(worker.stderr).not.toContain('zod');
    expect(loads('extracts/spec.ts').stderr).toContain('zod');
  });
});
