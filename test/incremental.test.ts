/**
 * Incremental nightly runs (issue 7): a run starts from the previous run's warehouse, files already
 * loaded (same sha256) are not parsed again, the big marts recompute only the keys the night's files
 * touch, and everything published is exactly what a full run from an empty warehouse publishes.
 */
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../pipelines/log.ts';
import { lolland, runInbox, tempDir, warehouseRows } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples-inbox');

// Person ids are numbered in the order a warehouse meets the persons, so an incremental warehouse and a
// full run's may number them differently: compare the persons by person_key.
const byKey = (table: string) =>
  `SELECT p.person_key, t.* EXCLUDE (person_id) FROM ${table} t JOIN ingest.persons p USING (person_id) ORDER BY ALL`;
const MARTS = [
  byKey('marts.employment_person_month'),
  byKey('marts.neet_person_month'),
  'SELECT * FROM marts.data_months ORDER BY ALL',
  byKey('marts.sel85_person_month'),
  byKey('marts.treatment_episode'),
  byKey('staging.employment'),
  'SELECT * FROM staging.survey_answers ORDER BY ALL',
  // Every person is numbered once.
  'SELECT count(*) = count(DISTINCT person_id) AND count(*) = count(DISTINCT person_key) AS one_id_each FROM ingest.persons',
];

