/**
 * public/site/: the static site for the committee and everyone (docs/outputs.md). Built only from the
 * published, disclosure-controlled kpis.json: each page gets its figures as JSON already aggregated and
 * suppressed, never Parquet or a database a browser could query around the suppression. No link and no
 * byte from restricted/; every asset bundled, so it works from file:// and any static web server.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { KpisJson } from '../../schemas/outputs.ts';
import { municipalityName } from '../core/municipalities.ts';
import { vendorFiles } from '../core/vendor.ts';
import { t } from '../i18n/index.ts';
import { longRows, writeCsv } from '../publish/tables.ts';
import { writeKpisWorkbook } from '../publish/workbook.ts';
import { escapeHtml } from '../report/html.ts';
import { frontPage, searchIndex } from './front.ts';
import { kpiPage } from './kpiPage.ts';
import { page, rootOf, scriptJson } from './layout.ts';
import { lineageOf } from './lineage.ts';
import { byId, kpiPath, type SiteInput } from './model.ts';
import {
  aboutPage,
  accessibilityPage,
  changesPage,
  contractsPage,
  publicationsPage,
  reportsPage,
} from './publicPages.ts';

export const ASSETS = new URL('./assets/', import.meta.url);

const nav = () => [
  { href: 'index.html', label: t('site.nav.front') },
  { href: 'changes.html', label: t('site.changes.title') },
  { href: 'contracts.html', label: t('site.contracts.title') },
  { href: 'reports.html', label: t('site.reports.title') },
  { href: 'about.html', label: t('site.about.title') },
  { href: 'publications.html', label: t('site.publications.title') },
];

/** "Data pr. …, offentliggjort …", and the words a later publication's notice will use. */
export function bannerOf(kpis: KpisJson, published: string): string {
  return t('site.banner', { asOf: kpis.asOf, published, runId: kpis.runId });
}

async function write(root: string, path: string, text: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

/** The shared assets: the stylesheet, the script, the chart libraries (once, not per page). */
export async function writeAssets(root: string): Promise<void> {
  await mkdir(join(root, 'assets'), { recursive: true });
  for (const f of ['site.css', 'site.js']) await copyFile(new URL(f, ASSETS), join(root, 'assets', f));
  for (const [name, path] of vendorFiles()) await copyFile(path, join(root, 'assets', name));
}

/** Per KPI: CSV for Danish Excel, xlsx and JSON, cut from the published files' own rows. */
async function downloads(root: string, kpis: KpisJson): Promise<void> {
  const dir = join(root, 'data');
  await mkdir(dir, { recursive: true });
  for (const [id, entries] of byId(kpis)) {
    const one: KpisJson = { ...kpis, kpis: entries };
    await writeCsv(longRows(one), dir, `${id}.csv`);
    await writeKpisWorkbook(one, dir, `${id}.xlsx`);
    await writeFile(join(dir, `${id}.json`), `${JSON.stringify(one, null, 2)}\n`, 'utf8');
  }
}

export async function writePublicSite(root: string, input: SiteInput): Promise<void> {
  const { kpis } = input;
  const siteName = t('site.name', { municipality: input.municipalityName });
  const published = input.manifest.startedAt.slice(0, 10);
  const banner = `<span>${escapeHtml(bannerOf(kpis, published))}</span>`;
  const superseded = t('site.superseded');
  const shell = (
    path: string,
    title: string,
    body: string,
    extra: { scripts?: string[]; data?: Record<string, unknown> } = {},
  ) =>
    page({
      path,
      title,
      siteName,
      nav: nav(),
      banner,
      superseded,
      body,
      data: extra.data,
      scripts: ['publication.js', ...(extra.scripts ?? [])],
    });
  await writeAssets(root);
  // Rewritten by the next publication (run/switch.ts): "erstattet af …" on every page of this one.
  await write(
    root,
    'assets/publication.js',
    `window.PUBLICATION = ${scriptJson({ runId: kpis.runId, supersededBy: null })};\n`,
  );
  await write(
    root,
    'assets/search-index.js',
    `window.SEARCH_INDEX = ${scriptJson(searchIndex(kpis, input.defs))};\n`,
  );
  await write(
    root,
    'index.html',
    shell('index.html', siteName, frontPage(kpis, input.defs), { scripts: ['search-index.js'] }),
  );
  const charts = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'];
  for (const [id, entries] of byId(kpis)) {
    const def = input.defs.find((d) => d.id === id);
    const path = kpiPath(id);
    const lineage = def ? await lineageOf(def, input.manifest, input.inbox) : undefined;
    const parts = kpiPage(entries, def, {
      minCell: kpis.minCell,
      asOf: kpis.asOf,
      lineage,
      root: rootOf(path),
    });
    await write(
      root,
      path,
      shell(path, entries[0]!.title, parts.body, { data: parts.data, scripts: charts }),
    );
  }
  await downloads(root, kpis);
  const name = municipalityName(input.manifest.municipality.code) ?? input.municipalityName;
  const pages: [string, string, string][] = [
    ['changes.html', t('site.changes.title'), changesPage(kpis, input.previous)],
    ['contracts.html', t('site.contracts.title'), contractsPage(input)],
    ['reports.html', t('site.reports.title'), reportsPage(input)],
    ['about.html', t('site.about.title'), aboutPage(kpis)],
    ['accessibility.html', t('site.a11y.title'), accessibilityPage(name, kpis.asOf)],
    [
      'publications.html',
      t('site.publications.title'),
      publicationsPage(kpis.runId, keptPublications(input)),
    ],
  ];
  for (const [path, title, body] of pages) await write(root, path, shell(path, title, body));
}

/** The publications still kept (`keepRuns`), this one among them; failed nights published nothing. */
function keptPublications(input: SiteInput) {
  return input.history.filter((h) => h.exitCode === 0 || h.exitCode === 3).slice(-input.keepRuns);
}

/** The superseded notice's words, on the banner's element, for site.js (the words stay in the catalogue). */
export async function markSuperseded(
  siteRoot: string,
  by: { runId: string; asOf: string; published: string },
): Promise<void> {
  const file = join(siteRoot, 'assets', 'publication.js');
  const before = await readFile(file, 'utf8').catch(() => undefined);
  if (before === undefined) return;
  const m = /window\.PUBLICATION = (.*);\n?$/s.exec(before);
  const current = m ? (JSON.parse(m[1]!) as { runId: string }) : { runId: '' };
  await writeFile(file, `window.PUBLICATION = ${scriptJson({ ...current, supersededBy: by })};\n`, 'utf8');
}
