/**
 * The command line (docs/commands.md). Thin: parse, call one function, print, map errors to exit codes
 * (0 published, 1 the run failed, 2 usage or configuration, 3 published with KPIs held back). User
 * errors are one clear message in the user's language, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { helpText, type Parsed, parseCommandLine } from './cli/args.ts';
import { runSummary } from './cli/summary.ts';
import { type Config, kpiDefinitions, loadConfig } from './config.ts';
import { maskCprs } from './core/mask.ts';
import { DEMO_KEY, resolveKey } from './core/pseudonym.ts';
import { shutdown } from './core/shutdown.ts';
import { sqlProfile } from './duckdb.ts';
import { UserError } from './errors.ts';
import { type Lang, lang, parseLang, setLang, t } from './i18n/index.ts';
import { type Reporter, streamReporter } from './log.ts';
import { effectsFromEnv, type RunEffects } from './run/effects.ts';

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function validAsOf(s: string): string {
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UserError(t('cli.badAsOf', { value: s }));
  }
  return s;
}

/** The language: --lang, else KPI_LANG, else Danish. */
function chooseLang(values: Parsed['values'], env: NodeJS.ProcessEnv): Lang {
  const given = values.lang as string | undefined;
  const source = given !== undefined ? '--lang' : 'KPI_LANG';
  const value = given ?? env.KPI_LANG;
  if (value === undefined || value === '') return 'da';
  const l = parseLang(value);
  if (!l) throw new UserError(t('cli.badLang', { source, value }));
  return l;
}

function selectedIds(values: Parsed['values']): string[] | undefined {
  return values.select
    ? String(values.select)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

async function commonConfig(values: Parsed['values']): Promise<Config> {
  const config = await loadConfig(values.config as string | undefined);
  if (values['allow-partial']) config.allowPartial = true;
  const ids = selectedIds(values);
  if (ids) {
    const known = [...kpiDefinitions(config).map((d) => d.id), ...config.contracts.map((c) => c.id)];
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length) {
      throw new UserError(t('cli.unknownSelect', { ids: unknown.join(', '), known: known.join(', ') }));
    }
  }
  return config;
}

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Promise<number> {
  // Statement profiling for developers (docs/performance.md), printed here, at the edge.
  if (env.KPI_PROFILE_SQL) {
    sqlProfile.seconds = Number(env.KPI_PROFILE_SQL) || 0;
    sqlProfile.write = (line) => stderr.write(`${line}\n`);
    sqlProfile.dump = env.KPI_DUMP_SQL;
  }
  // The language is known before anything is said: --lang anywhere on the line, or KPI_LANG. It is
  // restored afterwards, so a program that embeds the CLI keeps its own language.
  const callersLang = lang();
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const early =
    langAt < 0 ? env.KPI_LANG : argv[langAt]!.includes('=') ? argv[langAt]!.split('=')[1] : argv[langAt + 1];
  setLang(parseLang(early) ?? 'da');
  try {
    const parsed = parseCommandLine(argv);
    setLang(chooseLang(parsed.values, env));
    return await dispatch(parsed, env, stdout, stderr);
  } catch (e) {
    if (e instanceof UserError) {
      stderr.write(`${maskCprs(e.message)}\n`);
      return e.exitCode;
    }
    stderr.write(`${t('cli.unexpected', { message: maskCprs((e as Error).message) })}\n`);
    if (env.KPI_DEBUG) stderr.write(`${maskCprs((e as Error).stack ?? '')}\n`);
    return 1;
  } finally {
    setLang(callersLang);
  }
}

/** What every command gets from the command line. */
interface Call {
  values: Parsed['values'];
  argument: Parsed['argument'];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  reporter: Reporter;
  /** Test effects (pipelines/run/effects.ts) come from the environment here, at the edge, only. */
  effects: RunEffects;
  asOf: string;
  out: string;
  select: string[] | undefined;
  keyFile: () => string | undefined;
}

async function dispatch(
  { command, values, argument }: Parsed,
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream & { isTTY?: boolean },
): Promise<number> {
  if (command === 'help' || values.help) {
    stdout.write(`${helpText(command === 'help' ? argument : command)}\n`);
    return 0;
  }
  const reporter = streamReporter(stderr, {
    json: values.json as boolean | undefined,
    quiet: values.quiet as boolean | undefined,
    verbose: values.verbose as boolean | undefined,
  });
  const call: Call = {
    values,
    argument,
    env,
    stdout,
    stderr,
    reporter,
    effects: effectsFromEnv(env),
    asOf: validAsOf((values['as-of'] as string | undefined) ?? todayIso()),
    out: resolve((values.out as string | undefined) ?? 'output'),
    select: selectedIds(values),
    keyFile: () => (env.KPI_PSEUDONYM_KEY ? undefined : env.KPI_PSEUDONYM_KEY_FILE),
  };
  const handler = COMMANDS[command as keyof typeof COMMANDS];
  return handler ? handler(call) : 2;
}

