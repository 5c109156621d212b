/**
 * Beskæftigelsesministeriets rangliste (the minutes of 12 August 2025, item 4) as the built-in extract
 * `rangliste`: test/fixtures/rangliste holds 98 municipalities on three lists and four benefit groups
 * (generate.py says how it was made). The first file gives the ministry's ranks; the second
 * (2024-H2) gives none, so those are computed from actual − expected.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiEntry, KpisJson, Manifest, RanglisteJson } from '../schemas/outputs.ts';
import { runInbox, tempDir } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'rangliste');
const LOLLAND = { municipality: { code: '360', name: 'Lolland Kommune' } };

/** A KPI's values by series and list: { total: { '2023-H2': 60, … }, 'A-dagpenge': { … } }. */
function bySeries(k: KpiEntry): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const p of k.series) {
    const series = p.breakdown?.benefit_group ?? 'total';
    out[series] ??= {};
    out[series]![p.period] = p.value;
  }
  return out;
}

describe('the ranking list reproduces the committee’s table for Lolland', () => {
  let kpis: KpisJson;
  let list: RanglisteJson;
  let manifest: Manifest;

  beforeAll(async () => {
    const r = await runInbox(join(FIXTURE, 'inbox'), {
      asOf: '2025-08-12',
      configFile: join(FIXTURE, 'kpi.config.json'),
    });
    kpis = r.kpis;
    manifest = r.manifest;
    list = JSON.parse(readFileSync(join(r.out, 'public', 'rangliste.json'), 'utf8')) as RanglisteJson;
  });

  it('loads every row, with the Danish period and benefit-group spellings', () => {
    const inputs = manifest.inputs.filter((i) => i.extract === 'rangliste');
    expect(inputs.map((i) => [i.file, i.rowsRead, i.rowsLoaded, i.rowsRejected])).toEqual([
      ['rangliste/rangliste_2023-2024H1.csv', 784, 784, 0],
      ['rangliste/rangliste_2024H2.csv', 392, 392, 0],
    ]);
  });

  it('places Lolland 60, 64, 40 overall and per benefit group as the seed’s table', () => {
    const k = kpis.kpis.find((x) => x.id === 'rangliste_placering')!;
    expect(bySeries(k)).toEqual({
      total: { '2023-H2': 60, '2024-H1': 64, '2024-H2': 40 },
      'A-dagpenge': { '2023-H2': 59, '2024-H1': 56, '2024-H2': 44 },
      Sygedagpenge: { '2023-H2': 40, '2024-H1': 43, '2024-H2': 36 },
      Kontanthjælp: { '2023-H2': 72, '2024-H1': 72, '2024-H2': 59 },
    });
    expect(k.unit).toBe('rank');
    expect(k.direction).toBe('decrease');
  });

  it('has actual − expected from +0.1 to 0.0 points, judged against "as expected or better"', () => {
    const k = kpis.kpis.find((x) => x.id === 'rangliste_forskel')!;
    const total = k.series.filter((p) => !p.breakdown);
    expect(total.map((p) => [p.period, p.value, p.target, p.status])).toEqual([
      ['2023-H2', 1.35, 0, 'off_track'],
      ['2024-H1', 0.1, 0, 'off_track'],
      ['2024-H2', 0, 0, 'on_track'],
    ]);
    expect(bySeries(k)['A-dagpenge']!['2024-H2']).toBe(-0.05);
    expect(bySeries(k).Sygedagpenge!['2024-H2']).toBe(-0.12);
    expect(bySeries(k).Kontanthjælp!['2024-H2']).toBe(0.31);
    expect(k.status).toBe('on_track');
  });

  it('ranks Lolland 22nd on the list of the most improved', () => {
    const k = kpis.kpis.find((x) => x.id === 'hoejdespringer_placering')!;
    expect(bySeries(k).total).toEqual({ '2024-H1': 58, '2024-H2': 22 });
  });

  it('publishes every municipality’s rank, difference and højdespringer rank per list', () => {
    expect(list.rows).toHaveLength(3 * 4 * 98);
    for (const period of ['2023-H2', '2024-H1', '2024-H2']) {
      for (const group of ['samlet', 'a_dagpenge', 'sygedagpenge', 'kontanthjaelp']) {
        const rows = list.rows.filter((r) => r.listPeriod === period && r.benefitGroup === group);
        expect(rows.map((r) => r.rank).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 98 }, (_, i) => i + 1),
        );
        // The ranks the file gave, and the ones computed where it gave none.
        expect(new Set(rows.map((r) => r.rankComputed))).toEqual(new Set([period === '2024-H2']));
      }
    }
    const lolland = list.rows.find(
      (r) => r.listPeriod === '2024-H2' && r.benefitGroup === 'samlet' && r.municipality === '360',
    )!;
    expect(lolland).toEqual(
      expect.objectContaining({
        municipalityName: 'Lolland',
        difference: 0,
        rank: 40,
        comparedWithPeriod: '2024-H1',
        hoejdespringerRank: 22,
      }),
    );
    expect(lolland.improvement).toBeCloseTo(0.1, 12);
  });
});

