/**
 * The command line (spec/README.md). Thin: parse, call one function, print, map errors to exit codes
 * (0 published, 1 the run failed, 2 usage or configuration). User errors never show a stack trace.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KpiEntry, Manifest } from '../schemas/outputs.ts';
import { type Config, DEFAULT_MUNICIPALITY, kpiDefinitions, loadConfig } from './config.ts';
import { UserError } from './errors.ts';
import { DEMO_KEY, maskCprs, resolveKey } from './ingest/pseudonym.ts';
import { streamReporter } from './log.ts';

const USAGE = `Usage: kpi <command> [options]

Commands:
  run      the nightly job: ingest, KPIs, publish        kpi run --inbox DIR --out DIR [--as-of YYYY-MM-DD] [--select id,...] [--allow-partial]
  check    the pre-flight: ingest and validate, say what run would hold back; writes nothing   kpi check --inbox DIR [--out DIR]
  demo     write a synthetic Lolland-sized inbox, then run on it   kpi demo [--out DIR] [--inbox DIR]
  report   re-render the notebooks against the published run      kpi report --out DIR
  explain  where a KPI comes from: definition, source, SQL, input files, values   kpi explain <kpi-id> [--out DIR]
  schedule run \`kpi run\` on a cron schedule, never two at once        kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR

Options:
  --inbox DIR        the inbox: one folder per extract (default ./inbox; demo: ./demo-inbox)
  --out DIR          where outputs are published (default ./output)
  --as-of DATE       what counts as "now" (default today); periods after it are incomplete
  --select IDS       comma-separated KPI and contract ids to recompute; the rest keep their published values
  --allow-partial    publish computed values even when an input they read was rejected or shrank (exit 0
                     with a partial_publish warning) instead of holding them back (exit 3)
  --config FILE      JSON configuration (municipality, KPI parameters); see README
  --quiet            only warnings and errors on stderr
  --verbose          every event on stderr (each KPI and contract too)
  --cron EXPR        for schedule: minute hour day month weekday (an optional seconds field first)
  --json             log JSON lines on stderr even on a terminal

Environment:
  KPI_PSEUDONYM_KEY or KPI_PSEUDONYM_KEY_FILE   the pseudonymisation key (run and check need it)

Exit codes:
  0  published (warnings are in the manifest and on stderr)
  1  the run failed, and the previous outputs are untouched (check: a file would be rejected whole or a KPI held back)
  2  usage or configuration error
  3  published, but some KPIs or contracts were held back at their previous values`;

const STATUS_DA: Record<string, string> = {
  on_track: 'på sporet',
  off_track: 'ikke på sporet',
  no_target: 'intet mål',
  no_data: 'ingen data',
  no_baseline: 'ingen baseline',
  incomplete: 'ufuldstændig',
};

const nf1 = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

export function formatValue(unit: KpiEntry['unit'], v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return unit === 'share' ? `${nf1.format(v * 100)} %` : nf0.format(v);
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function validAsOf(s: string): string {
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UserError(`--as-of must be a real date written YYYY-MM-DD, e.g. 2026-11-22; got "${s}".`);
  }
  return s;
}

function printSummary(
  out: NodeJS.WritableStream,
  manifest: Manifest,
  kpis: KpiEntry[],
  outDir: string,
): void {
  const lines: string[] = [];
  lines.push(`Kørsel ${manifest.runId}, opgjort pr. ${manifest.asOf}: offentliggjort i ${outDir}`);
  const m = manifest.municipality;
  lines.push(
    `Kommune: ${m.name} (${m.code})${m.assumed ? ' – antaget, fordi ingen konfiguration nævner kommunen (se advarslen municipality_not_configured)' : ''}`,
  );
  lines.push('');
  const rows = kpis.map((k) => [
    k.id + (kpis.filter((x) => x.id === k.id).length > 1 ? ` (${k.municipality})` : ''),
    k.latest?.period ?? '–',
    formatValue(k.unit, k.latest?.value),
    formatValue(k.unit, k.latest?.target),
    `${STATUS_DA[k.status] ?? k.status}${k.heldBack ? ' (holdt tilbage)' : ''}`,
  ]);
  const header = ['KPI', 'Periode', 'Værdi', 'Mål', 'Status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) lines.push(fmt(r));
  lines.push('');
  const t = manifest.totals;
  const files = manifest.inputs.filter((i) => i.rowsRejected > 0 || i.status === 'rejected');
  lines.push(
    `Rækker: ${nf0.format(t.rowsRead)} læst, ${nf0.format(t.rowsLoaded)} indlæst, ${nf0.format(t.rowsRejected)} i karantæne` +
      (files.length
        ? ` (${files.length} fil${files.length > 1 ? 'er' : ''}; se ${join(outDir, 'restricted', 'quarantine')})`
        : ''),
  );
  for (const f of files)
    lines.push(
      `  ${f.file}: ${f.status === 'rejected' ? `afvist: ${f.message}` : `${f.rowsRejected} af ${f.rowsRead} rækker i karantæne`}`,
    );
  if (manifest.heldBack.length > 0) {
    lines.push('');
    lines.push(
      `Holdt tilbage (${manifest.heldBack.length}): offentliggjort med tallene fra forrige kørsel, fordi en fil, de bygger på, blev afvist eller er blevet mindre:`,
    );
    const byReason = new Map<string, string[]>();
    for (const h of manifest.heldBack)
      byReason.set(h.reason, [
        ...(byReason.get(h.reason) ?? []),
        h.kind === 'contract' ? `${h.id} (kontrakt)` : h.id,
      ]);
    for (const [reason, ids] of byReason) lines.push(`  ${ids.join(', ')}`, `    ${reason}`);
    lines.push(
      '  Gør dette: ret eller genlever filen, og kør igen; tallene opdateres ved næste kørsel.',
      '  Er ændringen tilsigtet, så offentliggør de nye tal med: kpi run --allow-partial',
    );
  }
  const other = manifest.warnings.filter((w) => w.code !== 'rows_quarantined' && w.code !== 'file_rejected');
  if (other.length) {
    lines.push(`Advarsler (${other.length}, se manifest.json):`);
    for (const w of other.slice(0, 10)) lines.push(`  ${w.code}: ${w.message}`);
  }
  out.write(`${maskCprs(lines.join('\n'))}\n`);
}

async function commonConfig(values: Record<string, unknown>): Promise<Config> {
  const config = await loadConfig(values.config as string | undefined);
  if (values['allow-partial']) config.allowPartial = true;
  if (values.select) {
    const ids = String(values.select)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const known = [...kpiDefinitions(config).map((d) => d.id), ...config.contracts.map((c) => c.id)];
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length) {
      throw new UserError(
        `--select: unknown KPI or contract id ${unknown.join(', ')}. Known ids: ${known.join(', ')}`,
      );
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
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        inbox: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        select: { type: 'string' },
        config: { type: 'string' },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
        cron: { type: 'string' },
        json: { type: 'boolean' },
        'allow-partial': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    (values.help ? stdout : stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const reporter = streamReporter(stderr, {
    json: values.json as boolean | undefined,
    quiet: values.quiet as boolean | undefined,
  });
  try {
    const asOf = validAsOf((values['as-of'] as string | undefined) ?? todayIso());
    const out = resolve((values.out as string | undefined) ?? 'output');
    const select = values.select
      ? String(values.select)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    switch (command) {
      case 'run': {
        const config = await commonConfig(values);
        const key = resolveKey(env);
        const { run } = await import('./run.ts');
        const inbox = resolve((values.inbox as string | undefined) ?? 'inbox');
        const keyFile = env.KPI_PSEUDONYM_KEY ? undefined : env.KPI_PSEUDONYM_KEY_FILE;
        const r = await run({ inbox, out, asOf, config, key, keyFile, select, reporter });
        printSummary(stdout, r.manifest, r.kpis.kpis, out);
        return r.manifest.heldBack.length > 0 ? 3 : 0;
      }
      case 'check': {
        const config = await commonConfig(values);
        const key = resolveKey(env);
        const { check } = await import('./check.ts');
        const inbox = resolve((values.inbox as string | undefined) ?? 'inbox');
        const work = await mkdtemp(join(tmpdir(), 'kpi-check-'));
        try {
          const keyFile = env.KPI_PSEUDONYM_KEY ? undefined : env.KPI_PSEUDONYM_KEY_FILE;
          const r = await check({ inbox, out, asOf, config, key, keyFile, workDir: work, reporter });
          stdout.write(`${maskCprs(r.text)}\n`);
          return r.exitCode;
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      }
      case 'demo': {
        const config = await commonConfig(values);
        const inbox = resolve((values.inbox as string | undefined) ?? 'demo-inbox');
        const { writeDemoInboxIsolated } = await import('./ingest/isolated.ts');
        const { run } = await import('./run.ts');
        stderr.write(`Demo: writing a synthetic inbox for a Lolland-sized municipality to ${inbox}\n`);
        stderr.write('Demo: using the built-in demo pseudonymisation key. Never use it for real data.\n');
        // In the worker process, like ingest: this process writes the warehouse and never holds a CPR.
        await writeDemoInboxIsolated(inbox, asOf);
        // The synthetic municipality is Lolland-sized and named so.
        const demoConfig = { ...config, municipality: config.municipality ?? DEFAULT_MUNICIPALITY };
        const r = await run({ inbox, out, asOf, config: demoConfig, key: DEMO_KEY, select, reporter });
        printSummary(stdout, r.manifest, r.kpis.kpis, out);
        return r.manifest.heldBack.length > 0 ? 3 : 0;
      }
      case 'report': {
        const { reportCommand } = await import('./report/notebook.ts');
        const work = await mkdtemp(join(tmpdir(), 'kpi-report-'));
        try {
          const done = await reportCommand(out, work);
          stdout.write(`${done.map((n) => `${n.audience}/reports/${n.name}.html`).join('\n')}\n`);
        } finally {
          await rm(work, { recursive: true, force: true });
        }
        return 0;
      }
      case 'explain': {
        const id = positionals[1];
        if (!id) throw new UserError('Usage: kpi explain <kpi-id> [--out DIR]');
        const config = await commonConfig(values);
        const { explain } = await import('./explain.ts');
        stdout.write(`${await explain(id, out, config)}\n`);
        return 0;
      }
      case 'schedule': {
        if (!values.cron) throw new UserError('Usage: kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR');
        await commonConfig(values);
        resolveKey(env); // fail now, not at 02:00
        const { schedule, parseCron } = await import('./schedule.ts');
        parseCron(String(values.cron));
        const runArgs = ['--inbox', resolve((values.inbox as string | undefined) ?? 'inbox'), '--out', out];
        if (values.config) runArgs.push('--config', resolve(String(values.config)));
        if (values.select) runArgs.push('--select', String(values.select));
        if (values.quiet) runArgs.push('--quiet');
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
      default:
        stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UserError) {
      stderr.write(`${maskCprs(e.message)}\n`);
      return e.exitCode;
    }
    stderr.write(`Unexpected error: ${maskCprs((e as Error).message)}\n`);
    if (env.KPI_DEBUG) stderr.write(`${maskCprs((e as Error).stack ?? '')}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
