/**
 * `kpi check`, the pre-flight: ingest and validate an inbox without publishing anything. It prints, per
 * file, what would load and what would go to quarantine (masked), which extracts the enabled KPIs and
 * contracts need but were not delivered, and what `run` would hold back; it exits 1 when a file would be
 * rejected whole or anything would be held back, so an analyst can fix a delivery before the night.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { publishedMunicipalities } from '../schemas/config.ts';
import type { InputFile, Warning } from '../schemas/outputs.ts';
import { type Config, kpiDefinitions } from './config.ts';
import { asOfDate } from './core/asOf.ts';
import { onShutdown } from './core/shutdown.ts';
import { Db } from './duckdb.ts';
import { UserError } from './errors.ts';
import { extractSpecs } from './extracts/own.ts';
import { checkClock } from './guard/clock.ts';
import { unknownCodeWarnings } from './guard/codes.ts';
import { municipalityWarnings } from './guard/municipality.ts';
import { holdText } from './guard/reasons.ts';
import type { Artifact, Hold } from './guard/trust.ts';
import { extractVolumes, type Volumes } from './guard/volumes.ts';
import { num, plural, t } from './i18n/index.ts';
import { loadHandover, runIngestWorker } from './ingest/isolated.ts';
import { formatOf } from './ingest/sniff.ts';
import type { Reporter } from './log.ts';
import { keyFileWarnings } from './publish/access.ts';
import { declareArtifacts } from './run/artifacts.ts';
import { validateInitiatives } from './run/initiatives.ts';
import { removeStaleWork } from './run/leftovers.ts';
import { comparablePrevious, comparedText, comparedWith } from './run/previous.ts';
import { duckdbOptions, workerDuckdbOptions, workerMemoryLimit } from './run/runtime.ts';
import { previousPublication } from './run/setup.ts';
import { decideNight } from './run/stages/trust.ts';
import { buildWarehouse, staleExtractWarnings } from './warehouse.ts';

const SHOWN_PER_FILE = 20;

export interface CheckResult {
  text: string;
  /** 1 when a file would be rejected whole or a KPI, list or contract held back; else 0. */
  exitCode: 0 | 1;
  /** What a run would hold back, as `<kind>:<id>` (the same decision as the run's trust stage). */
  held: string[];
}

interface CheckOptions {
  inbox: string;
  /** Where the previous run was published: its manifest's volumes are compared. */
  out: string;
  asOf: string;
  config: Config;
  key: string;
  /** Where the key was read from, to warn when others can read it. */
  keyFile?: string;
  workDir: string;
  reporter?: Reporter;
}

type Ingested = Awaited<ReturnType<typeof runIngestWorker>>;

export async function check(opts: CheckOptions): Promise<CheckResult> {
  // A broken own extract or initiative stops the pre-flight as it would stop the run.
  await validateInitiatives(opts.config, opts.asOf);
  await removeStaleWork();
  // A signal removes the work folder, which holds the hand-over's person-level Parquet.
  const unregister = onShutdown(() => rm(opts.workDir, { recursive: true, force: true }));
  try {
    return await checkInbox(opts);
  } finally {
    unregister();
  }
}

async function checkInbox(opts: CheckOptions): Promise<CheckResult> {
  if (!(await stat(opts.inbox).catch(() => undefined))?.isDirectory()) {
    throw new UserError(t('check.inboxMissing', { inbox: opts.inbox }));
  }
  const quarantineDir = join(opts.workDir, 'quarantine');
  // Parsed in the ingest worker, as a run parses: this process never holds a raw value, and no
  // database file is written (the worker's is in memory; its hand-over goes with the work folder).
  const result = await runIngestWorker(
    {
      inbox: opts.inbox,
      workDir: opts.workDir,
      quarantineDir,
      key: opts.key,
      duckdb: workerDuckdbOptions(opts.workDir, opts.config),
      ownExtracts: opts.config.extracts,
      limits: opts.config.limits,
      rowRules: { municipalities: publishedMunicipalities(opts.config), asOfMonth: opts.asOf.slice(0, 7) },
    },
    () => {},
    { maxRssBytes: workerMemoryLimit(opts.config) },
  );
  checkClock(result.inputs, asOfDate(opts.asOf));
  const lines: string[] = [t('check.title', { inbox: opts.inbox }), ''];
  lines.push(...(await fileLines(result, quarantineDir)));
  const { warnings, volumes } = await wouldBuild(opts, result);
  const compared = comparablePrevious(await previousPublication(opts.out), opts);
  const previous = compared.previous;
  warnings.push(...compared.warnings);
  lines.push('', comparedText(comparedWith(previous), opts.out));
  // The night's own decision (run/stages/trust.ts), against the publication in --out.
  const artifacts = declareArtifacts(opts.config, kpiDefinitions(opts.config));
  const decision = decideNight({
    config: opts.config,
    inputs: result.inputs,
    delivered: result.delivered,
    volumes,
    previous,
    artifacts,
  });
  for (const w of [...warnings, ...decision.warnings].filter(
    (x) => x.code !== 'rows_quarantined' && x.code !== 'file_rejected',
  ))
    lines.push(t('check.warning', { code: w.code, message: w.message }));
  lines.push(...missingLines(artifacts, result.delivered));
  lines.push(...holdLines(decision.holds, opts.config.volumeDropTolerance));
  const rejected = result.inputs.filter((i) => i.status === 'rejected').length;
  const ok = rejected === 0 && decision.holds.length === 0;
  lines.push(
    '',
    ok
      ? t('check.ready')
      : t('check.notReady', {
          rejected: rejected === 1 ? t('check.files.one') : t('check.files.many', { n: rejected }),
          held: plural(decision.holds.length, 'kpiOrContract'),
        }),
  );
  return {
    text: lines.join('\n'),
    exitCode: ok ? 0 : 1,
    held: decision.holds.map((h) => `${h.kind}:${h.id}`),
  };
}

