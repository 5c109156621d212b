/**
 * CPR numbers (docs/inbox.md, docs/privacy-and-reliability.md): the century from digit 7, the digits as
 * a number and back, and the birth date as the NEET age test reads it. The whole chain runs in this
 * process (ingest, warehouse, KPI), so a changed rule shows here directly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions, municipalityOf, parseConfig } from '../pipelines/config.ts';
import { Db } from '../pipelines/duckdb.ts';
import { birthDateSql, cprDigitsText, parseSql } from '../pipelines/ingest/contract.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { evaluateKpi } from '../pipelines/kpis/evaluate.ts';
import { openWorkDb } from '../pipelines/run.ts';
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
    await buildWarehouse(db, { asOf: '2025-02-01', config });
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
