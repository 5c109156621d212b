/**
 * The sites (docs/outputs.md): the demo's public site crawled in real headless Chromium from its index,
 * offline, every link followed or checked, no request leaving the machine, no page error, no link into
 * restricted/; every KPI's page with its title, drawn chart, published latest value and working
 * downloads; the search; axe-core on every page; the restricted site after two nights; `kpi serve`
 * refusing ../ paths; `kpi preview` rendering again after a notebook edit.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions, loadConfig, parseConfig } from '../pipelines/config.ts';
import { formatValue } from '../pipelines/core/describe.ts';
import { setLang } from '../pipelines/i18n/index.ts';
import { frontPage } from '../pipelines/site/front.ts';
import { startPreview } from '../pipelines/site/preview.ts';
import { accessibilityPage } from '../pipelines/site/publicPages.ts';
import { listen, siteServer } from '../pipelines/site/serve.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';
import { cli, lolland, tempDir, walk } from './helpers.ts';

const CHROMIUM = process.env.KPI_CHROMIUM ?? '/usr/bin/chromium';
const AXE = readFileSync(join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let dir: string;
let out: string;
let kpis: KpisJson;
let manifest: Manifest;
let firstRun: string;
let browser: import('playwright-core').Browser;
let chartsEvent: { drawn?: number; kept?: number } | undefined;

beforeAll(async () => {
  dir = await tempDir('kpi-site-');
  out = join(dir, 'out');
  const inbox = join(dir, 'inbox');
  const first = await cli(['demo', '--out', out, '--inbox', inbox, '--as-of', '2026-11-22', '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  firstRun = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest).runId;
  const second = await cli(['demo', '--out', out, '--inbox', inbox, '--as-of', '2026-11-23', '--json']);
  expect(second.code, second.stderr).toBe(0);
  chartsEvent = second.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { event: string; drawn?: number; kept?: number })
    .find((e) => e.event === 'charts');
  kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const site = () => join(out, 'public', 'site');
const rsite = () => join(out, 'restricted', 'site');

/** Opens a page offline; every request that is not a file of the machine is recorded and refused. */
async function open(file: string, sink: { outside: string[]; errors: string[] }): Promise<Page> {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    sink.outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => sink.errors.push(`${file}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') sink.errors.push(`${file}: ${m.text()}`);
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.chart[data-spec]')].every(
      (c) => (c as HTMLElement).dataset.drawn === 'true',
    ),
  );
  return page;
}

/** What a crawl saw on one page: its links (as file paths), heading, main text, charts and axe's verdict. */
interface Seen {
  links: string[];
  h1: string;
  main: string;
  charts: number;
  /** axe-core's serious and critical WCAG 2.1 A/AA violations, by rule id. */
  axe: string[];
}

/**
 * Every page reachable from the index, each opened once: its links, what it shows, and axe-core's
 * verdict (WCAG 2.1 A and AA) on it.
 */
async function crawl(root: string) {
  const sink = { outside: [] as string[], errors: [] as string[] };
  const seen = new Map<string, Seen>();
  const queue = [join(root, 'index.html')];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const page = await open(file, sink);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const h1 = (await page.textContent('h1')) ?? '';
    const main = (await page.textContent('main')) ?? '';
    const charts = await page.locator('.chart svg').count();
    // axe-core reads the stylesheets itself, which file:// refuses with console errors of its own:
    // the page's errors are those recorded until here.
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    await page.addScriptTag({ content: AXE });
    const axe = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id);
    });
    await page.context().close();
    const links = hrefs
      .filter((h) => h.startsWith('file://'))
      .map((h) => decodeURIComponent(new URL(h).pathname));
    seen.set(file, { links, h1, main, charts, axe });
    for (const l of links) if (l.startsWith(root) && l.endsWith('.html') && !seen.has(l)) queue.push(l);
  }
  return { pages: seen, ...sink };
}

describe('the public site', () => {
  let crawled: Awaited<ReturnType<typeof crawl>>;
  let restricted: Awaited<ReturnType<typeof crawl>>;
  beforeAll(async () => {
    crawled = await crawl(site());
    restricted = await crawl(rsite());
  }, 240_000);

  it('has no broken link, no request outside the machine, no page error and no link into restricted/', () => {
    expect(crawled.pages.size).toBeGreaterThanOrEqual(kpis.kpis.length + 7);
    const links = [...crawled.pages.values()].flatMap((p) => p.links);
    const broken = links.filter((l) => !existsSync(l.split('#')[0]!));
    expect(broken).toEqual([]);
    expect(links.filter((l) => l.includes('/restricted/'))).toEqual([]);
    expect(crawled.outside).toEqual([]);
    expect(crawled.errors).toEqual([]);
    // Not a byte from restricted/: no page names the warehouse, the quarantine or the evidence.
    for (const f of walk(site()))
      if (/\.(html|js|json|csv)$/.test(f) && !f.includes('/assets/vega'))
        expect(readFileSync(f, 'utf8'), f).not.toMatch(
          /restricted\/|warehouse\.duckdb|evidence\.parquet|rejects\.csv/,
        );
  });

  it('gives every KPI its page: its Danish title, a drawn chart, its latest value as published, working downloads', async () => {
    for (const k of kpis.kpis) {
      const file = join(site(), 'kpi', `${k.id}.html`);
      const page = crawled.pages.get(file);
      expect(page, k.id).toBeDefined();
      expect(page!.h1).toBe(k.title);
      if (k.series.some((p) => p.value !== null)) expect(page!.charts, k.id).toBeGreaterThan(0);
      if (k.latest?.value != null) expect(page!.main, k.id).toContain(formatValue(k.unit, k.latest.value));
      const json = JSON.parse(readFileSync(join(site(), 'data', `${k.id}.json`), 'utf8')) as KpisJson;
      expect(json.kpis).toEqual(kpis.kpis.filter((e) => e.id === k.id));
      const csv = readFileSync(join(site(), 'data', `${k.id}.csv`), 'utf8')
        .trim()
        .split('\r\n');
      expect(csv.length - 1, k.id).toBe(k.series.length);
      expect(statSync(join(site(), 'data', `${k.id}.xlsx`)).size).toBeGreaterThan(4000);
    }
  });

  it('marks a suppressed cell with a footnote to the rule, and gives the browser no hidden value', () => {
    const suppressed = kpis.kpis.find((k) => k.series.some((p) => p.suppressed));
    expect(suppressed, 'the demo has a suppressed point').toBeDefined();
    const html = readFileSync(join(site(), 'kpi', `${suppressed!.id}.html`), 'utf8');
    expect(html).toContain(`&lt;${kpis.minCell}</abbr><sup class="sup"><a href="../about.html#disclosure"`);
    const data = [...html.matchAll(/<script type="application\/json" id="[^"]+">(.*?)<\/script>/gs)].map(
      (m) => JSON.parse(m[1]!),
    );
    const rows = data.flatMap(
      (spec) => spec.data.values as { suppressed: boolean; value: number | null; status: string }[],
    );
    expect(rows.filter((r) => r.suppressed).length).toBeGreaterThan(0);
    expect(
      rows.filter((r) => r.suppressed && (r.value !== null || r.status !== 'Skjult (diskretion)')),
    ).toEqual([]);
  });

  it('finds a KPI by a word of its title, offline', async () => {
    const sink = { outside: [] as string[], errors: [] as string[] };
    const page = await open(join(site(), 'index.html'), sink);
    await page.fill('#q', 'rådgivningscaf');
    const hits = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hits).toContain('kpi/cafe_inquiries.html');
    await page.fill('#q', 'højdespringer');
    expect(await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')))).toContain(
      'kpi/hoejdespringer_placering.html',
    );
    await page.context().close();
    expect(sink.errors).toEqual([]);
  });

  it('switches a series off and on from the keyboard', async () => {
    const sink = { outside: [] as string[], errors: [] as string[] };
    const page = await open(join(site(), 'kpi', 'cafe_inquiries.html'), sink);
    const points = () =>
      page.locator('#chart-1 svg path[aria-roledescription="point"], #chart-1 svg .mark-symbol path').count();
    const before = await points();
    await page.focus('fieldset.toggles input[value="Telefon"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      () => (document.querySelector('#chart-1') as HTMLElement).dataset.drawn === 'true',
    );
    await page.waitForTimeout(300);
    expect(await points()).toBeLessThan(before);
    await page.context().close();
  });

  it('axe-core finds no serious or critical violation on any page of either site', () => {
    // Every restricted page, reached from its index like the public ones.
    const pagesOf = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(dir, f));
    expect([...restricted.pages.keys()].filter((f) => f.startsWith(rsite())).sort()).toEqual(
      pagesOf(rsite()).sort(),
    );
    expect(restricted.outside).toEqual([]);
    expect(restricted.errors).toEqual([]);
    const rlinks = [...restricted.pages.values()].flatMap((p) => p.links);
    expect(rlinks.filter((l) => !existsSync(l.split('#')[0]!))).toEqual([]);
    const found = [...crawled.pages, ...restricted.pages].flatMap(([file, p]) =>
      p.axe.map((id) => `${file.slice(out.length)}: ${id}`),
    );
    expect(found).toEqual([]);
  });

  it('is small: at most about 5 MB, the chart libraries once', () => {
    const bytes = walk(site()).reduce((s, f) => s + statSync(f).size, 0);
    expect(bytes).toBeLessThan(5 * 1024 ** 2);
    expect(walk(site()).filter((f) => f.endsWith('vega.min.js'))).toHaveLength(1);
  });

  it('keeps each publication at its own dated address, with a notice on the replaced one', async () => {
    const old = join(out, '.runs', firstRun, 'public', 'site', 'index.html');
    const sink = { outside: [] as string[], errors: [] as string[] };
    const page = await open(old, sink);
    const banner = await page.textContent('#publication');
    await page.context().close();
    expect(banner).toContain('Data pr. 2026-11-22');
    expect(banner).toContain(`Erstattet af offentliggørelsen`);
    expect(banner).toContain(manifest.runId);
    const list = readFileSync(join(site(), 'publications.html'), 'utf8');
    expect(list).toContain(`../../.runs/${firstRun}/public/site/index.html`);
  });
});

describe('the restricted site', () => {
  it('names every input file of the manifest, and shows both nights in the history', () => {
    const night = readFileSync(join(rsite(), 'index.html'), 'utf8');
    for (const i of manifest.inputs) expect(night, i.file).toContain(i.file);
    const history = readFileSync(join(rsite(), 'history.html'), 'utf8');
    expect(history).toContain(firstRun);
    expect(history).toContain(manifest.runId);
    const kept = JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')) as {
      runs: { runId: string; exitCode: number; totals: { rowsRead: number } }[];
    };
    expect(kept.runs.map((r) => r.runId)).toEqual([firstRun, manifest.runId]);
    expect(kept.runs[1]!.totals.rowsRead).toBe(manifest.totals.rowsRead);
    expect(statSync(join(out, 'history.json')).mode & 0o077).toBe(0);
  });

  it('lists the quarantined rows masked, with their rule and Danish message', () => {
    const q = readFileSync(join(rsite(), 'quarantine.html'), 'utf8');
    expect(q).toContain('cpr_format');
    expect(q).toContain('******-**34');
    expect(q).not.toMatch(/\b\d{6}-?\d{4}\b/);
  });
});

/** A raw GET, the path sent as written (fetch would fold ../ before sending). */
function get(url: string, path: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((res, rej) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (r) => {
      let body = '';
      r.on('data', (c) => {
        body += c;
      });
      r.on('end', () => res({ status: r.statusCode ?? 0, body }));
    });
    req.on('error', rej);
    req.end();
  });
}

describe('kpi serve', () => {
  it('answers on 127.0.0.1, refuses ../ paths, lists no folder and never serves the warehouse', async () => {
    const server = siteServer({ out });
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const index = await get(url, '/public/site/index.html');
      expect(index.status).toBe(200);
      expect(index.body).toContain('<html lang="da">');
      expect((await get(url, '/')).status).toBe(302);
      for (const bad of [
        '/public/site/../../history.json',
        '/public/%2e%2e/%2e%2e/manifest.json',
        '/..%2f..%2fetc/passwd',
        '/public/site/..\\..\\history.json',
      ])
        expect((await get(url, bad)).status, bad).toBeGreaterThanOrEqual(400);
      expect((await get(url, '/public/')).status).toBe(404);
      expect((await get(url, '/restricted/warehouse.duckdb')).status).toBe(404);
      expect((await get(url, '/history.json')).status).toBe(404);
      expect((await get(url, '/.cache/warehouse.duckdb')).status).toBe(404);
      // The restricted site, to this machine.
      expect((await get(url, '/restricted/site/index.html')).status).toBe(200);
    } finally {
      server.close();
    }
  });
});

describe('kpi preview', () => {
  it('renders a notebook again after it is edited, and shows an error in the page with its file', async () => {
    const notebooks = join(dir, 'notebooks');
    mkdirSync(notebooks, { recursive: true });
    const nb = join(notebooks, 'egen.md');
    const write = (text: string) =>
      writeFileSync(nb, `---\ntitle: Egen rapport\naudience: public\n---\n\n${text}\n`);
    write('Første udgave af teksten.');
    const config = join(dir, 'preview.config.json');
    writeFileSync(config, JSON.stringify(lolland({ notebooks })));
    const preview = await startPreview({
      configFile: config,
      out,
      port: 0,
      host: '127.0.0.1',
      load: loadConfig,
    });
    try {
      expect(preview.error()).toBeUndefined();
      const page = () => get(preview.url, '/public/reports/egen.html');
      expect((await page()).body).toContain('Første udgave af teksten.');
      expect((await get(preview.url, '/public/site/reports.html')).body).toContain('Egen rapport');
      const rendered = preview.nextRender();
      write('Anden udgave af teksten.');
      await rendered;
      const after = await page();
      expect(after.body).toContain('Anden udgave af teksten.');
      expect(after.body).toContain('/__preview/events');
      const broken = preview.nextRender();
      write('```sql tal\nSELECT * FROM findes_ikke\n```');
      await broken;
      expect(preview.error()).toContain('egen.md');
      expect((await page()).body).toContain('class="error-overlay"');
      // The published run is untouched: the preview writes only into .preview/.
      expect(existsSync(join(out, 'public', 'reports', 'egen.html'))).toBe(false);
    } finally {
      await preview.close();
    }
  }, 120_000);
});

it('a quiet night draws no chart again: each unchanged one is the last publication’s bytes', () => {
  // The second night has the same inbox and the same as-of month: every chart's spec is unchanged.
  expect(chartsEvent).toEqual(expect.objectContaining({ drawn: 0 }));
  expect(chartsEvent!.kept).toBe(kpis.kpis.length + 2);
  for (const k of kpis.kpis)
    for (const ext of ['svg', 'png'])
      expect(
        readFileSync(join(out, 'public', 'charts', `${k.id}.${ext}`)).equals(
          readFileSync(join(out, '.runs', firstRun, 'public', 'charts', `${k.id}.${ext}`)),
        ),
        `${k.id}.${ext}`,
      ).toBe(true);
});

it('speaks English with --lang en: the groups, the cards and the statement', () => {
  setLang('en');
  try {
    const defs = kpiDefinitions(parseConfig({}));
    const front = frontPage(kpis, defs);
    expect(front).toContain('>Social psychiatry and addiction</h2>');
    expect(front).toContain('Latest: ');
    expect(front).not.toMatch(/Seneste|Socialpsykiatri og rusmiddel|intet mål/);
    const statement = accessibilityPage('Lolland Kommune', kpis.asOf);
    expect(statement).toContain('WCAG 2.1 AA');
    expect(statement).not.toMatch(/Tilgængelighed|overholder/);
  } finally {
    setLang('da');
  }
});

it('the sites live in the run, listed in its manifest', () => {
  const paths = manifest.outputs.map((o) => o.path);
  expect(paths).toContain('public/site/index.html');
  expect(paths).toContain('restricted/site/index.html');
  expect(resolve(dirname(join(out, 'public')))).toBe(resolve(out));
});
