/**
 * CPR numbers (docs/inbox.md, docs/privacy-and-reliability.md): the century from digit 7, the digits as
 * a number and back, and the birth date as the NEET age test reads it. The whole chain runs in this
 * process (ingest, warehouse, KPI), so a changed rule shows here directly.
 */
import { createHmac } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions, municipalityOf, parseConfig } from '../pipelines/config.ts';
import { asOfDate } from '../pipelines/core/asOf.ts';
import { hasCpr, maskCprs, maskCprsSql, maskTextSql } from '../pipelines/core/mask.ts';
import {
  DEMO_KEY,
  hmacSql,
  keyFingerprint,
  MIN_KEY_LENGTH,
  resolveKey,
  setKeyVariablesSql,
} from '../pipelines/core/pseudonym.ts';
import { Db } from '../pipelines/duckdb.ts';
import { ConfigError } from '../pipelines/errors.ts';
import { birthDateSql, cprDigitsText } from '../pipelines/extracts/cpr.ts';
import { parseSql } from '../pipelines/extracts/spec.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { evaluateKpi } from '../pipelines/kpis/evaluate.ts';
import { openWorkDb } from '../pipelines/run/cache.ts';
import { buildWarehouse } from '../pipelines/warehouse.ts';
import { TEST_KEY, tempDir } from './helpers.ts';

/**
 * Digit 7 decides the century (the CPR office's table): 0–3 → 1900–1999; 4 and 9 → 2000–2036 for
 * 00–36, else 1937–1999; 5–8 → 2000–2057 for 00–57, else 1858–1899.
 */
const CENTURIES: [string, string | null][] = [
  ['010100-0000', '1900-01-01'],
  ['311299-3999', '1999-12-31'],
  ['010136-4000', '2036-01-01'],
  ['010137-4000', '1937-01-01'],
  ['010198-4000', '1998-01-01'],
  ['010100-4000', '2000-01-01'],
  ['010157-5000', '2057-01-01'],
  ['010158-5000', '1858-01-01'],
  ['010105-8000', '2005-01-01'],
  ['010199-8000', '1899-01-01'],
  ['010136-9000', '2036-01-01'],
  ['010137-9000', '1937-01-01'],
  ['010145-9000', '1945-01-01'],
  ['010157-9000', '1957-01-01'],
  ['010158-9000', '1958-01-01'],
  ['010197-9000', '1997-01-01'],
  ['290200-4000', '2000-02-29'], // 2000 is a leap year
  ['290200-0000', null], // 1900 is not
  ['290201-4000', null],
  ['310499-1234', null], // 31 April
  ['001099-1234', null], // day 0
  ['011399-1234', null], // month 13
];

describe('the CPR number in SQL', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(':memory:');
  });
  afterAll(() => db.close());

  it('takes the century from digit 7, and an impossible date is NULL', async () => {
    const values = CENTURIES.map(([c]) => `('${c}')`).join(', ');
    const col = { name: 'cpr', kind: 'cpr' } as const;
    const rows = await db.all<{ cpr: string; born: string | null }>(`
      WITH t(v) AS (VALUES ${values}), parsed AS (SELECT v, ${parseSql(col as never, 'v', ',')} AS d FROM t)
      SELECT v AS cpr, CAST(${birthDateSql('d')} AS VARCHAR) AS born FROM parsed`);
    expect(rows.map((r) => [r.cpr, r.born])).toEqual(CENTURIES);
  });

  it('holds the 10 digits as a number and gives them back with the leading zero', async () => {
    const col = { name: 'cpr', kind: 'cpr' } as const;
    const rows = await db.all<{ v: string; d: bigint | null; back: string | null }>(`
      WITH t(v) AS (VALUES ('010137-4000'), ('0101374000'), ('1512971234'), ('010137 4000'), ('01013-74000'),
        ('01013740001'), ('0101374000x'), (NULL))
      SELECT v, ${parseSql(col as never, 'v', ',')} AS d, ${cprDigitsText(parseSql(col as never, 'v', ','))} AS back FROM t`);
    expect(rows.map((r) => [r.v, r.d === null ? null : String(r.d), r.back])).toEqual([
      ['010137-4000', '101374000', '0101374000'],
      ['0101374000', '101374000', '0101374000'],
      ['1512971234', '1512971234', '1512971234'],
      ['010137 4000', null, null],
      ['01013-74000', null, null],
      ['01013740001', null, null],
      ['0101374000x', null, null],
      [null, null, null],
    ]);
  });
});

