/**
 * A quiet night (docs/performance.md): the same inbox, configuration and as-of date again. Nothing is
 * drawn again, and every output is the last publication's bytes, but for what names the run itself: its
 * id and its times, in the files that say which run they belong to. Three nights, so that the second and
 * the third compare alike (the first has no publication to compare with).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../pipelines/duckdb.ts';
import type { LogEvent } from '../pipelines/log.ts';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import { ungeloftetScenario } from './contract-scenarios.ts';
import { runInbox, tempDir, walk } from './helpers.ts';

/** Text the run writes about itself: its id, and when it started, was generated and published. */
const TEXT = /\.(json|csv|html|js|css|svg|md|txt)$/;
/** Binary files that carry the run id in their rows (the long table's run_id) or are the run's database. */
const NAMES_THE_RUN = ['public/kpis.parquet', 'public/kpis.arrow', 'restricted/warehouse.duckdb'];
/**
 * The run's own record: its manifest, the lists of runs and publications (one entry more a night), and the pointer of
 * a replaced publication to the one that replaced it (the first night's is set when the second is in).
 */
const RECORD = [
  'manifest.json',
  'restricted/site/history.html',
  'restricted/site/health.html',
  'public/site/assets/publication.js',
  'public/site/publications.html',
];

let out: string;
let runs: { id: string; dir: string; events: LogEvent[]; stamps: string[] }[] = [];

beforeAll(async () => {
  const inbox = await tempDir('kpi-quiet-in-');
  ungeloftetScenario(inbox, '2028-12');
  out = await tempDir('kpi-quiet-out-');
  runs = [];
  for (let night = 0; night < 3; night++) {
    const events: LogEvent[] = [];
    const r = await runInbox(inbox, {
      asOf: '2029-03-01',
      config: { minCell: 1, contracts: [JOBFOKUS, UNGELOFTET] },
      out,
      reporter: { event: (e) => events.push(e) },
    });
    const stamps = [r.kpis.generatedAt, r.manifest.startedAt, r.manifest.finishedAt];
    runs.push({ id: r.manifest.runId, dir: join(out, '.runs', r.manifest.runId), events, stamps });
  }
}, 120_000);

describe('a quiet night', () => {
  it('draws no chart again', () => {
    const charts = runs[2]!.events.find((e) => e.event === 'charts') as { drawn: number; kept: number };
    expect(charts.drawn).toBe(0);
    expect(charts.kept).toBeGreaterThan(10);
    expect((runs[0]!.events.find((e) => e.event === 'charts') as { drawn: number }).drawn).toBe(charts.kept);
  });

  it('tells how long the ingest worker took to start, within its night', () => {
    for (const r of runs) {
      const worker = r.events.find((e) => e.event === 'worker') as { startSeconds: number };
      const ingest = r.events.find((e) => e.stage === 'ingest' && e.event === 'done') as { seconds: number };
      expect(worker.startSeconds).toBeGreaterThan(0);
      expect(worker.startSeconds).toBeLessThan(ingest.seconds);
    }
  });

  it('leaves every output byte-identical but for the run’s id and times where a file names its run', () => {
    // The second night against the third: the first has nothing to compare with (its changes page).
    const [first, second] = [runs[1]!, runs[2]!];
    const files = (dir: string) =>
      walk(dir)
        .map((f) => relative(dir, f))
        .sort();
    expect(files(second.dir)).toEqual(files(first.dir));
    const changed: string[] = [];
    for (const path of files(second.dir)) {
      if (RECORD.includes(path)) continue;
      const [a, b] = [readFileSync(join(first.dir, path)), readFileSync(join(second.dir, path))];
      if (a.equals(b)) continue;
      changed.push(path);
      if (!TEXT.test(path)) continue;
      // Text that differs may differ only in the run's id and its times, and the previous run's id
      // where a page says what it compares with.
      let text = b.toString('utf8').replaceAll(first.id, runs[0]!.id).replaceAll(second.id, first.id);
      second.stamps.forEach((s, i) => {
        text = text.replaceAll(s, first.stamps[i]!);
      });
      // The restricted front page tells the night's stage times.
      const times = (x: string) => x.replace(/<td class="num">[\d,.]+ s<\/td>/g, '<td class="num">… s</td>');
      expect(times(text), path).toBe(times(a.toString('utf8')));
    }
    const binary = changed.filter((p) => !TEXT.test(p));
    expect(binary.sort()).toEqual([...NAMES_THE_RUN].sort());
    // The charts, the workbooks, the schemas and the lists are among the files kept byte for byte.
    const kept = files(second.dir).filter((p) => !changed.includes(p));
    for (const p of [
      'public/charts/neet_share.png',
      'public/charts/neet_share.svg',
      'public/kpis.xlsx',
      'restricted/contracts/ungeloftet.xlsx',
      'restricted/contracts/ungeloftet.json',
      'public/tariff_alerts.json',
    ])
      expect(kept, p).toContain(p);
  });

  it('the long table in Parquet differs only in its run_id column', async () => {
    const db = await Db.open(':memory:');
    try {
      const rows = (dir: string) =>
        db.all(`SELECT * EXCLUDE (run_id) FROM '${join(dir, 'public', 'kpis.parquet')}' ORDER BY ALL`);
      const [a, b] = [await rows(runs[1]!.dir), await rows(runs[2]!.dir)];
      expect(a.length).toBeGreaterThan(20);
      expect(b).toEqual(a);
    } finally {
      db.close();
    }
  });
});