/** Per file: what would load, and the first quarantined rows (masked). */
async function fileLines(result: Ingested, quarantineDir: string): Promise<string[]> {
  const lines: string[] = [];
  for (const f of result.inputs) {
    const what =
      f.status === 'rejected'
        ? t('check.rejected', { message: f.message ?? '' })
        : f.status === 'duplicate'
          ? t('check.duplicate', { file: f.duplicateOf ?? '' })
          : t('check.loads', {
              loaded: num(f.rowsLoaded),
              read: num(f.rowsRead),
              rejected: num(f.rowsRejected),
            }) + (f.rowsSkipped ? t('check.skipped', { n: num(f.rowsSkipped) }) : '');
    lines.push(`${f.file} [${dialectLabel(f)}]: ${what}`);
    if (f.rowsRejected > 0 && f.status !== 'rejected') {
      const csv = (await readFile(join(quarantineDir, `${f.file}.rejects.csv`), 'utf8'))
        .trimEnd()
        .split('\n');
      for (const l of csv.slice(1, SHOWN_PER_FILE + 1)) lines.push(`    ${l}`);
      if (csv.length - 1 > SHOWN_PER_FILE)
        lines.push(`    ${t('check.more', { n: csv.length - 1 - SHOWN_PER_FILE })}`);
    }
  }
  if (result.inputs.length === 0) lines.push(t('check.noFiles'));
  return lines;
}

/**
 * How a file was read: the encoding, delimiter and decimal mark a text file was read with; a workbook's
 * or Parquet file's format; and for a file refused before it was read, its real format (or extension).
 */
export function dialectLabel(f: InputFile): string {
  const format = formatOf(f.file);
  if (f.encoding === 'xlsx') return `xlsx, decimal ${f.decimal ?? '-'}`;
  if (f.encoding) return `${f.encoding}, ${f.delimiter ?? '-'}, decimal ${f.decimal ?? '-'}`;
  if (format) return format;
  return extname(f.file).toLowerCase() || t('check.noExtension');
}

/** The warehouse a run would build, in memory (pseudonymised rows only): its warnings and volumes. */
async function wouldBuild(
  opts: CheckOptions,
  result: Ingested,
): Promise<{ warnings: Warning[]; volumes: Volumes }> {
  const db = await Db.open(':memory:', duckdbOptions(opts.workDir, opts.config));
  const warnings: Warning[] = [
    ...(await keyFileWarnings(opts.keyFile, opts.config.restrictedGroup)),
    ...result.warnings,
  ];
  try {
    await db.run("ATTACH ':memory:' AS scratch");
    await loadHandover(db, result, extractSpecs(opts.config.extracts));
    await buildWarehouse(db, { asOf: asOfDate(opts.asOf), config: opts.config });
    warnings.push(
      ...(await staleExtractWarnings(db, opts.asOf, opts.config.staleAfterMonths, result.delivered)),
      ...(await unknownCodeWarnings(db, opts.config, result.delivered)),
      ...(await municipalityWarnings(db, opts.config, result.delivered)),
    );
    return { warnings, volumes: await extractVolumes(db, result.delivered) };
  } finally {
    db.close();
  }
}

/** The extracts the KPIs, lists and contracts read but that were not delivered, and who reads them. */
function missingLines(artifacts: readonly Artifact[], delivered: readonly string[]): string[] {
  const missing = new Map<string, string[]>();
  for (const a of artifacts.filter((x) => x.kind === 'kpi' || x.kind === 'contract')) {
    for (const e of a.reads) {
      if (!delivered.includes(e)) missing.set(e, [...(missing.get(e) ?? []), a.id]);
    }
  }
  if (missing.size === 0) return [];
  return ['', t('check.missing'), ...[...missing].map(([e, ids]) => `  inbox/${e}/: ${ids.join(', ')}`)];
}

/** What a run would hold back, grouped by why. */
function holdLines(holds: readonly Hold[], tolerance: number): string[] {
  if (holds.length === 0) return [];
  const byReason = new Map<string, string[]>();
  for (const h of holds) {
    const why = holdText(h, tolerance);
    byReason.set(why, [
      ...(byReason.get(why) ?? []),
      h.kind === 'contract' ? t('summary.contractMark', { id: h.id }) : h.id,
    ]);
  }
  return [
    '',
    t('check.wouldHold', { n: holds.length }),
    ...[...byReason].flatMap(([reason, ids]) => [`  ${ids.join(', ')}`, `    ${reason}`]),
  ];
}
