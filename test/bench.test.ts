/** The benchmark runs end to end at a tiny size and reports well-formed figures (never asserted on time). */
import { describe, expect, it } from 'vitest';
import { benchmark, formatResult, formatScaling } from '../pipelines/bench/benchmark.ts';
import { STAGES, tempDir } from './helpers.ts';

describe('npm run bench', () => {
  it('generates, runs, measures the floor and reports every figure', async () => {
    const dir = await tempDir('kpi-bench-');
    const r = await benchmark({
      persons: 300,
      months: 24,
      asOf: '2026-11-22',
      dir,
      threads: 1,
      incremental: true,
    });
    expect(r.rowsTotal).toBeGreaterThan(1000);
    expect(r.rows.employment).toBeGreaterThan(0);
    expect(r.stages.map((s) => s.name)).toEqual(STAGES);
    for (const n of [
      r.runSeconds,
      r.floor.seconds,
      r.floor.readSeconds,
      r.ratio,
      r.rowsPerSecond,
      r.peakRssMiB,
      r.rss.mainMiB,
      r.rss.ingestWorkerMiB,
    ]) {
      expect(Number.isFinite(n) && n > 0).toBe(true);
    }
    expect(r.outputs.warehouseBytes).toBeGreaterThan(0);
    // The floor is DuckDB alone in memory unless asked otherwise; the sites have their time and size.
    expect(r.floor.kind).toBe('memory');
    expect(r.site.seconds).toBeGreaterThan(0);
    expect(r.site.publicBytes).toBeGreaterThan(100_000);
    // The next night: one new month of employment, timed per stage; only the new file is read.
    const next = r.incremental!;
    expect(next.newRows).toBeGreaterThan(0);
    expect(next.stages.map((s) => s.name)).toEqual(STAGES);
    expect(next.seconds).toBeGreaterThan(0);
    expect(next.shareOfFull).toBeCloseTo(next.seconds / r.runSeconds, 10);
    const text = formatResult(r);
    for (const s of [
      'extract',
      'stage',
      'run',
      'floor',
      'in memory',
      'ratio',
      'peak RSS',
      'site',
      'outputs',
      'next night',
    ])
      expect(text).toContain(s);
    expect(formatScaling([r, { ...r, rowsTotal: r.rowsTotal * 2 }])).toContain(
      '(1.00)'.replace('1.00', '0.50'),
    );
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
