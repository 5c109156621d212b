/**
 * The packs in examples/: each is a municipality's configuration, a small synthetic inbox and the
 * figures computed by hand (expected.json, with why). Every pack runs as an analyst would run it, and
 * its published figures, quarantine count and report texts are checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExpectedKpi, expectKpis } from './expected.ts';
import { runInbox, tempDir } from './helpers.ts';

interface Expected {
  asOf: string;
  kpis: Record<string, ExpectedKpi>;
  rejectedRows?: number;
  /** Texts a published file must contain, by its path under --out. */
  contains?: Record<string, string[]>;
}

const PACKS = join(import.meta.dirname, '..', 'examples');

describe.each(readdirSync(PACKS).filter((p) => existsSync(join(PACKS, p, 'expected.json'))))(
  'pack %s',
  (name) => {
    const dir = join(PACKS, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    it('publishes the hand-computed figures', async () => {
      // The inbox is generated (examples/<pack>/generate.ts): no CPR-like number is kept in the repository.
      const inbox = await tempDir('kpi-pack-');
      const { writeInbox } = (await import(join(dir, 'generate.ts'))) as {
        writeInbox(dir: string): Promise<void>;
      };
      await writeInbox(inbox);
      const { kpis, manifest, out } = await runInbox(inbox, {
        asOf: expected.asOf,
        configFile: join(dir, 'kpi.config.json'),
      });
      expect(kpis.kpis.map((k) => k.id).sort()).toEqual(Object.keys(expected.kpis).sort());
      expectKpis(kpis, expected.kpis);
      if (expected.rejectedRows !== undefined)
        expect(manifest.totals.rowsRejected).toBe(expected.rejectedRows);
      for (const [file, texts] of Object.entries(expected.contains ?? {})) {
        const text = readFileSync(join(out, file), 'utf8');
        for (const s of texts) expect(text, `${file}: ${s}`).toContain(s);
      }
      expect(manifest.warnings.filter((w) => w.code === 'municipality_not_configured')).toEqual([]);
    });
  },
);
