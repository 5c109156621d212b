/**
 * Charts and reports: every chart rendered to SVG and PNG with Danish labels that really render; the
 * reports open offline in real headless Chromium with no console errors and drawn charts; a broken
 * notebook names itself; suppressed values never reach a public chart or report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Resvg } from '@resvg/resvg-js';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipelines/cli.ts';
import { parseConfig } from '../pipelines/config.ts';
import { FONT, FONT_FILES } from '../pipelines/core/vega.ts';
import { Db } from '../pipelines/duckdb.ts';
import { renderNotebooks } from '../pipelines/report/notebook.ts';
import { run } from '../pipelines/run.ts';
import type { KpisJson } from '../schemas/outputs.ts';
import { cli, runInbox, TEST_KEY, tempDir } from './helpers.ts';

const CHROMIUM = process.env.KPI_CHROMIUM ?? '/usr/bin/chromium';
const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

let out: string;
let kpis: KpisJson;
beforeAll(async () => {
  out = await tempDir('kpi-report-');
  const inbox = join(await tempDir('kpi-report-in-'), 'inbox');
  const code = await main(
    ['demo', '--out', out, '--inbox', inbox, '--as-of', '2026-11-22', '--quiet'],
    {},
    quiet(),
    quiet(),
  );
  expect(code).toBe(0);
  kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
});

/** Dark pixels in a rectangle of an RGBA buffer. */
function darkPixels(
  pixels: Buffer,
  width: number,
  box: { x: number; y: number; w: number; h: number },
): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! < 110 && pixels[i + 1]! < 110 && pixels[i + 2]! < 110) n++;
    }
  }
  return n;
}