describe('the NEET age test reads the century right', () => {
  // 2024, as of 2025-02-01. Age is taken on each month's last day; 15–29 count.
  //  A 150605-9002 born 2005 (digit 9, 00–36): 18–19, NEET all year: 12 of 12.
  //  B 150645-9003 born 1945 (digit 9, 37–57): 78–79, not counted (2045 would be 100 years off).
  //  C 150697-9004 born 1997 (digit 9, 58–99): 26–27, in a job: 0 of 12. Read as 1897 it would drop out.
  //  D 150698-4005 born 1998 (digit 4): 25–26, in a job: 0 of 12.
  //  E 311209-9006 born 2009-12-31: 15 on 31 December only, NEET: 1 of 1.
  // neet_share 2024 = 13 / 37.
  let db: Db;
  let ingestRejected: number;
  beforeAll(async () => {
    const inbox = await tempDir('kpi-cpr-');
    const work = await tempDir('kpi-cpr-work-');
    const rows = [
      '150605-9002;nej',
      '150645-9003;nej',
      '150697-9004;ja',
      '150698-4005;ja',
      '311209-9006;nej',
    ].flatMap((p) => {
      const [cpr, job] = p.split(';');
      return Array.from(
        { length: 12 },
        (_, i) => `${cpr};2024${String(i + 1).padStart(2, '0')};${job};nej;nej`,
      );
    });
    await mkdir(join(inbox, 'neet'));
    await writeFile(
      join(inbox, 'neet', 'ungedata.csv'),
      `cpr;måned;i_job;i_uddannelse;ydelse\n${rows.join('\n')}\n`,
    );
    const config = parseConfig({ minCell: 1 });
    db = await openWorkDb(work, config, TEST_KEY);
    const ingest = await ingestInbox(db, { inbox, workDir: work });
    ingestRejected = ingest.inputs.reduce((s, f) => s + f.rowsRejected, 0);
    await buildWarehouse(db, { asOf: asOfDate('2025-02-01'), config });
  });
  afterAll(() => db.close());

  it('loads every row: each CPR gives a real birth date', () => {
    expect(ingestRejected).toBe(0);
  });

  it('ages on the months’ last days', async () => {
    const ages = await db.all<{ born: string; ages: string }>(`
      SELECT CAST(p.birth_date AS VARCHAR) AS born, string_agg(DISTINCT n.age::VARCHAR, ',' ORDER BY n.age::VARCHAR) AS ages
      FROM marts.neet_person_month n JOIN (SELECT DISTINCT person_id, birth_date FROM staging.neet) p USING (person_id)
      GROUP BY ALL ORDER BY born`);
    expect(ages).toEqual([
      { born: '1945-06-15', ages: '78,79' },
      { born: '1997-06-15', ages: '26,27' },
      { born: '1998-06-15', ages: '25,26' },
      { born: '2005-06-15', ages: '18,19' },
      { born: '2009-12-31', ages: '14,15' },
    ]);
  });

  it('neet_share 2024 is 13 / 37', async () => {
    const config = parseConfig({ minCell: 1 });
    const def = kpiDefinitions(config).find((d) => d.id === 'neet_share')!;
    const [k] = await evaluateKpi(db, def, '2025-02-01', municipalityOf(config).code, ['neet']);
    const y2024 = k!.points.find((p) => p.period === '2024')!;
    expect([y2024.numerator, y2024.denominator, y2024.complete]).toEqual([13, 37, true]);
  });
});