describe('incremental runs', () => {
  it('reuse unchanged files, update the marts for the night’s files only, and publish what a full run publishes', async () => {
    const inbox = await tempDir('kpi-inc-');
    cpSync(EXAMPLES, inbox, { recursive: true });
    const first = await runInbox(inbox, { asOf: '2025-03-01', config: lolland() });
    expect(first.manifest.inputs.every((i) => !i.fromCache)).toBe(true);

    // The next night: a new month of eIndkomst (one row bad, one person new to the warehouse), a correction that sorts between two
    // earlier files, a re-delivered Ungedata file with one row fewer, and a file that was only renamed.
    writeFileSync(
      join(inbox, 'employment', 'eindkomst_2024-04.csv'),
      'cpr;month;wage_hours;in_education\n150394-1233;2024-04;160;nej\n020701-4512;2024-13;1;nej\n010203-4321;2024-04;37;nej\n',
    );
    // Earlier than eindkomst_2024-02_rettelse.csv, so its 2024-02 row loses to that file's 86,0; its
    // 2024-01 row replaces the 1.034 hours of the first file; 311285-2210 now works in 2024-02, the start
    // month of a treatment episode and a month of a §85 decision.
    writeFileSync(
      join(inbox, 'employment', 'eindkomst_2024-01_rettelse.csv'),
      'cpr;month;wage_hours;in_education\n150394-1233;2024-02;50;nej\n311285-2210;2024-01;10;nej\n311285-2210;2024-02;120;nej\n',
    );
    const neet = readFileSync(join(inbox, 'neet', 'ungedata_2024.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    rmSync(join(inbox, 'neet', 'ungedata_2024.csv'));
    writeFileSync(join(inbox, 'neet', 'ungedata_2024_v2.csv'), `${neet.slice(0, -1).join('\n')}\n`);
    renameSync(
      join(inbox, 'sel85', 'afgoerelser_2024.csv'),
      join(inbox, 'sel85', 'afgoerelser_2024_kopi.csv'),
    );

    const personsBefore = await warehouseRows(
      first.out,
      'SELECT person_id, person_key FROM ingest.persons ORDER BY person_id',
    );
    const events: LogEvent[] = [];
    const second = await runInbox(inbox, {
      asOf: '2025-03-01',
      config: lolland(),
      out: first.out,
      reporter: { event: (e) => events.push(e) },
    });
    // The kept warehouse keeps every person's number, and the new person gets the next one.
    const personsAfter = await warehouseRows(
      second.out,
      'SELECT person_id, person_key FROM ingest.persons ORDER BY person_id',
    );
    expect(personsBefore).toHaveLength(5);
    expect(personsAfter.slice(0, personsBefore.length)).toEqual(personsBefore);
    expect(personsAfter).toHaveLength(6);
    expect(personsAfter.map((p) => (p as { person_id: number }).person_id)).toEqual(
      personsAfter.map((_, i) => i + 1),
    );
    const byFile = Object.fromEntries(second.manifest.inputs.map((i) => [i.file, i]));
    expect(byFile['employment/eindkomst_2024-04.csv']!.fromCache).toBeUndefined();
    expect(byFile['employment/eindkomst_2024-04.csv']!.rowsRejected).toBe(1);
    expect(byFile['employment/eindkomst_2024-01_rettelse.csv']!.fromCache).toBeUndefined();
    expect(byFile['neet/ungedata_2024_v2.csv']!.fromCache).toBeUndefined();
    expect(byFile['sel85/afgoerelser_2024_kopi.csv']!.fromCache).toBe(true);
    // Every other file is reused, survey answers included: the responses they are checked against did
    // not change.
    expect(
      second.manifest.inputs
        .filter((i) => i.fromCache)
        .map((i) => i.file)
        .sort(),
    ).toEqual(
      first.manifest.inputs
        .map((i) => i.file)
        .filter((f) => f !== 'neet/ungedata_2024.csv')
        .map((f) => (f === 'sel85/afgoerelser_2024.csv' ? 'sel85/afgoerelser_2024_kopi.csv' : f))
        .sort(),
    );
    const marts = events.filter((e) => e.event === 'mart').map((e) => e.message);
    expect(marts).toEqual([
      'marts.employment_person_month: beholdt fra forrige kørsel, 5 nøgler beregnet igen',
      'marts.neet_person_month: beholdt fra forrige kørsel, 4 nøgler beregnet igen',
      // 150394-1233's §85 months 2024-02 and 2024-04, 311285-2210's 2024-01 and 2024-02.
      'marts.sel85_person_month: beholdt fra forrige kørsel, 4 rækker opdateret',
      // F-902's start month (2024-02); every episode's has-data flags (2 episodes).
      'marts.treatment_episode: beholdt fra forrige kørsel, 3 rækker opdateret',
    ]);
    expect(
      await warehouseRows(
        second.out,
        'SELECT episode_id, employed_start FROM marts.treatment_episode ORDER BY episode_id',
      ),
    ).toEqual([
      { episode_id: 'F-881', employed_start: true },
      { episode_id: 'F-902', employed_start: true },
    ]);
    const employment = (await warehouseRows(
      second.out,
      "SELECT strftime(month, '%Y-%m') AS m, wage_hours::DOUBLE AS h, _file FROM staging.employment WHERE month <= DATE '2024-02-01' AND wage_hours > 5 ORDER BY m, h",
    )) as { m: string; h: number; _file: string }[];
    expect(employment).toEqual([
      { m: '2024-01', h: 10, _file: 'employment/eindkomst_2024-01_rettelse.csv' },
      { m: '2024-01', h: 37.5, _file: 'employment/eindkomst_2024-01_2024-03.csv' },
      { m: '2024-02', h: 12.5, _file: 'employment/eindkomst_2024-01_2024-03.csv' },
      { m: '2024-02', h: 86, _file: 'employment/eindkomst_2024-02_rettelse.csv' },
      { m: '2024-02', h: 120, _file: 'employment/eindkomst_2024-01_rettelse.csv' },
    ]);

    // Exactly what a full run from an empty warehouse publishes.
    const full = await runInbox(inbox, { asOf: '2025-03-01', config: lolland({ incremental: false }) });
    const strip = (m: typeof second.manifest) => m.inputs.map(({ fromCache: _, ...i }) => i);
    expect(strip(second.manifest)).toEqual(strip(full.manifest));
    expect(second.kpis.kpis.map((k) => k.series)).toEqual(full.kpis.kpis.map((k) => k.series));
    expect(second.manifest.warnings.map((w) => w.message).sort()).toEqual(
      full.manifest.warnings.map((w) => w.message).sort(),
    );
    for (const sql of MARTS) {
      expect(await warehouseRows(second.out, sql), sql).toEqual(await warehouseRows(full.out, sql));
    }
    const quarantine = (out: string) => {
      const dir = join(out, 'restricted', 'quarantine', 'employment');
      return readdirSync(dir)
        .sort()
        .map((f) => readFileSync(join(dir, f), 'utf8'));
    };
    expect(quarantine(second.out)).toEqual(quarantine(full.out));
    const contracts = (out: string) =>
      readdirSync(join(out, 'restricted', 'contracts'))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => readFileSync(join(out, 'restricted', 'contracts', f), 'utf8'));
    expect(contracts(second.out)).toHaveLength(2);
    expect(contracts(second.out)).toEqual(contracts(full.out));

    // A file rewritten in place (same name and size, new content and time) is read again.
    const april = join(inbox, 'employment', 'eindkomst_2024-04.csv');
    writeFileSync(april, readFileSync(april, 'utf8').replace(';160;', ';150;'));
    utimesSync(april, new Date(), new Date(Date.now() + 60_000));
    // A month later as-of date, too: open §85 decisions run one month longer, so that mart is rebuilt.
    const events3: LogEvent[] = [];
    const rewritten = await runInbox(inbox, {
      asOf: '2025-04-10',
      config: lolland(),
      out: first.out,
      reporter: { event: (e) => events3.push(e) },
    });
    expect(events3.filter((e) => e.event === 'mart').map((e) => e.message)).toEqual([
      'marts.employment_person_month: beholdt fra forrige kørsel, 2 nøgler beregnet igen',
      'marts.neet_person_month: beholdt fra forrige kørsel, 0 nøgler beregnet igen',
      'marts.sel85_person_month: bygget helt',
      'marts.treatment_episode: beholdt fra forrige kørsel, 2 rækker opdateret',
    ]);
    expect(
      rewritten.manifest.inputs.find((i) => i.file === 'employment/eindkomst_2024-04.csv')!.fromCache,
    ).toBeUndefined();
    expect(
      await warehouseRows(
        rewritten.out,
        "SELECT wage_hours::DOUBLE AS h FROM marts.employment_person_month WHERE month = DATE '2024-04-01' ORDER BY h",
      ),
    ).toEqual([{ h: 37 }, { h: 150 }]);

    // A run whose answers' responses change parses the answers again.
    const responses = join(inbox, 'survey_responses', 'kl_borger_2025-1.csv');
    writeFileSync(responses, `${readFileSync(responses, 'utf8').trimEnd()}\n`.replace(/\n$/, '\n\n'));
    const third = await runInbox(inbox, { asOf: '2025-03-01', out: first.out, config: lolland() });
    const answers = third.manifest.inputs.find((i) => i.extract === 'survey_answers')!;
    expect(answers.fromCache).toBeUndefined();
    const survey = (r: typeof third) =>
      r.kpis.kpis.filter((k) => k.id.startsWith('survey_')).map((k) => k.series);
    expect(survey(third)).toEqual(survey(full));
  });
});