describe('charts', () => {
  it('renders every KPI chart as .vl.json, .svg and .png', () => {
    const charts = join(out, 'public', 'charts');
    const names = readdirSync(charts)
      .filter((f) => f.endsWith('.vl.json'))
      .map((f) => f.replace('.vl.json', ''));
    expect(names.sort()).toEqual(kpis.kpis.map((k) => k.id).sort());
    for (const n of names) {
      expect(statSync(join(charts, `${n}.svg`)).size, n).toBeGreaterThan(2000);
      expect(statSync(join(charts, `${n}.png`)).size, n).toBeGreaterThan(10000);
    }
    expect(readdirSync(join(out, 'restricted', 'charts')).sort()).toEqual([
      'jobfokus.png',
      'jobfokus.svg',
      'jobfokus.vl.json',
      'ungeloftet.png',
      'ungeloftet.svg',
      'ungeloftet.vl.json',
    ]);
  });

  it('counts have whole-number ticks, every line style is in a legend, sources are named by title', () => {
    const svg = (dir: string, id: string) => readFileSync(join(out, dir, 'charts', `${id}.svg`), 'utf8');
    // The y axis of a small count: 0, 1, 2, 3, 4, never 4, 4, 3, 3, … (the labels of the Y axis).
    const alerts = svg('public', 'tariff_alerts');
    // The y axis is the axis group whose title is the count's ("Antal"); the SVG's marks carry no ARIA
    // (the chart is one image with a text alternative), so it is found by its title.
    const title = alerts.indexOf('>Antal<');
    const yAxis = alerts.slice(alerts.lastIndexOf('role-axis"', title), title);
    const axisLabels = yAxis.slice(yAxis.indexOf('role-axis-label'), yAxis.indexOf('role-axis-domain'));
    const labels = [...axisLabels.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((x) => x[1]!);
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.every((l) => /^\d+$/.test(l))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    // The legend names the lines: the series, the target (dashed), the baseline (dotted).
    const sel85 = svg('public', 'sel85_employment_rate');
    for (const word of ['Linjer', 'Udvikling', 'Mål', 'Baseline', 'Foreløbig'])
      expect(sel85).toContain(`>${word}<`);
    const grant = svg('restricted', 'ungeloftet');
    for (const word of ['Udvikling', 'Resultatkrav']) expect(grant).toContain(`>${word}<`);
    const dsi = svg('restricted', 'jobfokus');
    for (const word of ['Forventet (forretningsplan)', 'Baseline', 'Loft'])
      expect(dsi).toContain(`>${word}<`);
    // Never a file name as the source.
    expect(sel85).toContain(
      'Kilde: Lolland Kommune: Strategi for Socialpsykiatri og Rusmiddel 2021–24, Resultatmål – beskæftigelse',
    );
    expect(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')).not.toMatch(/\.txt/);
  });

  it('the SVG has the Danish title, Danish number format and Danish month labels', () => {
    const svg = (id: string) => readFileSync(join(out, 'public', 'charts', `${id}.svg`), 'utf8');
    const neet = svg('neet_share');
    expect(neet).toContain('Andel unge 15–29 år uden job og uddannelse');
    expect(neet).toMatch(/Baseline 2020: \d+,\d %/);
    expect(neet).toMatch(/>1\d %</); // axis labels such as "14 %"
    expect(svg('cafe_inquiries')).toMatch(/>1\.\d00</); // thousands with a dot: 1.200
    const ung = svg('ungeloftet_share');
    expect(ung).toMatch(/>(jan\.|feb\.|mar\.|apr\.|maj|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) 20\d\d</);
    expect(svg('survey_satisfaction')).toContain('&lt;5'); // the suppressed wave is a labelled gap
  });

  it('the PNG is not blank and has text pixels where the title is (and would not without the pinned font)', () => {
    for (const id of ['neet_share', 'sel85_employment_rate', 'cafe_inquiries']) {
      const svg = readFileSync(join(out, 'public', 'charts', `${id}.svg`), 'utf8');
      const render = (fontFiles: string[]) =>
        new Resvg(svg, {
          fitTo: { mode: 'zoom', value: 2 },
          background: 'white',
          font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
        }).render();
      const img = render(FONT_FILES);
      // The written PNG is exactly this rendering.
      expect(Buffer.compare(img.asPng(), readFileSync(join(out, 'public', 'charts', `${id}.png`))), id).toBe(
        0,
      );
      const all = darkPixels(img.pixels, img.width, { x: 0, y: 0, w: img.width, h: img.height });
      expect(all / (img.width * img.height), `${id} not blank`).toBeGreaterThan(0.005);
      const title = { x: 0, y: 0, w: Math.floor(img.width / 2), h: 44 };
      expect(darkPixels(img.pixels, img.width, title), `${id} title text`).toBeGreaterThan(500);
      const noFont = render([]);
      expect(darkPixels(noFont.pixels, noFont.width, title), `${id} without font`).toBe(0);
    }
  });
});

describe('report text', () => {
  const text = (file: string) =>
    readFileSync(join(out, file), 'utf8')
      .replace(/<script>[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, '|')
      .replace(/\|+/g, '|');

  it('writes years without a thousands separator, shares and thresholds in percent, one case for statuses', () => {
    const committee = text('public/reports/afrapportering.html');
    expect(committee).toMatch(/\|2026\|[^|]+\|§10[78]\|/); // the tariff table's year, never 2.026
    expect(committee).not.toContain('2.026');
    expect(committee).toMatch(/\|[\d,]+ %\|5 %\|/); // a rise and the 5 % threshold
    const finance = text('restricted/reports/finans.html');
    // The demo's Ungeløftet is moved back two years: both requirements are met in its counted months.
    expect(finance).toMatch(/\|R1\|50 %\|Opfyldt\|[a-zæøå]+\.? \d{4}\|/);
    expect(finance).toMatch(/\|R2\|55 %\|Opfyldt\|[a-zæøå]+\.? \d{4}\|/);
    expect(finance).toContain('|2.987.320,03 kr.|');
    expect(finance).not.toMatch(/\|0,5\|/);
  });

  it('lists every result target in the overview, in the catalogue’s order, with Danish titles', () => {
    const committee = readFileSync(join(out, 'public', 'reports', 'afrapportering.html'), 'utf8');
    const overview = committee.slice(
      committee.indexOf('<table class="overview">'),
      committee.indexOf('</table>', committee.indexOf('<table class="overview">')),
    );
    const titles = [...overview.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(titles).toEqual(kpis.kpis.map((k) => k.title));
    expect(titles).toContain('Tilfredshed (andel tilfredse og meget tilfredse)');
    expect(titles).toContain('Svarprocent');
  });
});

describe('reports', () => {
  it('open offline in headless Chromium: no console errors, every chart drawn, a screenshot saved', async () => {
    expect(
      existsSync(CHROMIUM),
      `Chromium is needed at ${CHROMIUM} (.ci/run installs Debian's chromium)`,
    ).toBe(true);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      for (const [dir, name] of [
        ['public', 'afrapportering'],
        ['restricted', 'finans'],
      ] as const) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`file://${join(out, dir, 'reports', `${name}.html`)}`);
        await page.waitForFunction(
          () => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('svg')),
          null,
          {
            timeout: 30_000,
          },
        );
        const marks = await page.evaluate(() =>
          [...document.querySelectorAll('.chart')].map(
            (c) => c.querySelectorAll('g.mark-line path, g.mark-symbol path, g.mark-rect path').length,
          ),
        );
        expect(marks.length, name).toBeGreaterThan(0);
        expect(
          marks.every((n) => n > 0),
          `${name}: ${marks.join(',')}`,
        ).toBe(true);
        expect(errors, name).toEqual([]);
        const shot = join(out, `${name}.screenshot.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(20_000);
        if (name === 'afrapportering') {
          expect(marks.length).toBe(kpis.kpis.length);
          const text = await page.textContent('main');
          expect(text).toMatch(
            /Andelen (steg|faldt) fra \d+,\d % i 2020 til \d+,\d % i 2025; målet for 2025 var \d+,\d %\. Målet er (ikke )?nået\./,
          );
        }
        await page.close();
      }
      expect(requests).toEqual([]); // self-contained: nothing fetched from a network
    } finally {
      await browser.close();
    }
  });

  it('a notebook with a broken SQL block fails with its name, the block number and DuckDB’s error', async () => {
    const dir = await tempDir('kpi-nb-');
    writeFileSync(
      join(dir, 'brudt.md'),
      '---\ntitle: Brudt\n---\n# Test\n\n```sql ok\nSELECT 1 AS x\n```\n\n```sql totals\nSELECT * FROM nope\n```\n',
    );
    const work = await tempDir('kpi-nb-work-');
    const ctx = {
      kpis,
      municipalityName: 'Lolland Kommune',
      publicDir: join(out, 'public'),
      restrictedDir: join(out, 'restricted'),
      workDir: work,
    };
    await expect(renderNotebooks(ctx, dir)).rejects.toThrow(
      `Notebook ${join(dir, 'brudt.md')}, blok 2 (sql totals) fejlede. DuckDB siger: Catalog Error: Table with name nope does not exist!`,
    );
  });

  it('kpi report --out re-renders the notebooks against the published run', async () => {
    const file = join(out, 'public', 'reports', 'afrapportering.html');
    rmSync(file);
    const stdout: string[] = [];
    const sink = new Writable({
      write: (c, _e, cb) => {
        stdout.push(String(c));
        cb();
      },
    });
    expect(await main(['report', '--out', out], {}, sink, quiet())).toBe(0);
    expect(stdout.join('')).toContain('public/reports/afrapportering.html');
    expect(statSync(file).size).toBeGreaterThan(100_000);
  });
});

describe('disclosure control reaches charts and reports', () => {
  it('a suppressed value appears in no public chart, spec or report', async () => {
    const survey = kpis.kpis.find((k) => k.id === 'survey_satisfaction')!;
    const hidden = survey.series.filter((p) => p.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    // The exact value, from the restricted warehouse.
    const db = await Db.open(join(out, 'restricted', 'warehouse.duckdb'), { readOnly: true });
    const exact: number[] = [];
    for (const p of hidden) {
      const r = await db.one<{
        v: number;
      }>(`SELECT (count(*) FILTER (WHERE answer >= 4) / count(answer))::DOUBLE AS v
        FROM staging.survey_answers WHERE survey = '${p.breakdown!.survey}' AND wave = '${p.period}' AND question_id = 'samlet_tilfredshed'`);
      exact.push(r.v);
    }
    db.close();
    const spec = JSON.parse(
      readFileSync(join(out, 'public', 'charts', 'survey_satisfaction.vl.json'), 'utf8'),
    );
    for (const row of spec.data.values.filter((r: { suppressed: boolean }) => r.suppressed))
      expect(row.value).toBeNull();
    const publicText = [
      readFileSync(join(out, 'public', 'charts', 'survey_satisfaction.vl.json'), 'utf8'),
      readFileSync(join(out, 'public', 'charts', 'survey_satisfaction.svg'), 'utf8'),
      readFileSync(join(out, 'public', 'reports', 'afrapportering.html'), 'utf8'),
      readFileSync(join(out, 'public', 'kpis.csv'), 'utf8'),
    ].join('\n');
    for (const v of exact) {
      expect(publicText).not.toContain(String(v));
      expect(publicText).not.toContain(`${(v * 100).toFixed(1).replace('.', ',')} %`);
    }
  });
});

describe('reports as PDF', () => {
  const run = cli;
  const reports = () =>
    ['public', 'restricted'].flatMap((d) =>
      readdirSync(join(out, d, 'reports')).map((f) => join(out, d, 'reports', f)),
    );

  it('without Chromium, --pdf exits 2 and says how to install it, and leaves the reports as they were', async () => {
    const before = reports().map((f) => [f, statSync(f).mtimeMs]);
    const r = await run(['report', '--out', out, '--pdf'], {
      KPI_CHROMIUM: join(out, 'no-chromium-here'),
      PATH: '',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PDF kræver en headless Chromium, men ingen blev fundet');
    expect(r.stderr).toContain('sudo apt-get install chromium');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(reports().map((f) => [f, statSync(f).mtimeMs])).toEqual(before);
  });

  it('kpi report --pdf prints every report to A4 with page numbers, the municipality and date, and every KPI title', async () => {
    const r = await run(['report', '--out', out, '--pdf'], {
      KPI_CHROMIUM: CHROMIUM,
      PATH: process.env.PATH,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.endsWith('.pdf'))
        .sort(),
    ).toEqual([
      'public/reports/afrapportering.pdf',
      'public/reports/opfoelgning.pdf',
      'restricted/reports/finans.pdf',
    ]);
    for (const pdf of reports().filter((f) => f.endsWith('.pdf'))) {
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages, pdf).toBeGreaterThan(0);
      expect(info, pdf).toMatch(/Page size:\s+59[0-9.]+ x 84[0-9.]+ pts \(A4\)/);
      // Tagged, as a public body's documents must be (WCAG 2.1 AA; webtilgængelighedsloven).
      expect(info, pdf).toMatch(/Tagged:\s+yes/);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text, pdf).toContain('Lolland Kommune · opgjort pr. 2026-11-22');
      expect(text, pdf).toContain(`Side ${pages} af ${pages}`);
    }
    const committee = execFileSync('pdftotext', [join(out, 'public', 'reports', 'afrapportering.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    for (const k of kpis.kpis) expect(committee, k.title).toContain(k.title.replace(/\s+/g, ' '));
    // The contract measurements are printed on landscape A4 pages of their own.
    const sizes = execFileSync(
      'pdfinfo',
      ['-f', '1', '-l', '99', join(out, 'restricted', 'reports', 'finans.pdf')],
      {
        encoding: 'utf8',
      },
    );
    expect(sizes).toMatch(/Page\s+\d+ size:\s+84[0-9.]+ x 59[0-9.]+ pts/);
    const finance = execFileSync('pdftotext', [join(out, 'restricted', 'reports', 'finans.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(finance).toContain('Revisionssporet');
  });
});

describe('report.pdf in a run', () => {
  it('with Chromium, prints every report beside its HTML', async () => {
    const fixture = join(import.meta.dirname, 'fixtures', 'rangliste');
    const o = await tempDir('kpi-pdf-run-');
    await run({
      inbox: join(fixture, 'inbox'),
      out: o,
      asOf: '2025-08-12',
      config: parseConfig({ municipality: { code: '360', name: 'Lolland Kommune' }, report: { pdf: true } }),
      key: TEST_KEY,
      chromium: CHROMIUM,
    });
    const pdfs = ['public', 'restricted'].flatMap((d) =>
      readdirSync(join(o, d, 'reports')).filter((f) => f.endsWith('.pdf')),
    );
    expect(pdfs.sort()).toEqual(['afrapportering.pdf', 'finans.pdf', 'opfoelgning.pdf']);
  });
});

describe('report.pdf in a run without Chromium', () => {
  it('publishes the figures and the HTML reports, warns, and writes no PDF', async () => {
    const fixture = join(import.meta.dirname, 'fixtures', 'rangliste');
    const { manifest, out: o } = await runInbox(join(fixture, 'inbox'), {
      asOf: '2025-08-12',
      config: { municipality: { code: '360', name: 'Lolland Kommune' }, report: { pdf: true } },
    });
    expect(manifest.warnings.filter((w) => w.code === 'pdf_unavailable').map((w) => w.message)).toEqual([
      'report.pdf er slået til, men der blev ikke fundet nogen Chromium; rapporterne er kun skrevet som HTML. Installér chromium (sudo apt-get install chromium) eller sæt KPI_CHROMIUM.',
    ]);
    const files = readdirSync(join(o, 'public', 'reports'));
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});

describe('reports anyone can read (WCAG 2.1 AA)', () => {
  const AXE = readFileSync(join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const reportsOf = () =>
    [
      ['public', 'afrapportering'],
      ['public', 'opfoelgning'],
      ['restricted', 'finans'],
    ] as const;

  async function withPage<T>(
    file: string,
    viewport: { width: number; height: number },
    fn: (page: import('playwright-core').Page) => Promise<T>,
  ): Promise<T> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    try {
      const page = await (await browser.newContext({ offline: true, viewport })).newPage();
      await page.goto(`file://${file}`);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.chart')].every((c) => c.querySelector('svg')),
      );
      return await fn(page);
    } finally {
      await browser.close();
    }
  }

  it('axe-core finds no serious or critical violation in any report', async () => {
    for (const [dir, name] of reportsOf()) {
      const violations = await withPage(
        join(out, dir, 'reports', `${name}.html`),
        { width: 1280, height: 900 },
        async (page) => {
          await page.addScriptTag({ content: AXE });
          return page.evaluate(async () => {
            const r = await (
              window as unknown as {
                axe: {
                  run(
                    o: unknown,
                  ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
                };
              }
            ).axe.run({
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            });
            return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
          });
        },
      );
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        name,
      ).toEqual([]);
    }
  });

  it('every chart is an image with a text alternative that gives the latest value and the target', async () => {
    const labels = await withPage(
      join(out, 'public', 'reports', 'afrapportering.html'),
      { width: 1280, height: 900 },
      (page) =>
        page.evaluate(() =>
          [...document.querySelectorAll('.chart')].map((c) => [
            c.getAttribute('role'),
            c.getAttribute('aria-label') ?? '',
          ]),
        ),
    );
    expect(labels.length).toBe(kpis.kpis.length);
    for (const [role, label] of labels) {
      expect(role).toBe('img');
      expect(label).toMatch(/^Diagram: .+, .+ til .+\. /);
    }
    const neet = kpis.kpis.find((k) => k.id === 'neet_share')!;
    expect(labels.map(([, l]) => l)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `I alt: seneste værdi ${(neet.latest!.value! * 100).toFixed(1).replace('.', ',')} % (${neet.latest!.period}), mål`,
        ),
      ]),
    );
  });

  it('the finance report fits 1280 px, and on paper its tables are 9 pt or more with no figure broken', async () => {
    const finance = join(out, 'restricted', 'reports', 'finans.html');
    const result = await withPage(finance, { width: 1280, height: 900 }, async (page) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.emulateMedia({ media: 'print' });
      const cells = await page.evaluate(() =>
        [...document.querySelectorAll('td')].map((td) => {
          const s = getComputedStyle(td);
          return {
            text: td.textContent ?? '',
            size: Number.parseFloat(s.fontSize),
            wrap: s.whiteSpace,
            num: td.classList.contains('num'),
          };
        }),
      );
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('.wide')].map((w) => getComputedStyle(w).getPropertyValue('page')),
      );
      return { width, cells, wide };
    });
    expect(result.width).toBeLessThanOrEqual(1280);
    expect(result.cells.length).toBeGreaterThan(50);
    // 9 pt is 12 CSS px.
    expect(result.cells.filter((c) => c.size < 12)).toEqual([]);
    const figures = result.cells.filter((c) => /kr\.$|^\d{4}-H[12]$| %$/.test(c.text.trim()));
    expect(figures.length).toBeGreaterThan(20);
    expect(figures.filter((c) => !c.num || c.wrap !== 'nowrap')).toEqual([]);
    // The contract measurements (13 columns) get a landscape page of their own.
    expect(result.wide.length).toBeGreaterThan(0);
    expect(result.wide.every((p) => p === 'wide')).toBe(true);
  });

  it('every chart spec, published and embedded, validates against the official Vega-Lite schema', async () => {
    const { default: Ajv } = await import('ajv');
    const schema = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', 'node_modules', 'vega-lite', 'build', 'vega-lite-schema.json'),
        'utf8',
      ),
    );
    const validate = new (Ajv as unknown as typeof import('ajv').default)({
      strict: false,
      allowUnionTypes: true,
      validateFormats: false,
      logger: false,
    }).compile(schema);
    const specs: [string, unknown][] = [];
    for (const dir of [join(out, 'public', 'charts'), join(out, 'restricted', 'charts')])
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.vl.json')))
        specs.push([f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]);
    for (const [dir, name] of reportsOf()) {
      const html = readFileSync(join(out, dir, 'reports', `${name}.html`), 'utf8');
      const embedded = JSON.parse(
        /const specs = (\{.*\});\n/.exec(html)![1]!.replace(/\\u003c/g, '<'),
      ) as Record<string, unknown>;
      for (const [id, spec] of Object.entries(embedded)) specs.push([`${name}#${id}`, spec]);
    }
    expect(specs.length).toBeGreaterThan(30);
    const invalid = specs.filter(([, s]) => !validate(s)).map(([f]) => f);
    expect(invalid).toEqual([]);
  });

  it('a share starts at 0, and each facility has its own colour and shape', () => {
    const spec = (id: string) =>
      JSON.parse(readFileSync(join(out, 'public', 'charts', `${id}.vl.json`), 'utf8'));
    const y = (s: { layer: { encoding?: { y?: { scale?: { zero?: boolean } } } }[] }) =>
      s.layer.find((l) => l.encoding?.y?.scale)!.encoding!.y!.scale!;
    expect(y(spec('neet_share')).zero).toBe(true);
    const points = (
      spec('occupancy_rate').layer as {
        mark: { type: string; filled?: boolean };
        encoding: Record<string, { field?: string }>;
      }[]
    ).find((l) => l.mark.type === 'point' && l.mark.filled)!;
    expect([points.encoding.color?.field, points.encoding.shape?.field]).toEqual(['series', 'series']);
  });
});

