/**
 * The trust decision without a pipeline run (guard/trust.ts, guard/volumes.ts, guard/reasons.ts,
 * guard/overrides.ts, run/stages/trust.ts, run/artifacts.ts, publish/lists.ts): each rule on figures
 * worked out by hand, and the exact words an analyst reads. test/trust-stage.test.ts proves the same
 * rules end to end; these run in milliseconds, so a mutation run (docs/testing.md) learns quickly.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions, parseConfig } from '../pipelines/config.ts';
import { SQL_DIR } from '../pipelines/core/paths.ts';
import { lollandConfig } from '../pipelines/demo/lolland.ts';
import { Db } from '../pipelines/duckdb.ts';
import { EXTRACT_SPECS } from '../pipelines/extracts/spec.ts';
import { fileOverrides } from '../pipelines/guard/overrides.ts';
import { heldBackOf, holdText, manifestHold, reasonText } from '../pipelines/guard/reasons.ts';
import {
  type Artifact,
  decideTrust,
  heldIn,
  type Reason,
  type TrustInput,
} from '../pipelines/guard/trust.ts';
import { extractVolumes, volumeDrops, volumeGrowth } from '../pipelines/guard/volumes.ts';
import { FILES_TABLE } from '../pipelines/ingest/registry.ts';
import { LISTS, listRows } from '../pipelines/publish/lists.ts';
import { declareArtifacts, ownsFile } from '../pipelines/run/artifacts.ts';
import type { RunSetup } from '../pipelines/run/context.ts';
import { decideNight, trustStage } from '../pipelines/run/stages/trust.ts';
import type { Config } from '../schemas/config.ts';
import { type InputFile, SCHEMA_VERSION, type Warning } from '../schemas/outputs.ts';

const file = (extract: string, name: string, over: Partial<InputFile> = {}): InputFile => ({
  extract,
  file: `${extract}/${name}`,
  sha256: 'x',
  status: 'loaded',
  rowsRead: 10,
  rowsLoaded: 10,
  rowsRejected: 0,
  rowsSkipped: 0,
  encoding: 'utf-8',
  delimiter: ';',
  decimal: ',',
  extraColumns: [],
  ...over,
});

const kpi = (id: string, reads: string[]): Artifact => ({ kind: 'kpi', id, reads, files: [] });

function input(over: Partial<TrustInput> = {}): TrustInput {
  return {
    inputs: [file('employment', 'a.csv'), file('cafe', 'c.csv')],
    delivered: ['employment', 'cafe'],
    volumes: { employment: { '2025-01': 100, '2025-02': 100 }, cafe: { all: 50 } },
    previous: {
      volumes: { employment: { '2025-01': 100, '2025-02': 100 }, cafe: { all: 50 } },
      asOfMonth: '2025-03',
      has: () => true,
    },
    tolerance: 0.1,
    artifacts: [kpi('jobs', ['employment']), kpi('cafe_visits', ['cafe'])],
    allowPartial: false,
    ...over,
  };
}

describe('volumes: a fall or a growth is judged in whole rows against the tolerance', () => {
  const prev = { e: { '2025-01': 100, '2025-02': 40 }, t: { all: 10 } };

  it('has no drop without a previous run, and none exactly at the tolerance', () => {
    expect(volumeDrops({ e: { '2025-01': 1 } }, undefined, 0.1)).toEqual([]);
    expect(volumeDrops({ e: { '2025-01': 90, '2025-02': 36 }, t: { all: 9 } }, prev, 0.1)).toEqual([]);
  });

  it('names each month that fell beyond it, a month gone as 0 and an extract gone whole', () => {
    expect(volumeDrops({ e: { '2025-01': 89, '2025-02': 40 }, t: { all: 10 } }, prev, 0.1)).toEqual([
      { extract: 'e', month: '2025-01', previous: 100, current: 89 },
    ]);
    expect(volumeDrops({ e: { '2025-01': 100 } }, prev, 0.1)).toEqual([
      { extract: 'e', month: '2025-02', previous: 40, current: 0 },
      { extract: 't', month: 'all', previous: 10, current: 0 },
    ]);
  });

  it('at tolerance 0 any fall is a drop, and no change is none', () => {
    expect(volumeDrops({ e: { '2025-01': 100, '2025-02': 40 }, t: { all: 10 } }, prev, 0)).toEqual([]);
    expect(volumeDrops({ e: { '2025-01': 99, '2025-02': 41 }, t: { all: 10 } }, prev, 0)).toEqual([
      { extract: 'e', month: '2025-01', previous: 100, current: 99 },
    ]);
  });

  it('a growth counts only in a month complete before the previous as-of month, beyond the tolerance', () => {
    const before = { e: { '2025-01': 100, '2025-02': 40, '2025-03': 5, '2025-04': 0 }, t: { all: 10 } };
    const now = { e: { '2025-01': 200, '2025-02': 81, '2025-03': 50, '2025-04': 9 }, t: { all: 99 } };
    expect(volumeGrowth(now, before, 1, '2025-03')).toEqual([
      { extract: 'e', month: '2025-02', previous: 40, current: 81 },
    ]);
    expect(volumeGrowth(now, before, 1, undefined)).toEqual([]);
    expect(volumeGrowth(now, undefined, 1, '2025-03')).toEqual([]);
    expect(volumeGrowth({}, before, 1, '2025-03')).toEqual([]);
    // A month that had no rows before has no rate of growth: it is a new delivery, not a doubling.
    expect(volumeGrowth({ e: { '2024-12': 9 } }, { e: { '2024-12': 0 } }, 1, '2025-03')).toEqual([]);
    expect(volumeGrowth(now, before, 0.5, '2025-04').map((g) => g.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
  });
});

describe('volumes: what the warehouse holds', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(':memory:');
    await db.run(`CREATE SCHEMA marts; CREATE SCHEMA staging;
      CREATE TABLE marts.data_months AS SELECT * FROM (VALUES
        ('employment', DATE '2025-01-01', 3), ('employment', DATE '2025-01-01', 2),
        ('employment', DATE '2025-02-01', 4), ('neet', DATE '2025-02-01', 7)) t(extract, month, rows);
      CREATE TABLE staging.tariffs AS SELECT range AS x FROM range(6);
      CREATE TABLE staging.cafe AS SELECT range AS x FROM range(0);`);
  });
  afterAll(() => db.close());

  it('counts rows per extract and month, and in all for an extract without months', async () => {
    expect(await extractVolumes(db, ['employment', 'tariffs', 'cafe'])).toEqual({
      employment: { '2025-01': 5, '2025-02': 4 },
      neet: { '2025-02': 7 },
      tariffs: { all: 6 },
      cafe: { all: 0 },
    });
  });
});

describe('the decision: what cannot be trusted, and what it holds back', () => {
  it('trusts a night like the last, and holds nothing', () => {
    const d = decideTrust(input());
    expect(d.reasons).toEqual([]);
    expect(d.holds).toEqual([]);
    expect(d.wouldHold).toEqual([]);
  });

  it('a file rejected whole is its extract’s reason, once, with its message; a drop beside it adds none', () => {
    const d = decideTrust(
      input({
        inputs: [
          file('employment', 'a.csv', { status: 'rejected', message: 'ugyldig' }),
          file('cafe', 'c.csv'),
        ],
        volumes: { employment: { '2025-01': 0, '2025-02': 0 }, cafe: { all: 50 } },
      }),
    );
    expect(d.reasons).toEqual([
      { kind: 'rejected', extract: 'employment', files: ['employment/a.csv'], message: 'ugyldig' },
    ]);
    expect(d.holds).toEqual([
      { kind: 'kpi', id: 'jobs', reasons: d.reasons, files: ['employment/a.csv'], carried: true },
    ]);
  });

  it('a folder not delivered is missing; delivered with nothing read it is empty; else it shrank', () => {
    const gone = decideTrust(
      input({ delivered: ['cafe'], inputs: [file('cafe', 'c.csv')], volumes: { cafe: { all: 50 } } }),
    );
    expect(gone.reasons).toEqual([
      { kind: 'folder_missing', extract: 'employment', files: ['employment/'], previousRows: 200 },
    ]);
    const empty = decideTrust(
      input({
        inputs: [file('employment', 'a.csv', { status: 'empty', rowsLoaded: 0 }), file('cafe', 'c.csv')],
        volumes: { employment: { '2025-01': 0 }, cafe: { all: 50 } },
      }),
    );
    expect(empty.reasons).toEqual([
      { kind: 'folder_empty', extract: 'employment', files: ['employment/'], previousRows: 200 },
    ]);
    // A file whose every row was quarantined loaded nothing: the folder holds no rows, as if empty.
    const quarantined = decideTrust(
      input({
        inputs: [file('employment', 'a.csv', { rowsLoaded: 0, rowsRejected: 10 }), file('cafe', 'c.csv')],
        volumes: { employment: { '2025-01': 0, '2025-02': 0 }, cafe: { all: 50 } },
      }),
    );
    expect(quarantined.reasons.map((r) => r.kind)).toEqual(['folder_empty']);
    // Rows were loaded, but none counts in a month (all outside the KPIs' months): a fall, not an empty folder.
    const read = decideTrust(
      input({ volumes: { employment: { '2025-01': 0, '2025-02': 0 }, cafe: { all: 50 } } }),
    );
    expect(read.reasons.map((r) => r.kind)).toEqual(['shrank']);
    // Nothing read this night, but rows left in some month: a fall too.
    const some = decideTrust(
      input({
        inputs: [file('employment', 'a.csv', { rowsLoaded: 0 }), file('cafe', 'c.csv')],
        volumes: { employment: { '2025-01': 100, '2025-02': 0 }, cafe: { all: 50 } },
      }),
    );
    expect(some.reasons).toEqual([
      {
        kind: 'shrank',
        extract: 'employment',
        files: ['employment/'],
        drops: [{ extract: 'employment', month: '2025-02', previous: 100, current: 0 }],
      },
    ]);
  });

  it('a month complete before grows beyond the growth tolerance (1 by default); a fallen extract says only that', () => {
    const grew = decideTrust(
      input({ volumes: { employment: { '2025-01': 201, '2025-02': 100 }, cafe: { all: 50 } } }),
    );
    expect(grew.reasons).toEqual([
      {
        kind: 'grew',
        extract: 'employment',
        files: ['employment/'],
        drops: [{ extract: 'employment', month: '2025-01', previous: 100, current: 201 }],
        tolerance: 1,
      },
    ]);
    const tight = decideTrust(
      input({
        growthTolerance: 0.5,
        volumes: { employment: { '2025-01': 151, '2025-02': 100 }, cafe: { all: 50 } },
      }),
    );
    expect(tight.reasons.map((r) => [r.kind, r.tolerance])).toEqual([['grew', 0.5]]);
    // A reason of another extract does not hide a growth.
    const other = decideTrust(
      input({
        inputs: [file('employment', 'a.csv'), file('cafe', 'c.csv', { status: 'rejected' })],
        volumes: { employment: { '2025-01': 201, '2025-02': 100 }, cafe: { all: 50 } },
      }),
    );
    expect(other.reasons.map((r) => `${r.kind} ${r.extract}`)).toEqual(['rejected cafe', 'grew employment']);
    const both = decideTrust(
      input({ volumes: { employment: { '2025-01': 300, '2025-02': 10 }, cafe: { all: 50 } } }),
    );
    expect(both.reasons.map((r) => r.kind)).toEqual(['shrank']);
  });

  it('holds back only what can be held, each artifact once with its files, carried or a first run', () => {
    const artifacts: Artifact[] = [
      kpi('jobs', ['employment']),
      kpi('both', ['employment', 'cafe']),
      { kind: 'list', id: 'tariff_alerts', reads: ['cafe'], files: [] },
      { kind: 'contract', id: 'jobfokus', reads: ['employment'], files: [] },
      { kind: 'report', id: 'reports', reads: ['employment', 'cafe'], files: [] },
      { kind: 'table', id: 'kpis', reads: ['employment'], files: [] },
      { kind: 'warehouse', id: 'warehouse', reads: ['cafe'], files: [] },
    ];
    const d = decideTrust(
      input({
        inputs: [
          file('employment', 'a.csv', { status: 'rejected' }),
          file('employment', 'b.csv', { status: 'rejected' }),
          file('cafe', 'c.csv', { status: 'rejected' }),
        ],
        artifacts,
        previous: { has: (kind, id) => kind === 'kpi' && id === 'jobs' },
      }),
    );
    expect(d.holds.map((h) => [h.kind, h.id, h.files, h.carried])).toEqual([
      ['kpi', 'jobs', ['employment/a.csv', 'employment/b.csv'], true],
      ['kpi', 'both', ['employment/a.csv', 'employment/b.csv', 'cafe/c.csv'], false],
      ['list', 'tariff_alerts', ['cafe/c.csv'], false],
      ['contract', 'jobfokus', ['employment/a.csv', 'employment/b.csv'], false],
    ]);
    expect(heldIn(d, 'list', 'tariff_alerts')?.id).toBe('tariff_alerts');
    expect(heldIn(d, 'kpi', 'tariff_alerts')).toBeUndefined();
    expect(heldIn(d, 'contract', 'jobs')).toBeUndefined();
    // Without a previous publication nothing is carried.
    const first = decideTrust(
      input({ previous: undefined, inputs: [file('cafe', 'c.csv', { status: 'rejected' })] }),
    );
    expect(first.holds.map((h) => [h.id, h.carried])).toEqual([['cafe_visits', false]]);
  });

  it('the next night compares with the last accepted volumes of what was held, and with this night’s of the rest', () => {
    const volumes = { employment: { '2025-01': 10, '2025-02': 100 }, cafe: { all: 55 } };
    const held = decideTrust(input({ volumes }));
    expect(held.volumes).toEqual({ employment: { '2025-01': 100, '2025-02': 100 }, cafe: { all: 55 } });
    // Published anyway (allowPartial): the night's volumes are the new ones, and nothing is held.
    const partial = decideTrust(input({ volumes, allowPartial: true }));
    expect(partial.holds).toEqual([]);
    expect(partial.wouldHold.map((h) => h.id)).toEqual(['jobs']);
    expect(partial.volumes).toEqual(volumes);
    // A rejected extract that the previous run had not read keeps tonight's.
    const fresh = decideTrust(
      input({
        inputs: [
          file('employment', 'a.csv'),
          file('cafe', 'c.csv'),
          file('tariffs', 't.csv', { status: 'rejected' }),
        ],
        volumes: { ...input().volumes, tariffs: { all: 0 } },
        artifacts: [kpi('t', ['tariffs'])],
      }),
    );
    expect(fresh.volumes.tariffs).toEqual({ all: 0 });
  });
});

describe('the words: each reason says what happened', () => {
  const drops = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      extract: 'neet',
      month: `2025-0${i + 1}`,
      previous: 1234,
      current: 0,
    }));

  it('in Danish, with the file, the folder, the months and the rows', () => {
    expect(
      reasonText({ kind: 'rejected', extract: 'cafe', files: ['cafe/c.csv'], message: 'binær fil' }, 0.1),
    ).toBe('cafe/c.csv blev afvist helt: binær fil');
    expect(reasonText({ kind: 'rejected', extract: 'cafe', files: ['cafe/c.csv'] }, 0.1)).toBe(
      'cafe/c.csv blev afvist helt: filen kunne ikke læses',
    );
    expect(
      reasonText(
        { kind: 'rejected', extract: 'cafe', files: ['cafe/c.csv'], message: 'linje 2: 010203-1234' },
        0.1,
      ),
    ).not.toContain('010203-1234');
    expect(
      reasonText({ kind: 'folder_missing', extract: 'neet', files: ['neet/'], previousRows: 1234 }, 0.1),
    ).toBe('mappen inbox/neet mangler, men forrige offentliggjorte kørsel læste 1.234 af dens rækker');
    expect(reasonText({ kind: 'folder_empty', extract: 'neet', files: ['neet/'] }, 0.1)).toBe(
      'mappen inbox/neet er tom, men forrige offentliggjorte kørsel læste 0 af dens rækker',
    );
    expect(reasonText({ kind: 'folder_missing', extract: 'neet', files: ['neet/'] }, 0.1)).toContain(
      'læste 0 af',
    );
  });

  it('a fall names three months, then how many more; a growth its own tolerance', () => {
    expect(reasonText({ kind: 'shrank', extract: 'neet', files: ['neet/'], drops: drops(3) }, 0.25)).toBe(
      'neet er skrumpet med mere end 25 % i forhold til forrige offentliggjorte kørsel (rækker: 2025-01 0 mod 1.234, 2025-02 0 mod 1.234, 2025-03 0 mod 1.234); formentlig et afkortet udtræk',
    );
    expect(reasonText({ kind: 'shrank', extract: 'neet', files: ['neet/'], drops: drops(5) }, 0.1)).toContain(
      '2025-03 0 mod 1.234 og 2 måneder mere)',
    );
    expect(
      reasonText(
        {
          kind: 'shrank',
          extract: 'cafe',
          files: ['cafe/'],
          drops: [{ extract: 'cafe', month: 'all', previous: 9, current: 1 }],
        },
        0.1,
      ),
    ).toContain('(rækker: i alt 1 mod 9)');
    expect(reasonText({ kind: 'shrank', extract: 'neet', files: ['neet/'] }, 0.1)).toContain('(rækker: )');
    const grew = reasonText(
      { kind: 'grew', extract: 'neet', files: ['neet/'], drops: drops(1), tolerance: 1 },
      0.1,
    );
    expect(grew).toMatch(/^neet er vokset med mere end 100 % i en måned/);
    expect(grew).toContain('(rækker: 2025-01 0 mod 1.234)');
  });

  it('one reason reads as a sentence, several are numbered; then what stands', () => {
    const a: Reason = { kind: 'rejected', extract: 'cafe', files: ['cafe/c.csv'], message: 'x' };
    const b: Reason = { kind: 'folder_missing', extract: 'neet', files: ['neet/'], previousRows: 2 };
    const one = { kind: 'kpi' as const, id: 'k', reasons: [a], files: ['cafe/c.csv'], carried: true };
    expect(holdText(one, 0.1)).toBe(
      'cafe/c.csv blev afvist helt: x. Tallene fra forrige offentliggørelse står, til en leverance kan læses igen',
    );
    const two = { ...one, reasons: [a, b], files: ['cafe/c.csv', 'neet/'], carried: false };
    expect(holdText(two, 0.1)).toBe(
      '(1) cafe/c.csv blev afvist helt: x; (2) mappen inbox/neet mangler, men forrige offentliggjorte kørsel læste 2 af dens rækker. Første kørsel: der er ingen tidligere tal at holde fast i, så der offentliggøres ingen tal, før en leverance kan læses',
    );
    expect(heldBackOf(two, 0.1)).toEqual({ reason: holdText(two, 0.1), files: ['cafe/c.csv', 'neet/'] });
    expect(manifestHold(two, 0.1)).toEqual({
      kind: 'kpi',
      id: 'k',
      reason: holdText(two, 0.1),
      files: ['cafe/c.csv', 'neet/'],
      carried: false,
    });
  });
});

describe('the trust stage: run and check decide alike', () => {
  const config = (over: Partial<Config> = {}): Config => ({
    ...parseConfig({}),
    volumeDropTolerance: 0.1,
    ...over,
  });
  const night = (over: Partial<Config> = {}, previousVolumes = input().previous!.volumes) => ({
    config: config(over),
    inputs: input().inputs,
    delivered: input().delivered,
    volumes: { employment: { '2025-01': 50, '2025-02': 100 }, cafe: { all: 50 } },
    previous: {
      has: () => true,
      manifest: { volumes: previousVolumes, asOf: '2025-03-15' },
    },
    artifacts: input().artifacts,
  });

  it('reads the tolerance and the previous volumes from the configuration and the previous manifest', () => {
    const d = decideNight(night());
    expect(d.holds.map((h) => h.id)).toEqual(['jobs']);
    expect(d.warnings).toEqual([]);
    expect(decideNight(night({ volumeDropTolerance: 0.5 })).holds).toEqual([]);
    // The previous as-of month (2025-03, from its date) makes 2025-02 complete: a doubling there is a growth.
    const grown = decideNight({
      ...night({ volumeGrowthTolerance: 0.5 }),
      volumes: { employment: { '2025-01': 100, '2025-02': 151 }, cafe: { all: 50 } },
    });
    expect(grown.reasons.map((r) => [r.kind, r.tolerance])).toEqual([['grew', 0.5]]);
    expect(decideNight({ ...night(), previous: undefined }).holds).toEqual([]);
    // The as-of month itself was not complete then: it may grow as its deliveries arrive.
    const asOfMonth = decideNight({
      ...night({ volumeGrowthTolerance: 0.5 }, { employment: { '2025-03': 10 } }),
      volumes: { employment: { '2025-03': 100 } },
    });
    expect(asOfMonth.reasons).toEqual([]);
    // A previous manifest without an as-of date (an older one) compares falls only.
    const undated = decideNight({
      ...night(),
      volumes: { employment: { '2025-01': 500, '2025-02': 100 }, cafe: { all: 50 } },
      previous: { has: () => true, manifest: { volumes: input().previous!.volumes } },
    });
    expect(undated.reasons).toEqual([]);
  });

  it('with allowPartial it holds nothing and warns with what it would have held, and why', () => {
    const d = decideNight(night({ allowPartial: true }));
    expect(d.holds).toEqual([]);
    expect(d.warnings).toEqual([
      {
        code: 'partial_publish',
        message:
          'offentliggjort med --allow-partial: jobs ville ellers være holdt tilbage ved de forrige tal. employment er skrumpet med mere end 10 % i forhold til forrige offentliggjorte kørsel (rækker: 2025-01 50 mod 100); formentlig et afkortet udtræk. Tallene fra forrige offentliggørelse står, til en leverance kan læses igen',
      },
    ]);
    expect(decideNight({ ...night({ allowPartial: true }), volumes: input().volumes }).warnings).toEqual([]);
    const two = decideNight({
      ...night({ allowPartial: true }),
      volumes: { employment: { '2025-01': 50, '2025-02': 100 } },
    });
    expect(two.warnings[0]!.message).toMatch(
      /: jobs, cafe_visits ville .*udtræk\. Tallene .*igen \| cafe er skrumpet .*\(rækker: i alt 0 mod 50\)/,
    );
  });

  it('the stage adds the warnings to the run’s and tells each hold as an event', () => {
    const events: { stage: string; event: string; message?: string }[] = [];
    const warnings: Warning[] = [{ code: 'earlier', message: 'x' }];
    const n = night();
    const setup = {
      config: n.config,
      previous: n.previous,
      artifacts: n.artifacts,
      warnings,
      reporter: { event: (e: (typeof events)[number]) => events.push(e) },
    } as unknown as RunSetup;
    const ingested = { result: { inputs: n.inputs, delivered: n.delivered } } as never;
    const d = trustStage(setup, ingested, { volumes: n.volumes } as never);
    expect(d.holds.map((h) => h.id)).toEqual(['jobs']);
    expect(events).toEqual([
      {
        stage: 'trust',
        event: 'held',
        message: `jobs: ${holdText(d.holds[0]!, 0.1)}`,
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['earlier']);
    const partial = { ...setup, config: config({ allowPartial: true }) } as RunSetup;
    trustStage(partial, ingested, { volumes: n.volumes } as never);
    expect(warnings.map((w) => w.code)).toEqual(['earlier', 'partial_publish']);
  });
});

describe('every artifact declares what it reads', () => {
  const cfg = parseConfig(lollandConfig());

  it('a KPI reads its extracts and, with a benchmark target, survey_benchmarks; a list its extract; a contract its kind’s', () => {
    const a = declareArtifacts(cfg, kpiDefinitions(cfg));
    const by = (kind: string, id: string) => a.find((x) => x.kind === kind && x.id === id);
    expect(by('kpi', 'survey_satisfaction')?.reads).toContain('survey_benchmarks');
    expect(by('kpi', 'survey_response_rate')?.reads).not.toContain('survey_benchmarks');
    expect(by('kpi', 'survey_satisfaction')?.files).toEqual([
      'public/charts/survey_satisfaction.*',
      'public/charts/survey_satisfaction-*',
    ]);
    expect(by('list', 'tariff_alerts')).toEqual({
      kind: 'list',
      id: 'tariff_alerts',
      reads: ['tariffs'],
      files: ['public/tariff_alerts.json'],
    });
    expect(by('list', 'rangliste')?.reads).toEqual(['rangliste']);
    expect(by('contract', 'ungeloftet')?.reads.length).toBeGreaterThan(0);
    expect(by('contract', 'jobfokus')?.files).toEqual([
      'restricted/contracts/jobfokus.*',
      'restricted/charts/jobfokus.*',
    ]);
    // The files rebuilt from everything read everything: every extract any KPI, list or contract reads.
    const everything = new Set(
      a.filter((x) => x.kind === 'kpi' || x.kind === 'list' || x.kind === 'contract').flatMap((x) => x.reads),
    );
    for (const id of ['kpis', 'reports', 'sites', 'warehouse', 'quarantine', 'manifest'])
      expect(new Set(a.find((x) => x.id === id)!.reads), id).toEqual(everything);
    expect(a.find((x) => x.id === 'schemas')!.reads).toEqual([]);
    // What each of the rest is: rebuilt from what is published, read from nothing delivered, or the run's own.
    expect(
      a.filter((x) => !['kpi', 'list', 'contract'].includes(x.kind)).map((x) => `${x.kind} ${x.id}`),
    ).toEqual([
      'table kpis',
      'report reports',
      'report sites',
      'static schemas',
      'warehouse warehouse',
      'run quarantine',
      'run manifest',
    ]);
  });

  it('with --select, only the chosen KPIs and contracts, but every list, and the tables still read everything', () => {
    const all = declareArtifacts(cfg, kpiDefinitions(cfg));
    const some = declareArtifacts(cfg, kpiDefinitions(cfg), ['survey_satisfaction', 'ungeloftet']);
    expect(some.filter((x) => x.kind === 'kpi').map((x) => x.id)).toEqual(['survey_satisfaction']);
    expect(some.filter((x) => x.kind === 'contract').map((x) => x.id)).toEqual(['ungeloftet']);
    expect(some.filter((x) => x.kind === 'list').map((x) => x.id)).toEqual(['tariff_alerts', 'rangliste']);
    expect(some.find((x) => x.id === 'kpis')!.reads).toEqual(all.find((x) => x.id === 'kpis')!.reads);
  });

  it('a file pattern matches whole names: * within one name, ** across folders, a dot as a dot', () => {
    const a: Artifact = { kind: 'report', id: 'r', reads: [], files: ['public/kpis.*', 'public/site/**'] };
    expect(ownsFile(a, 'public/kpis.json')).toBe(true);
    expect(ownsFile(a, 'public/kpisXjson')).toBe(false);
    expect(ownsFile(a, 'public/kpis.json.tmp/x')).toBe(false);
    expect(ownsFile(a, 'x/public/kpis.json')).toBe(false);
    expect(ownsFile(a, 'public/site/a/b/index.html')).toBe(true);
    expect(ownsFile(a, 'public/sitemap.xml')).toBe(false);
    expect(ownsFile({ ...a, files: ['a+b.json'] }, 'a+b.json')).toBe(true);
    expect(ownsFile({ ...a, files: ['a+b.json'] }, 'aab.json')).toBe(false);
  });
});

describe('the lists beside kpis.json', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(':memory:');
    await db.run(`CREATE SCHEMA marts; CREATE TABLE marts.tariff_change AS SELECT * FROM (VALUES
      ('360', 'p2', 'B', 'privat', 'bo', 2025, 100.0, 120.0, 0.1, true),
      ('360', 'p1', 'A', 'kommunal', 'bo', 2025, 100.0, 101.0, 0.05, false)) t(municipality, provider_id,
      provider_name, ownership, service, year, previous_rate, rate, threshold, alert)`);
  });
  afterAll(() => db.close());

  it('a list not delivered has no rows; delivered, its query’s', async () => {
    const tariffs = LISTS.find((l) => l.id === 'tariff_alerts')!;
    expect(await listRows(db, tariffs, ['cafe'])).toEqual([]);
    const rows = (await listRows(db, tariffs, ['tariffs'])) as { providerId: string; increase: number }[];
    expect(rows.map((r) => r.providerId)).toEqual(['p2']);
    expect(rows[0]!.increase).toBeCloseTo(0.2, 12);
  });

  it('a list that reads two extracts has rows only when both were delivered', async () => {
    const both = { ...LISTS.find((l) => l.id === 'tariff_alerts')!, reads: ['tariffs', 'occupancy'] };
    expect(await listRows(db, both, ['tariffs'])).toEqual([]);
    expect(await listRows(db, both, ['tariffs', 'occupancy'])).toHaveLength(1);
  });

  it('each file carries the schema version, the as-of date, and the ranking list what it compares with', () => {
    const cfg = parseConfig({});
    const [tariffs, rangliste] = [LISTS[0]!, LISTS[1]!];
    expect(tariffs.json([{ a: 1 }], { asOf: '2026-01-01', config: cfg })).toEqual({
      schemaVersion: SCHEMA_VERSION,
      asOf: '2026-01-01',
      alerts: [{ a: 1 }],
    });
    expect(rangliste.json([], { asOf: '2026-01-01', config: cfg })).toEqual({
      schemaVersion: SCHEMA_VERSION,
      asOf: '2026-01-01',
      comparedWith: cfg.rangliste.comparedWith,
      rows: [],
    });
    expect(tariffs.schema.safeParse(tariffs.json([], { asOf: '2026-01-01', config: cfg })).success).toBe(
      true,
    );
  });
});

describe('overrides: which delivery replaced which', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(':memory:');
    await db.run(`CREATE SCHEMA meta; CREATE TABLE meta.config (key VARCHAR PRIMARY KEY, value VARCHAR);
      INSERT INTO meta.config VALUES ('municipality', '360'), ('as_of', '2025-06-01');
      CREATE TABLE meta.contract_param (contract VARCHAR, key VARCHAR, value VARCHAR)`);
    await db.run(readFileSync(new URL('macros.sql', SQL_DIR), 'utf8'));
    await db.run(`CREATE SCHEMA ingest; ${FILES_TABLE};
      INSERT INTO ingest.files (file_id, extract, file, file_seq) VALUES
        (1, 'cafe', 'cafe/jan.csv', 1), (2, 'cafe', 'cafe/ret.csv', 2),
        (3, 'tariffs', 'tariffs/a.csv', 1), (4, 'tariffs', 'tariffs/b.csv', 2),
        (5, 'employment', 'employment/a.csv', 1), (6, 'employment', 'employment/b.csv', 2);
      -- The café: the correction has 1 and 2 January (of which 2 January also in Guldborgsund's name).
      CREATE TABLE ingest.cafe AS SELECT * FROM (VALUES
        (1, DATE '2025-01-01', NULL), (1, DATE '2025-01-01', NULL), (1, DATE '2025-01-02', '360'),
        (1, DATE '2025-01-03', NULL), (2, DATE '2025-01-01', '360'), (2, DATE '2025-01-02', NULL),
        (2, DATE '2025-01-02', '376')) t(_file_id, date, municipality);
      CREATE TABLE ingest.tariffs AS SELECT * FROM (VALUES
        (3, 'p1', 'bo', 2025), (3, 'p2', 'bo', 2025), (4, 'p1', 'bo', 2025), (4, 'p1', 'bo', 2026))
        t(_file_id, provider_id, service, year);
      -- Employment: 2025-02, -03 and -04 are delivered by both files, but only (k1, 2025-02) twice: the
      -- same person in another month is no override.
      CREATE TABLE ingest.employment AS SELECT * FROM (VALUES
        (5, 'k1', DATE '2025-01-01'), (5, 'k1', DATE '2025-02-01'), (5, 'k2', DATE '2025-02-01'),
        (6, 'k1', DATE '2025-02-01'), (6, 'k1', DATE '2025-03-01'), (5, 'k3', DATE '2025-03-01'),
        (5, 'k4', DATE '2025-04-01'), (6, 'k3', DATE '2025-04-01'), (6, 'k4', DATE '2025-05-01'))
        t(_file_id, person_id, month);`);
  });
  afterAll(() => db.close());

  it('counts per pair of files the keys (and for the café the days and rows) the later one took over', async () => {
    const specs = [EXTRACT_SPECS.cafe, EXTRACT_SPECS.tariffs, EXTRACT_SPECS.employment];
    expect(await fileOverrides(db, specs)).toEqual([
      { extract: 'cafe', file: 'cafe/ret.csv', overrode: 'cafe/jan.csv', keys: 2, rows: 3 },
      { extract: 'tariffs', file: 'tariffs/b.csv', overrode: 'tariffs/a.csv', keys: 1 },
      { extract: 'employment', file: 'employment/b.csv', overrode: 'employment/a.csv', keys: 1 },
    ]);
  });
});