async function runCommand(c: Call): Promise<number> {
  const { values, env, stdout, reporter, effects, asOf, out, select, keyFile } = c;
  const config = await commonConfig(values);
  const key = resolveKey(env);
  const { run } = await import('./run.ts');
  const inbox = resolve((values.inbox as string | undefined) ?? 'inbox');
  const chromium = await chromiumFor(config, env);
  const r = await run({
    inbox,
    out,
    asOf,
    config,
    key,
    keyFile: keyFile(),
    select,
    reporter,
    effects,
    chromium,
  });
  stdout.write(`${runSummary(r.manifest, r.kpis.kpis, out, r.contracts)}\n`);
  return r.manifest.heldBack.length > 0 ? 3 : 0;
}

/** Headless Chromium when the configuration asks for PDFs (report.pdf); the run warns when there is none. */
async function chromiumFor(config: Config, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!config.report.pdf) return undefined;
  const { findChromium } = await import('./report/pdf.ts');
  return findChromium(env);
}

async function checkCommand(c: Call): Promise<number> {
  const { values, env, stdout, reporter, asOf, out, keyFile } = c;
  const config = await commonConfig(values);
  const key = resolveKey(env);
  const { check } = await import('./check.ts');
  const inbox = resolve((values.inbox as string | undefined) ?? 'inbox');
  const work = await mkdtemp(join(tmpdir(), 'kpi-check-'));
  try {
    const r = await check({ inbox, out, asOf, config, key, keyFile: keyFile(), workDir: work, reporter });
    stdout.write(`${maskCprs(r.text)}\n`);
    return r.exitCode;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function demoCommand(c: Call): Promise<number> {
  const { values, stdout, stderr, reporter, effects, asOf, out, select } = c;
  const config = await commonConfig(values);
  const inbox = resolve((values.inbox as string | undefined) ?? 'demo-inbox');
  const { writeDemoInboxIsolated } = await import('./demo/isolated.ts');
  const { run } = await import('./run.ts');
  stderr.write(`${t('cli.demoWriting', { inbox })}\n${t('cli.demoKey')}\n`);
  // In the worker process, like ingest: this process writes the warehouse and never holds a CPR.
  await writeDemoInboxIsolated(inbox, asOf);
  // The synthetic municipality is Lolland-sized and named so; its contracts are moved back in time.
  const { demoConfig } = await import('./demo/contracts.ts');
  const r = await run({
    inbox,
    out,
    asOf,
    config: demoConfig(config),
    key: DEMO_KEY,
    chromium: await chromiumFor(config, c.env),
    select,
    reporter,
    effects,
  });
  stdout.write(`${runSummary(r.manifest, r.kpis.kpis, out, r.contracts)}\n`);
  return r.manifest.heldBack.length > 0 ? 3 : 0;
}

async function reportCommand(c: Call): Promise<number> {
  const { values, stdout, out, env } = c;
  // The run's own configuration (config.json), unless --config is given and agrees with it.
  const { reportConfig, recordRewritten } = await import('./run/rerender.ts');
  const given = values.config
    ? { config: await commonConfig(values), file: String(values.config) }
    : undefined;
  const { config, said } = await reportConfig(out, given, Boolean(values.force));
  const wantPdf = Boolean(values.pdf) || config.report.pdf;
  const { findChromium } = await import('./report/pdf.ts');
  const chromium = wantPdf ? findChromium(env) : undefined;
  // Asked for PDFs without a browser to print them: say how to get one, before anything is rewritten.
  if (wantPdf && !chromium) throw new UserError(t('pdf.noChromium'));
  const { reportCommand } = await import('./report/notebook.ts');
  const work = await mkdtemp(join(tmpdir(), 'kpi-report-'));
  try {
    const pdf = chromium ? { chromium } : undefined;
    const done = await reportCommand(out, work, config.notebooks, config.themes, config.contracts, pdf);
    const files = done.flatMap((n) => [
      `${n.audience}/reports/${n.name}.html`,
      ...(pdf ? [`${n.audience}/reports/${n.name}.pdf`] : []),
    ]);
    await recordRewritten(
      out,
      files.map((f) => join(out, f)),
      config,
    );
    stdout.write(`${said}\n${files.join('\n')}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return 0;
}

async function explainCommand(c: Call): Promise<number> {
  const { values, stdout, out, argument } = c;
  const config = await commonConfig(values);
  if (!argument) {
    throw new UserError(
      t('cli.explainUsage', {
        known: kpiDefinitions(config)
          .map((d) => d.id)
          .join(', '),
      }),
    );
  }
  const { explain } = await import('./explain.ts');
  stdout.write(`${await explain(argument, out, config)}\n`);
  return 0;
}

async function scheduleCommand(c: Call): Promise<number> {
  const { values, env, reporter, out } = c;
  if (!values.cron) throw new UserError(t('cli.scheduleUsage'));
  await commonConfig(values);
  resolveKey(env); // fail now, not at 02:00
  const { schedule, parseCron } = await import('./schedule.ts');
  parseCron(String(values.cron));
  const runArgs = ['--inbox', resolve((values.inbox as string | undefined) ?? 'inbox'), '--out', out];
  if (values.config) runArgs.push('--config', resolve(String(values.config)));
  if (values.select) runArgs.push('--select', String(values.select));
  if (values.quiet) runArgs.push('--quiet');
  if (values.lang) runArgs.push('--lang', String(values.lang));
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    await schedule({ cron: String(values.cron), runArgs, reporter, env, signal: stop.signal });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  return 0;
}

/** `kpi init`: the configuration and its README, never over an existing file. */
async function initCommand(c: Call): Promise<number> {
  const { values, stdout } = c;
  if (!values.municipality) throw new UserError(t('init.usage'));
  const { findMunicipality, initConfig, initReadme } = await import('./init.ts');
  const m = findMunicipality(String(values.municipality));
  const file = resolve((values.out as string | undefined) ?? 'kpi.config.json');
  const readme = file.replace(/(\.json)?$/, '.README.md');
  for (const f of [file, readme]) if (existsSync(f)) throw new UserError(t('init.exists', { file: f }));
  await writeFile(file, `${JSON.stringify(initConfig(m), null, 2)}\n`, { flag: 'wx' });
  await writeFile(readme, initReadme(m, basename(file)), { flag: 'wx' });
  stdout.write(
    `${t('init.wrote', { ...m, config: relative(process.cwd(), file), readme: relative(process.cwd(), readme) })}\n`,
  );
  return 0;
}

/** --port: a number from 0 to 65535 (0: any free port). */
function portOf(values: Parsed['values']): number {
  const v = (values.port as string | undefined) ?? '8080';
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new UserError(t('site.serve.badPort', { value: v }));
  return n;
}

/** Runs until a signal stops the process (exitOnSignals); resolves never. */
const forever = () => new Promise<number>(() => {});

async function serveCommand(c: Call): Promise<number> {
  const { values, stdout, out } = c;
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const port = portOf(values);
  if (!existsSync(join(out, 'public', 'site', 'index.html')))
    throw new UserError(t('site.serve.nothing', { out }));
  const { listen, siteServer } = await import('./site/serve.ts');
  const restrictedHost = Boolean(values['restricted-host']);
  const url = await listen(siteServer({ out, restrictedHost }), port, host).catch((e: Error) => {
    throw new UserError(t('site.serve.inUse', { host, port, reason: e.message }));
  });
  const restricted = t(restrictedHost ? 'site.serve.restrictedAll' : 'site.serve.restrictedLocal', { url });
  stdout.write(`${t('site.serve.listening', { url, restricted })}\n`);
  return forever();
}

async function previewCommand(c: Call): Promise<number> {
  const { values, stdout, out } = c;
  const configFile = values.config as string | undefined;
  if (!configFile) throw new UserError(t('site.preview.needsConfig'));
  await loadConfig(configFile);
  const { startPreview } = await import('./site/preview.ts');
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const port = portOf(values);
  const p = await startPreview({ configFile, out, port, host, load: loadConfig }).catch((e: Error) => {
    if (e instanceof UserError) throw e;
    throw new UserError(t('site.serve.inUse', { host, port, reason: e.message }));
  });
  stdout.write(
    `${t('site.preview.listening', { url: `${p.url}public/site/index.html`, config: configFile })}\n`,
  );
  return forever();
}

const COMMANDS = {
  serve: serveCommand,
  preview: previewCommand,
  init: initCommand,
  run: runCommand,
  check: checkCommand,
  demo: demoCommand,
  report: reportCommand,
  explain: explainCommand,
  schedule: scheduleCommand,
};

/**
 * At the edge (bin/kpi.js, npm start, npm run kpi): SIGTERM and SIGINT stop a command cleanly. The
 * worker is stopped, the staging and work folders removed and the lock released (core/shutdown.ts), the
 * previous publication stays, one line says so, and the exit code is 143 or 130 as for any command
 * stopped by the signal. `kpi schedule` stops itself between runs.
 */
export function exitOnSignals(argv: string[], stderr: NodeJS.WritableStream = process.stderr): void {
  if (argv.includes('schedule')) return;
  // A server (serve, preview) has nothing to undo: Ctrl+C simply stops it.
  if (argv[0] === 'serve' || argv[0] === 'preview') {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => process.exit(0));
    return;
  }
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    process.once(signal, () => {
      stderr.write(`${t('cli.stopped', { signal })}\n`);
      void shutdown().finally(() => process.exit(code));
    });
  }
}

const isMain = process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain) {
  exitOnSignals(process.argv.slice(2));
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