describe('--lang en', () => {
  let en: string;
  beforeAll(async () => {
    en = await tempDir('kpi-report-en-');
    const inbox = join(await tempDir('kpi-report-en-in-'), 'inbox');
    const code = await main(
      ['demo', '--out', en, '--inbox', inbox, '--as-of', '2026-11-22', '--quiet', '--lang', 'en'],
      {},
      quiet(),
      quiet(),
    );
    expect(code).toBe(0);
  });
  const text = (file: string) =>
    readFileSync(file, 'utf8')
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<q lang="da">[^<]*<\/q>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  it('writes every word the engine writes in English; the Danish quotations are marked as Danish', () => {
    const committee = readFileSync(join(en, 'public', 'reports', 'afrapportering.html'), 'utf8');
    expect(committee).toContain('<html lang="en">');
    expect(committee).toContain(
      '<h1>Report – result targets for social psychiatry, substance abuse and employment</h1>',
    );
    expect(committee).toContain('Employment among citizens with §85 support (psychiatry)');
    expect(committee).toMatch(
      /Source: <q lang="da">Lolland Kommune: Strategi for Socialpsykiatri og Rusmiddel 2021–24/,
    );
    const finance = text(join(en, 'restricted', 'reports', 'finans.html'));
    expect(finance).toContain('Payments by results');
    expect(finance).toContain('Cap and calendar: the repayment is at most');
    expect(finance).toContain('The rest as the business case planned it 13,335,320.51 kr.');
    expect(finance).toContain('The grant’s plan Met Met 5,974,640.06 kr.');
    // The engine's own Danish words appear nowhere outside the marked quotations and the contracts'
    // own titles (configuration, as the municipality wrote them).
    for (const [file, words] of [
      [
        text(join(en, 'public', 'reports', 'afrapportering.html')),
        [
          'Afrapportering',
          'Overblik',
          'Beskæftigelse blandt',
          'På sporet',
          'Ikke på sporet',
          'Kilde:',
          'Diagram:',
        ],
      ],
      [
        finance,
        [
          'Priser:',
          'Loft og kalender',
          'Bogført',
          'Fremskrivning',
          'Tilsagn:',
          'Scenarie',
          'Kilde:',
          'halvår',
        ],
      ],
    ] as const)
      for (const w of words) expect(file, w).not.toContain(w);
    const kpis = JSON.parse(readFileSync(join(en, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    expect(kpis.kpis.find((k) => k.id === 'neet_share')!.title).toBe(
      'Share of young people aged 15–29 without a job or education',
    );
  });
});