describe('a ranking list rejected whole', () => {
  it('holds back the three KPIs and rangliste.json at their previous publication', async () => {
    const inbox = await tempDir('kpi-rl-hold-');
    cpSync(join(FIXTURE, 'inbox'), inbox, { recursive: true });
    const out = await tempDir('kpi-rl-hold-out-');
    const opts = { asOf: '2025-08-12', configFile: join(FIXTURE, 'kpi.config.json'), out };
    await runInbox(inbox, opts);
    const before = readFileSync(join(out, 'public', 'rangliste.json'), 'utf8');
    // The 2024-H2 list is delivered again without its expected column.
    writeFileSync(
      join(inbox, 'rangliste', 'rangliste_2024H2.csv'),
      'Periode;Kommunekode;Ydelsesgruppe;Faktisk\n1. halvår 2024 – 2. halvår 2024;360;Samlet;18,02\n',
    );
    const { manifest, kpis } = await runInbox(inbox, opts);
    expect(manifest.heldBack.map((h) => `${h.kind} ${h.id}`).sort()).toEqual([
      'kpi hoejdespringer_placering',
      'kpi rangliste_forskel',
      'kpi rangliste_placering',
      'list rangliste',
    ]);
    expect(kpis.kpis.find((k) => k.id === 'rangliste_placering')!.latest?.value).toBe(40);
    expect(readFileSync(join(out, 'public', 'rangliste.json'), 'utf8')).toBe(before);
  });
});

describe('ranks computed from the file, ties and the year-earlier comparison', () => {
  /** One benefit group, four municipalities, three lists; no rank column. */
  const FILE = [
    'list_period;municipality;benefit_group;expected_pct;actual_pct',
    // 2023-H2: differences 0.5, 0.2, 0.2, -0.1
    '2023-H2;101;samlet;10,0;10,5',
    '2023-H2;360;samlet;10,0;10,2',
    '2023-H2;461;samlet;10,0;10,2',
    '2023-H2;751;samlet;10,0;9,9',
    // 2024-H1: 0.1, 0.3, 0.0, 0.0
    '2024-H1;101;samlet;10,0;10,1',
    '2024-H1;360;samlet;10,0;10,3',
    '2024-H1;461;samlet;10,0;10,0',
    '2024-H1;751;samlet;10,0;10,0',
    // 2024-H2: 0.0, 0.0, 0.4, -0.3, and a period no one can read
    '2. halvår 2024;101;Samlet;10,0;10,0',
    '2. halvår 2024;360;SAMLET;10,0;10,0',
    '2. halvår 2024;461;samlet;10,0;10,4',
    '2. halvår 2024;751;samlet;10,0;9,7',
    'efteråret 2024;860;samlet;10,0;9,7',
  ].join('\n');

  async function run(comparedWith?: 'previous' | 'year') {
    const inbox = await tempDir('kpi-rl-');
    await mkdir(join(inbox, 'rangliste'));
    await writeFile(join(inbox, 'rangliste', 'liste.csv'), `${FILE}\n`);
    const config = { ...LOLLAND, ...(comparedWith ? { rangliste: { comparedWith } } : {}) };
    const r = await runInbox(inbox, { asOf: '2025-08-12', config });
    const list = JSON.parse(readFileSync(join(r.out, 'public', 'rangliste.json'), 'utf8')) as RanglisteJson;
    const at = (period: string, field: 'rank' | 'hoejdespringerRank') =>
      Object.fromEntries(
        list.rows.filter((x) => x.listPeriod === period).map((x) => [x.municipality, x[field]]),
      );
    return { ...r, at };
  }

  it('gives tied municipalities the same rank and the next one the rank after them', async () => {
    const { at, manifest } = await run();
    expect(at('2023-H2', 'rank')).toEqual({ '751': 1, '360': 2, '461': 2, '101': 4 });
    expect(at('2024-H1', 'rank')).toEqual({ '461': 1, '751': 1, '101': 3, '360': 4 });
    expect(at('2024-H2', 'rank')).toEqual({ '751': 1, '101': 2, '360': 2, '461': 4 });
    // Improvement on the previous list: 101 +0.1, 360 +0.3, 461 −0.4, 751 +0.3.
    expect(at('2024-H2', 'hoejdespringerRank')).toEqual({ '360': 1, '751': 1, '101': 3, '461': 4 });
    expect(at('2023-H2', 'hoejdespringerRank')).toEqual({
      '101': null,
      '360': null,
      '461': null,
      '751': null,
    });
    expect(manifest.totals.rowsRejected).toBe(1);
  });

  it('compares with the list a year before when configured', async () => {
    const { at, kpis } = await run('year');
    // 2024-H2 against 2023-H2: 101 +0.5, 360 +0.2, 461 −0.2, 751 +0.2.
    expect(at('2024-H2', 'hoejdespringerRank')).toEqual({ '101': 1, '360': 2, '751': 2, '461': 4 });
    expect(at('2024-H1', 'hoejdespringerRank')).toEqual({
      '101': null,
      '360': null,
      '461': null,
      '751': null,
    });
    const k = kpis.kpis.find((x) => x.id === 'hoejdespringer_placering')!;
    expect(k.series.map((p) => [p.period, p.value])).toEqual([['2024-H2', 2]]);
  });
});
