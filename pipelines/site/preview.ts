/**
 * `kpi preview`: for people who write their own notebooks or initiatives' cards (docs/commands.md). It
 * renders the reports and both sites from the last run's published figures and warehouse into
 * <out>/.preview/ (never the published run, never the inbox), serves them, watches the configuration
 * and the notebooks, renders again on every change and reloads the browser. An error is shown in the
 * page, in the user's language, with its file and line, until the next change fixes it.
 */
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, symlink } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KpisJson, Manifest } from '../../schemas/outputs.ts';
import type { Config } from '../config.ts';
import { kpiDefinitions } from '../config.ts';
import { maskCprs } from '../core/mask.ts';
import { Db } from '../duckdb.ts';
import { RunError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { escapeHtml } from '../report/html.ts';
import { renderNotebooks } from '../report/notebook.ts';
import { writeSites } from './build.ts';
import { readHistory } from './history.ts';
import { type QuarantineFile, readQuarantine } from './restrictedSite.ts';
import { listen, siteServer } from './serve.ts';

export const PREVIEW_DIR = '.preview';

/** The published files a render reads, linked (not copied) into the preview's folders. */
const PUBLIC_LINKS = [
  'kpis.json',
  'kpis.parquet',
  'kpis.csv',
  'kpis.xlsx',
  'tariff_alerts.json',
  'rangliste.json',
  'charts',
];
const RESTRICTED_LINKS = ['warehouse.duckdb', 'contracts', 'quarantine'];

async function linkPublished(out: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [part, names] of [
    ['public', PUBLIC_LINKS],
    ['restricted', RESTRICTED_LINKS],
  ] as const) {
    await mkdir(join(dir, part), { recursive: true, mode: 0o700 });
    for (const n of names) await symlink(join(out, part, n), join(dir, part, n)).catch(() => {});
  }
}

/** One render of everything a notebook or a card shows, from the published run. */
export async function renderPreview(out: string, config: Config): Promise<void> {
  let kpis: KpisJson;
  let manifest: Manifest;
  try {
    kpis = JSON.parse(await readFile(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new RunError(t('report.nothingPublished', { out }));
  }
  // Rendered beside and swapped in whole: after an error the last good version stays on show.
  const dir = join(out, `${PREVIEW_DIR}.next`);
  await linkPublished(out, dir);
  const work = await mkdtemp(join(tmpdir(), 'kpi-preview-'));
  try {
    const ctx = {
      kpis,
      municipalityName: manifest.municipality.name,
      heldBack: manifest.heldBack,
      publicDir: join(dir, 'public'),
      restrictedDir: join(dir, 'restricted'),
      workDir: work,
      themes: config.themes,
      contracts: config.contracts,
    };
    const rendered = await renderNotebooks(ctx, config.notebooks);
    await writeSites(
      { public: ctx.publicDir, restricted: ctx.restrictedDir },
      {
        kpis,
        defs: kpiDefinitions(config),
        manifest,
        municipalityName: manifest.municipality.name,
        reports: rendered.map((r) => ({ name: r.name, title: r.title, audience: r.audience, pdf: false })),
        contracts: config.contracts,
        history: await readHistory(out),
        historyRuns: config.historyRuns,
        keepRuns: config.keepRuns,
        inbox: manifest.inbox ?? '',
        stages: manifest.stages,
      },
      await publishedQuarantine(out, manifest),
    );
    const shown = join(out, PREVIEW_DIR);
    await rm(`${shown}.old`, { recursive: true, force: true });
    await rename(shown, `${shown}.old`).catch(() => {});
    await rename(dir, shown);
    await rm(`${shown}.old`, { recursive: true, force: true });
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

/** The quarantine as the published warehouse holds it (opened read-only). */
async function publishedQuarantine(out: string, manifest: Manifest): Promise<QuarantineFile[]> {
  const db = await Db.open(join(out, 'restricted', 'warehouse.duckdb'), { readOnly: true }).catch(
    () => undefined,
  );
  if (!db) return [];
  try {
    return await readQuarantine(
      db,
      manifest.inputs.map((i) => i.file),
    );
  } finally {
    db.close();
  }
}

export interface Preview {
  url: string;
  /** Resolves after the next render has finished (tests wait on it after an edit). */
  nextRender(): Promise<void>;
  /** The error the last render stopped at, as the page shows it. */
  error(): string | undefined;
  close(): Promise<void>;
}

const RELOAD = `<script>new EventSource('/__preview/events').addEventListener('reload', () => location.reload());</script>`;

export async function startPreview(opts: {
  configFile: string;
  out: string;
  port: number;
  host: string;
  load: (file: string) => Promise<Config>;
}): Promise<Preview> {
  const out = resolve(opts.out);
  const clients = new Set<ServerResponse>();
  let error: string | undefined;
  let waiters: (() => void)[] = [];
  let watchers: FSWatcher[] = [];
  const render = async () => {
    try {
      const config = await opts.load(opts.configFile);
      rewatch(config);
      await renderPreview(out, config);
      error = undefined;
    } catch (e) {
      error = maskCprs((e as Error).message ?? String(e));
    }
    for (const c of clients) c.write('event: reload\ndata: 1\n\n');
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void render(), 150);
  };
  const rewatch = (config: Config) => {
    for (const w of watchers) w.close();
    const paths = [opts.configFile, ...(config.notebooks ? [config.notebooks] : [])];
    watchers = paths.flatMap((p) => {
      try {
        return [watch(p, { recursive: false }, changed)];
      } catch {
        return [];
      }
    });
  };
  const server = siteServer({
    out: join(out, PREVIEW_DIR),
    html: (text) => {
      const overlay = error
        ? `<div class="error-overlay" role="alert"><strong>${escapeHtml(t('site.preview.error'))}</strong>\n${escapeHtml(error)}</div>`
        : '';
      return text.replace(/<body>/, `<body>${overlay}`).replace(/<\/body>/, `${RELOAD}</body>`);
    },
    extra: (req, res) => {
      if (req.url !== '/__preview/events') return false;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': preview\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return true;
    },
  });
  await render();
  const url = await listen(server, opts.port, opts.host);
  return {
    url,
    error: () => error,
    nextRender: () => new Promise((r) => waiters.push(r)),
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      await new Promise((r) => server.close(() => r(undefined)));
      server.closeAllConnections();
    },
  };
}