describe('pseudonyms: HMAC-SHA256 computed inside DuckDB', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(':memory:');
  });
  afterAll(() => db.close());

  it('equals Node’s HMAC for short, block-sized, long and non-ASCII keys (RFC 2104)', async () => {
    const keys = [
      'k'.repeat(32),
      'b'.repeat(64), // exactly one block: used as is
      'l'.repeat(65), // longer than a block: hashed first
      'nøgle-med-æøå-og-mere-end-32-tegn-ialt', // UTF-8 bytes, not characters
    ];
    for (const key of keys) {
      await db.run(setKeyVariablesSql(key));
      const rows = await db.all<{ k: string }>(
        `SELECT ${hmacSql('d')} AS k FROM (VALUES ('0101374000'), ('3112999999')) t(d) ORDER BY d`,
      );
      expect(
        rows.map((r) => r.k),
        key,
      ).toEqual(
        ['0101374000', '3112999999'].map((d) =>
          createHmac('sha256', key).update(d).digest('hex').slice(0, 32),
        ),
      );
    }
  });

  it('the key fingerprint is stable from version to version (manifests compare it to spot a new key)', () => {
    expect(keyFingerprint(TEST_KEY)).toBe('8248a01dd52c'); // sha256('kpi-key-fingerprint:' + key), 12 hex digits
    expect(keyFingerprint(`${TEST_KEY}x`)).not.toBe(keyFingerprint(TEST_KEY));
    expect(keyFingerprint(TEST_KEY)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('the pseudonymisation key', () => {
  it('comes from KPI_PSEUDONYM_KEY, or else from KPI_PSEUDONYM_KEY_FILE without its line break', async () => {
    const dir = await tempDir('kpi-key-');
    const file = join(dir, 'pseudonym.key');
    await writeFile(file, `${'f'.repeat(40)}\n`);
    expect(resolveKey({ KPI_PSEUDONYM_KEY: 'e'.repeat(32) })).toBe('e'.repeat(32));
    expect(resolveKey({ KPI_PSEUDONYM_KEY_FILE: file })).toBe('f'.repeat(40));
    expect(resolveKey({ KPI_PSEUDONYM_KEY: 'e'.repeat(32), KPI_PSEUDONYM_KEY_FILE: file })).toBe(
      'e'.repeat(32),
    );
  });

  it('is refused when missing, unreadable or shorter than 32 characters, with what to do', async () => {
    const howTo = 'Sæt en pseudonymiseringsnøgle på mindst 32 tegn';
    const refused = (env: NodeJS.ProcessEnv) => {
      try {
        resolveKey(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({})).toMatch(new RegExp(`^Der er ingen pseudonymiseringsnøgle.\\n${howTo}`));
    expect(refused({ KPI_PSEUDONYM_KEY: 'e'.repeat(31) })).toMatch(
      new RegExp(`^Pseudonymiseringsnøglen har 31 tegn; der skal mindst 32 til.\\n${howTo}`),
    );
    expect(refused({ KPI_PSEUDONYM_KEY_FILE: '/nonexistent/key' })).toMatch(
      new RegExp(`^Kan ikke læse KPI_PSEUDONYM_KEY_FILE=/nonexistent/key: ENOENT.\\n${howTo}`),
    );
    expect(MIN_KEY_LENGTH).toBe(32);
    // kpi demo's own key is long enough, and says what it is for.
    expect(resolveKey({ KPI_PSEUDONYM_KEY: DEMO_KEY })).toBe(DEMO_KEY);
    expect(DEMO_KEY).toMatch(/^demo-key-for-the-synthetic-municipality-only/);
  });
});

describe('masking CPR numbers in messages and quarantine values', () => {
  const CASES: [string, string][] = [
    ['010137-4000', '******-**00'],
    ['0101374000', '******-**00'],
    ['cpr 010137-4012 og 0202029913', 'cpr ******-**12 og ******-**13'],
    ['Lønt01010170-0000', 'Lønt01******-**00'], // glued to other digits (the fuzz finding)
    ['123456789012', '******-**9012'], // a long number is masked too: the lesser harm
    ['2024-01-03', '2024-01-03'],
    ['12345', '12345'],
    ['010137-400', '010137-400'],
    // The other two spellings a caseworker writes (the privacy report, issue 24).
    ['110473 0012', '******-**12'],
    ['note 11.04.73-0012 end', 'note ******-**12 end'],
    ['1.04.73-0012', '1.04.73-0012'],
    ['11.04.7-0012', '11.04.7-0012'],
  ];

  it('in messages (JS) and in SQL, the same way', async () => {
    const db = await Db.open(':memory:');
    const rows = await db.all<{ v: string; m: string }>(
      `SELECT v, ${maskCprsSql('v')} AS m FROM (VALUES ${CASES.map(([v]) => `('${v}')`).join(', ')}) t(v)`,
    );
    db.close();
    for (const [v, masked] of CASES) {
      expect(maskCprs(v), v).toBe(masked);
      expect(rows.find((r) => r.v === v)!.m, `SQL ${v}`).toBe(masked);
    }
  });

  it('in stored text: a CPR with a real day and month, in any spelling, not part of a longer number', async () => {
    const TEXT: [string, string][] = [
      ['Notat om 110473-0012 og 110473 0034', 'Notat om ******-**12 og ******-**34'],
      ['1104730056', '******-**56'],
      ['11.04.73-0078', '******-**78'],
      ['x1104730090y', 'x******-**90y'],
      ['a 1104730011 1204730022 1304730033', 'a ******-**11 ******-**22 ******-**33'],
      ['3204730000', '3204730000'], // day 32
      ['0013730000', '0013730000'], // month 13
      ['0000730000', '0000730000'], // day 00
      ['12345611047300001', '12345611047300001'], // inside a longer number
      ['tlf 1104730', 'tlf 1104730'],
      ['32.04.73-0000', '32.04.73-0000'],
    ];
    const db = await Db.open(':memory:');
    const rows = await db.all<{ v: string; m: string }>(
      `SELECT v, ${maskTextSql('v')} AS m FROM (VALUES ${TEXT.map(([v]) => `('${v}')`).join(', ')}) t(v)`,
    );
    db.close();
    for (const [v, masked] of TEXT) {
      expect(rows.find((r) => r.v === v)!.m, v).toBe(masked);
      // The privacy gate's test finds exactly the ones the masking hides.
      expect(hasCpr(v), v).toBe(masked !== v);
    }
    // The gate does not take the decimals of a number, or a number with decimals, for a CPR.
    expect([
      hasCpr('0,1104730000'),
      hasCpr('1104730000,5'),
      hasCpr('0.1104730000'),
      hasCpr('1104730000.25'),
    ]).toEqual([false, false, false, false]);
  });

  it('quarantine shows a rejected CPR as ******-** and its last two digits, and a long number by its length', async () => {
    const inbox = await tempDir('kpi-mask-');
    const work = await tempDir('kpi-mask-work-');
    const quarantine = await tempDir('kpi-mask-q-');
    await mkdir(join(inbox, 'employment'));
    await writeFile(
      join(inbox, 'employment', 'e.csv'),
      [
        'cpr;month;wage_hours;in_education;benefit;municipality',
        '010137-40;2024-01;10;nej;;', // line 2: not a CPR
        'ab;2024-01;10;nej;;', // 3: no digits to hide
        '310299-4000;2024-01;10;nej;;', // 4: 31 February
        '010137-4000;2024-01;123456789012;nej;;', // 5: a number of 12 digits
        '010137-4001;2024-01;10;nej;;0101374002', // 6: a CPR where a kommunekode belongs
        ';2024-01;10;nej;;', // 7: missing
        '010137-4003;2024-01;10;nej;;', // 8: fine
      ].join('\n'),
    );
    // An integer column too: a café count of 12 digits.
    await mkdir(join(inbox, 'cafe'));
    await writeFile(join(inbox, 'cafe', 'c.csv'), 'date;inquiries\n2024-01-02;123456789012\n2024-01-03;7\n');
    const db = await openWorkDb(work, parseConfig({}), TEST_KEY);
    const result = await ingestInbox(db, { inbox, workDir: work, quarantineDir: quarantine });
    db.close();
    const cafe = (await readFile(join(quarantine, 'cafe', 'c.csv.rejects.csv'), 'utf8')).trim().split('\n');
    expect(cafe.slice(1).map((l) => [l.split(';')[1], l.split(';').at(-1)])).toEqual([
      ['inquiries', 'et tal med 12 cifre'],
    ]);
    expect(result.inputs.find((i) => i.file.startsWith('employment'))).toMatchObject({
      rowsRead: 7,
      rowsLoaded: 1,
      rowsRejected: 6,
    });
    const lines = (await readFile(join(quarantine, 'employment', 'e.csv.rejects.csv'), 'utf8')).split('\n');
    expect(lines[0]).toBe('\uFEFFlinje;kolonne;regel;besked;værdi');
    const values = lines
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const f = l.split(';');
        return [f[0], f[1], f[2], f.at(-1)];
      });
    expect(values).toEqual([
      ['2', 'cpr', 'cpr_format', '******-**40'],
      ['3', 'cpr', 'cpr_format', 'ab'],
      ['4', 'cpr', 'cpr_date', '******-**00'],
      ['5', 'wage_hours', 'above_maximum', 'et tal med 12 cifre'],
      ['6', 'municipality', 'municipality_format', '******-**02'],
      ['7', 'cpr', 'required', '""'], // an empty value, quoted
    ]);
  });
});
