/**
 * The documentation a newcomer reads: a short README that links into docs/, docs whose generated
 * extract tables match the code, and nothing that points outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOCS_INBOX,
  DOCS_KPIS,
  LOLLAND_PACK,
  lollandPack,
  withKpiReference,
  withReference,
} from '../pipelines/docs.ts';

const ROOT = join(import.meta.dirname, '..');

describe('documentation', () => {
  it('the README is at most 250 lines and every page it links to exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    const links = [...readme.matchAll(/\]\(((?:docs\/)?[\w./-]+\.md)(#[\w-]+)?\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) expect(existsSync(join(ROOT, l)), l).toBe(true);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('docs/inbox.md has the extract tables of schemas/extracts.ts (npm run docs)', () => {
    const text = readFileSync(DOCS_INBOX, 'utf8');
    expect(text).toBe(withReference(text));
    expect(text).toContain('| `wage_hours` | decimal | yes | ≥ 0; ≤ 744 | `loentimer`, `løntimer` |');
  });

  it('docs/kpis.md has the national catalogue and the Lolland demo, each from the code (npm run docs)', () => {
    const text = readFileSync(DOCS_KPIS, 'utf8');
    expect(text).toBe(withKpiReference(text));
    const [national, lolland] = text.split('## Lolland');
    // The catalogue is national: no municipality's target or source text.
    expect(national).toContain(
      '| `neet_share` | `neet` | the first period | no target | yes | Danmarks Statistik og STAR',
    );
    expect(national).not.toMatch(/\| `jobfokus_success_share`/);
    // Lolland's (docs/sources.md): the strategy's −1 point a year until 2024 from 2020, and Jobfokus'
    // fixed 4 % baseline, from its configuration only.
    expect(lolland).toContain(
      '| `neet_share` | `neet` | 2020 | baseline −1 percentage points a year up to 2024, held after | yes | Lolland Kommune',
    );
    expect(lolland).toContain(
      '| `jobfokus_success_share` | `enrollment`, `employment` | 2026-H1, 4.0 % (fixed) |',
    );
  });

  it("the lolland pack holds the demo municipality's configuration (npm run docs)", () => {
    expect(JSON.parse(readFileSync(LOLLAND_PACK, 'utf8'))).toEqual(JSON.parse(lollandPack()));
  });

  it('no tracked file refers to a folder outside the repository', () => {
    let files: string[];
    try {
      files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    } catch {
      return; // not a git checkout (an unpacked archive): nothing to list
    }
    const outside = files
      .filter((f) => f !== 'package-lock.json' && existsSync(join(ROOT, f)))
      .filter((f) =>
        /\.\.\/shared|shared\/(examples|spec|seeds)/.test(readFileSync(join(ROOT, f), 'latin1')),
      );
    expect(outside).toEqual([]);
  });
});
