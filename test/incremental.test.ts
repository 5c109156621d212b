/**
 * Incremental nightly runs: files already loaded (same sha256) are not parsed again, and the outputs are
 * exactly those of a full parse.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHEABLE } from '../pipelines/ingest/cache.ts';
import { runInbox, tempDir } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, '..', 'shared', 'examples', 'inbox');

describe('incremental runs', () => {
  it('reuse unchanged files, parse only the new delivery, and publish what a full parse publishes', async () => {
    const inbox = await tempDir('kpi-inc-');
    cpSync(EXAMPLES, inbox, { recursive: true });
    const first = await runInbox(inbox, { asOf: '2025-03-01' });
    expect(first.manifest.inputs.every((i) => !i.fromCache)).toBe(true);
    // The next night: one new month of eIndkomst arrives.
    writeFileSync(
      join(inbox, 'employment', 'eindkomst_2024-04.csv'),
      'cpr;month;wage_hours;in_education\n150394-1233;2024-04;160;nej\n020701-4512;2024-13;1;nej\n',
    );
    const second = await runInbox(inbox, { asOf: '2025-03-01', out: first.out });
    const byFile = Object.fromEntries(second.manifest.inputs.map((i) => [i.file, i]));
    expect(byFile['employment/eindkomst_2024-04.csv']!.fromCache).toBeUndefined();
    // Every earlier file except survey answers, which are checked against the responses and always re-read.
    expect(
      second.manifest.inputs
        .filter((i) => i.fromCache)
        .map((i) => i.file)
        .sort(),
    ).toEqual(
      first.manifest.inputs
        .filter((i) => (CACHEABLE as string[]).includes(i.extract))
        .map((i) => i.file)
        .sort(),
    );
    expect(CACHEABLE).not.toContain('survey_answers');
    // Exactly what a fresh, full parse of the same inbox publishes.
    const full = await runInbox(inbox, { asOf: '2025-03-01', config: { incremental: false } });
    const strip = (m: typeof second.manifest) => m.inputs.map(({ fromCache: _, ...i }) => i);
    expect(strip(second.manifest)).toEqual(strip(full.manifest));
    expect(second.kpis.kpis.map((k) => k.series)).toEqual(full.kpis.kpis.map((k) => k.series));
    expect(second.manifest.warnings.map((w) => w.message).sort()).toEqual(
      full.manifest.warnings.map((w) => w.message).sort(),
    );
    const quarantine = (out: string) => {
      const dir = join(out, 'restricted', 'quarantine', 'employment');
      return readdirSync(dir)
        .sort()
        .map((f) => readFileSync(join(dir, f), 'utf8'));
    };
    expect(quarantine(second.out)).toEqual(quarantine(full.out));
  });
});
