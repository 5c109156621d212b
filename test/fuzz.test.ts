/**
 * Property and fuzz tests (fast-check). `npm test` runs FUZZ_RUNS (default 100, fast-check's own
 * default) cases of each property, with a new seed every run; `npm run fuzz` runs many more,
 * nightly-style.
 * 1. Random valid employment rows, written in a random dialect and encoding, load to exactly the
 *    typed table they describe.
 * 2. Random corruption of a valid file never crashes ingest, and every row is accounted for.
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { encodeWindows1252 } from '../pipelines/demo/generate.ts';
import type { Db } from '../pipelines/duckdb.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { openWorkDb } from '../pipelines/run/cache.ts';
import { TEST_KEY, tempDir } from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

interface Person {
  birth: string; // YYYY-MM-DD
  serial: number;
  hyphen: boolean;
}
interface Row {
  person: Person;
  month: string; // YYYY-MM
  cents: number;
  edu: boolean;
}
interface Dialect {
  delimiter: ',' | ';' | '\t';
  decimal: '.' | ',';
  thousands: boolean;
  encoding: 'utf8' | 'utf8bom' | 'cp1252';
  eol: '\n' | '\r\n';
  gzip: boolean;
  header: 'canonical' | 'danish' | 'shouting';
  bools: [string, string];
  yyyymm: boolean;
}

const day = fc.integer({ min: Date.UTC(1930, 0, 1) / 864e5, max: Date.UTC(2009, 11, 31) / 864e5 });
const person = fc.record({
  birth: day.map((d) => new Date(d * 864e5).toISOString().slice(0, 10)),
  serial: fc.integer({ min: 0, max: 999 }),
  hyphen: fc.boolean(),
});
const row = fc.record({
  person,
  month: fc
    .integer({ min: 0, max: 95 })
    .map((m) => `${2019 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`),
  cents: fc.integer({ min: 0, max: 74400 }),
  edu: fc.boolean(),
});
const dialect: fc.Arbitrary<Dialect> = fc
  .record({
    delimiter: fc.constantFrom<Dialect['delimiter']>(',', ';', '\t'),
    decimal: fc.constantFrom<Dialect['decimal']>('.', ','),
    thousands: fc.boolean(),
    encoding: fc.constantFrom<Dialect['encoding']>('utf8', 'utf8bom', 'cp1252'),
    eol: fc.constantFrom<Dialect['eol']>('\n', '\r\n'),
    gzip: fc.boolean(),
    header: fc.constantFrom<Dialect['header']>('canonical', 'danish', 'shouting'),
    bools: fc.constantFrom<[string, string]>(
      ['ja', 'nej'],
      ['1', '0'],
      ['true', 'false'],
      ['J', 'N'],
      ['x', ''],
      ['JA', 'Nej'],
    ),
    yyyymm: fc.boolean(),
  })
  // A decimal comma in a comma-separated file would need quoting; Danish systems use ';' then.
  .map((d) => (d.delimiter === ',' ? { ...d, decimal: '.' as const } : d));

function cprOf(p: Person): string {
  const [y, m, d] = p.birth.split('-');
  const digit7 = Number(y) >= 2000 ? 4 : p.serial % 4;
  const ddmmyy = `${d}${m}${y!.slice(2)}`;
  return `${ddmmyy}${p.hyphen ? '-' : ''}${digit7}${String(p.serial).padStart(3, '0')}`;
}

function hoursText(cents: number, d: Dialect): string {
  const int = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  const sep = d.decimal === ',' ? '.' : ',';
  const grouped = d.thousands ? String(int).replace(/\B(?=(\d{3})+(?!\d))/g, sep) : String(int);
  return `${grouped}${d.decimal}${frac}`;
}

function fileFor(rows: Row[], d: Dialect): { name: string; bytes: Buffer } {
  const header = {
    canonical: ['cpr', 'month', 'wage_hours', 'in_education'],
    danish: ['CPRNR', 'Måned', 'Løntimer', 'Uddannelse'],
    shouting: [' CPR ', 'MAANED', 'LOENTIMER', 'I_UDDANNELSE'],
  }[d.header];
  const lines = [
    header.join(d.delimiter),
    ...rows.map((r) =>
      [
        cprOf(r.person),
        d.yyyymm ? r.month.replace('-', '') : r.month,
        hoursText(r.cents, d),
        r.edu ? d.bools[0] : d.bools[1],
      ].join(d.delimiter),
    ),
  ];
  const text = `${lines.join(d.eol)}${d.eol}`;
  let bytes =
    d.encoding === 'cp1252'
      ? encodeWindows1252(text)
      : Buffer.from(`${d.encoding === 'utf8bom' ? '\uFEFF' : ''}${text}`, 'utf8');
  if (d.gzip) bytes = gzipSync(bytes);
  return { name: `e.csv${d.gzip ? '.gz' : ''}`, bytes };
}

let db: Db;
let root: string;
let n = 0;
beforeAll(async () => {
  root = await tempDir('kpi-fuzz-');
  // One DuckDB thread: a case is a file of at most 25 rows, where a second thread only adds the cost of
  // handing each statement's tasks around (the cases take about a fifth less time).
  db = await openWorkDb(join(root, 'work'), parseConfig({ duckdb: { threads: 1 } }), TEST_KEY);
});
afterAll(() => db.close());

async function ingestFile(name: string, bytes: Buffer) {
  const inbox = join(root, `inbox${++n}`);
  mkdirSync(join(inbox, 'employment'), { recursive: true });
  writeFileSync(join(inbox, 'employment', name), bytes);
  await db.run('DELETE FROM ingest.employment').catch(() => {});
  try {
    return await ingestInbox(db, { inbox, workDir: join(root, 'work') });
  } finally {
    rmSync(inbox, { recursive: true, force: true });
  }
}

const keyOf = (r: Row) => `${cprOf({ ...r.person, hyphen: false })}|${r.month}`;

describe('property: valid rows in any dialect load to the table they describe', () => {
  it(`holds for ${RUNS} random files`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 25, selector: keyOf }),
        dialect,
        async (rows, d) => {
          const { name, bytes } = fileFor(rows, d);
          const result = await ingestFile(name, bytes);
          const f = result.inputs[0]!;
          expect(f, JSON.stringify(d)).toMatchObject({
            status: 'loaded',
            rowsRead: rows.length,
            rowsLoaded: rows.length,
            rowsRejected: 0,
          });
          const got =
            await db.all(`SELECT p.person_key, e.birth_date::VARCHAR AS birth, strftime(e.month, '%Y-%m') AS month,
            CAST(round(e.wage_hours * 100) AS INTEGER) AS cents, e.in_education AS edu
          FROM ingest.employment e JOIN ingest.persons p USING (person_id) ORDER BY p.person_key, e.month`);
          const want = rows
            .map((r) => ({
              person_key: createHmac('sha256', TEST_KEY)
                .update(cprOf({ ...r.person, hyphen: false }))
                .digest('hex')
                .slice(0, 32),
              birth: r.person.birth,
              month: r.month,
              cents: r.cents,
              edu: r.edu,
            }))
            .sort((a, b) => (a.person_key + a.month < b.person_key + b.month ? -1 : 1));
          expect(got, JSON.stringify(d)).toEqual(want);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});

describe('property: rows are numbered by their physical line, whatever spans lines before them', () => {
  // Names with line breaks, quotes and delimiters (quoted as CSV quotes them, sometimes after one space,
  // which DuckDB 1.5 still reads as a quoted value), blank lines between rows, some rows bad, some with
  // a value too many (DuckDB's reader rejects those itself).
  const tariff = fc.record({
    name: fc
      .array(fc.constantFrom('a', 'Ø', ' ', '\n', '"', ';', ','), { maxLength: 10 })
      .map((c) => `N${c.join('')}`),
    quote: fc.boolean(),
    space: fc.boolean(),
    bad: fc.boolean(),
    extra: fc.boolean(),
    blanksBefore: fc.integer({ min: 0, max: 2 }),
  });
  it(`holds for ${RUNS} random files`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tariff, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        async (ts, eol) => {
          const lines = ['provider_id;provider_name;ownership;service;year;rate'];
          const want: { line: number; bad: boolean }[] = [];
          ts.forEach((t, i) => {
            for (let b = 0; b < t.blanksBefore; b++) lines.push('');
            const needsQuotes = /[\n";]/.test(t.name);
            const name =
              needsQuotes || t.quote ? `${t.space ? ' ' : ''}"${t.name.replaceAll('"', '""')}"` : t.name;
            want.push({ line: lines.length + 1, bad: t.bad || t.extra });
            lines.push(
              ...`P${i};${name};${t.bad ? 'ukendt' : 'privat'};§85;2024;1,5${t.extra ? ';x' : ''}`.split(
                '\n',
              ),
            );
          });
          const inbox = join(root, `inbox${++n}`);
          mkdirSync(join(inbox, 'tariffs'), { recursive: true });
          writeFileSync(join(inbox, 'tariffs', 't.csv'), `${lines.join(eol)}${eol}`);
          await db.run('DELETE FROM ingest.tariffs; DELETE FROM ingest.violations').catch(() => {});
          try {
            await ingestInbox(db, { inbox, workDir: join(root, 'work') });
          } finally {
            rmSync(inbox, { recursive: true, force: true });
          }
          const loaded = await db.all<{ line: number }>(
            'SELECT _line::INTEGER AS line FROM ingest.tariffs ORDER BY 1',
          );
          const rejected = await db.all<{ line: number }>(
            'SELECT DISTINCT line::INTEGER AS line FROM ingest.violations ORDER BY 1',
          );
          const context = JSON.stringify(lines);
          expect(
            loaded.map((r) => r.line),
            context,
          ).toEqual(want.filter((w) => !w.bad).map((w) => w.line));
          expect(
            rejected.map((r) => r.line),
            context,
          ).toEqual(want.filter((w) => w.bad).map((w) => w.line));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});

type Mutation =
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'flip'; at: number; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicateLine'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

function mutate(bytes: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.op === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else if (m.op === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else if (m.op === 'flip' && b.length) b[at] = m.value;
    else if (m.op === 'truncate') b = b.subarray(0, at);
    else if (m.op === 'duplicateLine') {
      const start = b.lastIndexOf(0x0a, at) + 1;
      const end = b.indexOf(0x0a, at);
      if (end > start)
        b = Buffer.concat([b.subarray(0, end + 1), b.subarray(start, end + 1), b.subarray(end + 1)]);
    }
  }
  return b;
}

describe('fuzz: corrupted files never crash ingest and every row is accounted for', () => {
  it(`holds for ${RUNS} random corruptions`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 15, selector: keyOf }),
        dialect,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (rows, d, ms) => {
          const { name, bytes } = fileFor(rows, d);
          const result = await ingestFile(name, mutate(bytes, ms));
          for (const f of result.inputs) {
            expect(['loaded', 'rejected', 'empty', 'duplicate']).toContain(f.status);
            expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected + f.rowsSkipped);
            if (f.message) expect(f.message).not.toMatch(/\d{6}-?\d{4}/);
          }
          const loaded = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ingest.employment');
          expect(loaded.n).toBe(result.inputs.reduce((s, f) => s + f.rowsLoaded, 0));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
