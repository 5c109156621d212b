/**
 * Ingest (docs/inbox.md), in the data's way: discover the files (discover.ts), read each one
 * (read.ts: sniff the bytes, find the header, decide the dialect), validate it (validate.ts: a raw
 * VARCHAR table, every value parsed and checked in SQL, violations to the quarantine), and hand it over
 * (handover.ts: pseudonymise with the SQL HMAC, store). Raw values, CPR included, live only in the
 * in-memory `scratch` database and the run's private work folder, which is deleted when the run ends.
 */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputFile, Warning } from '../../schemas/outputs.ts';
import { maskCprs } from '../core/mask.ts';
import type { Db } from '../duckdb.ts';
import { FileRejected } from '../errors.ts';
import { type ExtractSpec, mapHeaders, masksCpr } from '../extracts/parse.ts';
import { t } from '../i18n/index.ts';
import { deliveryOrder, inboxFolders, irregularWarning, listDelivered } from './discover.ts';
import { judgeFormulas } from './formulas.ts';
import { pseudonymiseAndStore } from './handover.ts';
import {
  fileNotes,
  QUARANTINE_COLUMNS,
  quarantineWarnings,
  writeFileReject,
  writeRejects,
} from './quarantine.ts';
import { countRows, firstLine, prepare, type ReadAhead, readAhead } from './read.ts';
import { type FileOnDisk, FileRegistry } from './registry.ts';
import { countRunRules, datedStats, runRuleWarnings, stillHolds, withRunRules } from './rowRules.ts';
import { DEFAULT_LIMITS, formatOf, HEADER_SEARCH_LINES, type ReadLimits, sha256File } from './sniff.ts';
import { createIngestTables } from './tables.ts';
import type { FileLoad, FileOutcome, IngestOptions, IngestResult, Prepared } from './types.ts';
import { decideDecimal, parseRows, readRaw, recordViolations } from './validate.ts';

export async function ingestInbox(db: Db, opts: IngestOptions): Promise<IngestResult> {
  // Without extracts, the built-in ones, compiled only then: compiling loads zod, and the worker is
  // given its specs compiled (isolated.ts).
  const specs = opts.extracts ?? Object.values((await import('../extracts/spec.ts')).EXTRACT_SPECS);
  await createIngestTables(db, specs);
  const run: InboxRun = {
    db,
    opts,
    inputs: [],
    warnings: [],
    seen: new Map<string, string>(),
    limits: opts.limits ?? DEFAULT_LIMITS,
    // The files the warehouse already holds: the previous run's, when the run starts from its warehouse.
    registry: await FileRegistry.load(db),
    ahead: new Map(),
    fileSeq: 0,
  };
  const found = await inboxFolders(
    opts.inbox,
    specs.map((c) => c.extract),
  );
  run.warnings.push(...found.warnings);
  const delivered: string[] = [];
  for (const spec of specs) {
    const folder = found.folders.get(spec.extract);
    if (folder) {
      delivered.push(spec.extract);
      if (folder !== spec.extract) run.warnings.push(foldedFolderWarning(folder, spec.extract));
      await ingestExtract(run, spec, join(opts.inbox, folder));
    }
    await run.registry.finishExtract(spec.extract);
  }
  return { inputs: run.inputs, warnings: run.warnings, delivered, changes: run.registry.changes };
}

/** What reading an inbox carries from file to file. */
interface InboxRun {
  db: Db;
  opts: IngestOptions;
  inputs: InputFile[];
  warnings: Warning[];
  /** The files read so far this run, by sha256: the same bytes are not read twice. */
  seen: Map<string, string>;
  limits: ReadLimits;
  registry: FileRegistry;
  ahead: ReadAhead;
  fileSeq: number;
}

/** Every file of one extract's folder, in delivery order. */
async function ingestExtract(run: InboxRun, spec: ExtractSpec, dir: string): Promise<void> {
  const { db, opts, seen, registry, ahead } = run;
  const extract = spec.extract;
  const listed = await listDelivered(dir);
  run.warnings.push(...listed.ignored.map((name) => irregularWarning(`${extract}/${name}`)));
  const files = deliveryOrder(listed.files);
  for (const [i, name] of files.entries()) {
    const fileSeq = ++run.fileSeq;
    // A file named after a person keeps its name only on disk: everywhere it is reported, and in the
    // registry, the CPR in it is masked.
    const rel = maskCprs(`${extract}/${name}`);
    const path = join(dir, ...name.split('/'));
    // The next file's byte scan runs on this thread while DuckDB's threads work on this file.
    const next = files[i + 1];
    if (next !== undefined && !skipped(opts, next, extract)) {
      const nextRel = maskCprs(`${extract}/${next}`);
      await readAhead(join(dir, ...next.split('/')), nextRel, spec, registry, ahead, run.limits);
    }
    opts.onStart?.(rel);
    const skip = opts.skip?.[rel];
    const result = skip
      ? await skippedFile(freshInput(extract, rel), path, skip)
      : await ingestFile({ db, contract: spec, path, rel, fileSeq, seen, opts, registry, ahead });
    if (rel !== `${extract}/${name}`) result.input.cprMasked = (result.input.cprMasked ?? 0) + 1;
    run.inputs.push(result.input);
    run.warnings.push(...result.warnings, ...fileNotes(result.input));
    opts.onFile?.(result.input);
  }
}

/** A folder read under its extract's name though spelt otherwise (`Tariffs/` for `tariffs/`). */
function foldedFolderWarning(folder: string, extract: string): Warning {
  return { code: 'folder_renamed', message: t('ingest.foldedFolder', { folder, extract }), extract };
}

/** Whether the file `name` of `extract` is one the worker stopped on before (see IngestOptions.skip). */
function skipped(opts: IngestOptions, name: string, extract: string): boolean {
  return opts.skip?.[maskCprs(`${extract}/${name}`)] !== undefined;
}

/** A file the worker stopped on before: rejected whole, unread, with why (isolated.ts). */
async function skippedFile(
  input: InputFile,
  path: string,
  skip: { rule: string; message: string },
): Promise<FileOutcome> {
  const { extract, file } = input;
  input.sha256 = await sha256File(path);
  input.status = 'rejected';
  input.message = skip.message;
  return {
    input,
    warnings: [{ code: 'file_rejected', message: `${file}: ${skip.message}`, extract, file }],
    rules: { [skip.rule]: 1 },
  };
}

/** A file's manifest entry before it is read. */
function freshInput(extract: string, rel: string): InputFile {
  return {
    extract,
    file: rel,
    sha256: '',
    status: 'loaded',
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    encoding: null,
    delimiter: null,
    decimal: null,
    extraColumns: [],
  };
}

function emptyFile(input: InputFile): FileOutcome {
  const { extract, file } = input;
  input.status = 'empty';
  return {
    input,
    warnings: [{ code: 'empty_file', message: t('ingest.emptyFile', { file }), extract, file }],
    rules: {},
  };
}

/** The same bytes as a file read earlier this run: not read twice. */
function duplicateFile(input: InputFile, dup: string): FileOutcome {
  const { extract, file } = input;
  input.status = 'duplicate';
  input.duplicateOf = dup;
  return {
    input,
    warnings: [{ code: 'duplicate_file', message: t('ingest.duplicateFile', { file, dup }), extract, file }],
    rules: {},
  };
}

/** Which columns are missing, the headers found and where, the near misses, and a delimiter hint. */
function missingColumnsMessage(
  contract: ExtractSpec,
  prepared: Prepared,
  mapping: ReturnType<typeof mapHeaders>,
): string {
  const found = prepared.headers.map((h) => h.replace(/^\uFEFF/, '').trim()).join(', ');
  const hint =
    prepared.headers.length === 1 && /[|:]/.test(prepared.headers[0] ?? '')
      ? t('ingest.delimiterHint', { delimiter: /[|]/.test(prepared.headers[0]!) ? '|' : ':' })
      : '';
  const names = mapping.missing.map((m) => {
    const col = contract.columns.find((c) => c.name === m)!;
    return col.aliases.length ? t('ingest.columnOr', { name: m, aliases: col.aliases.join(', ') }) : m;
  });
  const where =
    prepared.kind === 'parquet'
      ? ''
      : t('ingest.headersWhere', { line: prepared.headerLine, n: HEADER_SEARCH_LINES });
  const didYouMean = [...mapping.nearMisses]
    .map(([column, header]) => t('ingest.headerDidYouMean', { header, column }))
    .join('');
  return (
    t(mapping.missing.length > 1 ? 'ingest.missingColumns' : 'ingest.missingColumn', {
      names: names.join('; '),
    }) +
    t('ingest.headersFound', { found: found || t('ingest.headersNone'), where }) +
    didYouMean +
    hint
  );
}

/**
 * The same bytes were loaded by an earlier run: their rows, and their quarantine records, are kept as they
 * are. An extract checked against another one is parsed again when that one changed.
 */
async function fromEarlierRun(
  db: Db,
  contract: ExtractSpec,
  path: string,
  disk: FileOnDisk,
  fileSeq: number,
  seen: Map<string, string>,
  opts: IngestOptions,
  registry: FileRegistry,
  input: InputFile,
): Promise<FileOutcome | undefined> {
  const { extract } = contract;
  const { rel } = disk;
  const ref = contract.references?.extract;
  if (!ref || !registry.changed(ref)) {
    // Hashing reads the whole file, so it is done only when a registered file has the same size.
    const sha =
      registry.findUnchanged(extract, disk)?.sha256 ??
      (registry.hasSize(extract, disk.bytes) ? await sha256File(path) : undefined);
    const found = sha === undefined || seen.has(sha) ? undefined : registry.find(extract, sha);
    const hit = found && stillHolds(found.stats, opts.rowRules) ? found : undefined;
    if (hit) {
      Object.assign(input, hit.stats.input, { extract, file: rel, sha256: sha!, fromCache: true });
      seen.set(sha!, rel);
      await registry.keep(hit.fileId, disk, fileSeq);
      if (input.rowsRejected > 0 && opts.quarantineDir) {
        await writeRejects(
          db,
          `ingest.violations WHERE file_id = ${hit.fileId}`,
          join(opts.quarantineDir, `${rel}.rejects.csv`),
        );
      }
      const kept = `ingest.violations WHERE file_id = ${hit.fileId}`;
      return {
        input,
        warnings: [
          ...quarantineWarnings(rel, extract, input, hit.stats.rules),
          ...(await runRuleWarnings(db, kept, input)),
        ],
        rules: hit.stats.rules,
      };
    }
  }

  return undefined;
}

/** One file's turn: what reading it needs. */
interface FileTurn {
  db: Db;
  contract: ExtractSpec;
  path: string;
  rel: string;
  fileSeq: number;
  /** The files read so far this run, by sha256: the same bytes are not read twice. */
  seen: Map<string, string>;
  opts: IngestOptions;
  registry: FileRegistry;
  ahead?: ReadAhead;
}

/** A file rejected whole: its manifest entry, warning and rejects file say why. */
async function rejectFile(turn: FileTurn, input: InputFile, e: FileRejected): Promise<FileOutcome> {
  const { rel, opts } = turn;
  input.status = 'rejected';
  input.rowsRead = e.rowsRead;
  input.rowsRejected = e.rowsRead;
  input.rowsLoaded = 0;
  const message = maskCprs(e.message);
  input.message = message;
  await writeFileReject(opts.quarantineDir, rel, e.rule, message);
  return {
    input,
    warnings: [{ code: 'file_rejected', message: `${rel}: ${message}`, extract: input.extract, file: rel }],
    rules: { [e.rule]: Math.max(1, e.rowsRead) },
  };
}

async function ingestFile(turn: FileTurn): Promise<FileOutcome> {
  const input = freshInput(turn.contract.extract, turn.rel);
  try {
    return await readFileTurn({ ...turn, contract: withRunRules(turn.contract, turn.opts.rowRules) }, input);
  } catch (e) {
    if (e instanceof FileRejected) return rejectFile(turn, input, e);
    throw e;
  }
}

/** Why a file of an unsupported type is not read, and what to deliver instead, by its extension. */
function unsupportedMessage(path: string): string {
  const ext = extname(path).toLowerCase();
  const specific = { '.xls': 'xls', '.xlsb': 'xlsb', '.zip': 'zip', '.ods': 'ods' } as const;
  const key = specific[ext as keyof typeof specific];
  return key ? t(`ingest.unsupported.${key}`) : t('ingest.unsupportedFormat', { ext: ext || '(?)' });
}

/** Reads one file: its format, its bytes (or an earlier run's rows), its header, its rows. */
async function readFileTurn(turn: FileTurn, input: InputFile): Promise<FileOutcome> {
  const { db, contract, path, rel, fileSeq, seen, opts, registry } = turn;
  const format = formatOf(path);
  if (!format) {
    input.sha256 = await sha256File(path);
    throw new FileRejected(unsupportedMessage(path), 'unsupported_format');
  }
  const onDisk = await stat(path);
  if (onDisk.size === 0) {
    input.sha256 = await sha256File(path);
    return emptyFile(input);
  }
  const disk: FileOnDisk = { rel, bytes: onDisk.size, mtimeMs: onDisk.mtimeMs };
  const kept = await fromEarlierRun(db, contract, path, disk, fileSeq, seen, opts, registry, input);
  if (kept) return kept;
  const prepared = await prepare(
    contract,
    path,
    format,
    fileSeq,
    opts.workDir,
    db,
    input,
    opts.limits,
    turn.ahead,
  );
  const dup = seen.get(input.sha256);
  if (dup) return duplicateFile(input, dup);
  seen.set(input.sha256, rel);
  // A header cell with a CPR in it is masked wherever it is shown (messages, quarantine, manifest).
  const maskedHeaders = prepared.headers.filter((h) => maskCprs(h) !== h).length;
  if (maskedHeaders > 0) input.cprMasked = maskedHeaders;
  const mapping = mapHeaders(contract, prepared.headers);
  input.extraColumns = mapping.extra.map(maskCprs);
  const dataRows = async () => countRows(db, prepared).catch(() => 0);
  if (mapping.missing.length > 0)
    throw new FileRejected(
      missingColumnsMessage(contract, prepared, mapping),
      'missing_column',
      await dataRows(),
    );
  try {
    return await loadRows(db, contract, prepared, mapping.columnIndex, disk, fileSeq, input, opts, registry);
  } catch (e) {
    if (e instanceof FileRejected) throw e;
    // DuckDB could not read the file at all: keep the analyst's view on the file, not on our code.
    throw new FileRejected(
      t('ingest.unreadable', { message: firstLine((e as Error).message) }),
      'unreadable',
      await dataRows(),
    );
  }
}

export async function loadRows(
  db: Db,
  contract: ExtractSpec,
  p: Prepared,
  columnIndex: Map<string, number>,
  disk: FileOnDisk,
  fileSeq: number,
  input: InputFile,
  opts: IngestOptions,
  registry: FileRegistry,
): Promise<FileOutcome> {
  const f: FileLoad = {
    db,
    contract,
    p,
    columnIndex,
    disk,
    fileSeq,
    input,
    opts,
    registry,
    fileId: registry.allocate(),
  };
  const totalsSkipped = await readRaw(f);
  await judgeFormulas(f);
  const decimal = await decideDecimal(f);
  await parseRows(f, decimal);
  await recordViolations(f);
  const loaded = await pseudonymiseAndStore(f);
  return countAndRecord(f, loaded, totalsSkipped);
}

/** 6. The counts, checked to add up, the quarantine file and the registry entry. */
async function countAndRecord(f: FileLoad, loaded: number, totalsSkipped: number): Promise<FileOutcome> {
  const { db, contract, p, disk, fileSeq, input, opts, registry, fileId } = f;
  const extract = contract.extract;
  const rel = disk.rel;
  // 6. Count, and check that nothing was lost.
  const masks = contract.columns.some(masksCpr);
  const { masked, padded, ...counted } = await db.one<{
    parsed: number;
    rejected: number;
    masked: number;
    padded: number;
  }>(`SELECT
    (SELECT count(*) FROM parsed)::BIGINT + (SELECT count(DISTINCT line) FROM csv_rejects)::BIGINT AS parsed,
    (SELECT count(DISTINCT line) FROM scratch.violations)::BIGINT AS rejected,
    ${masks ? '(SELECT coalesce(sum(_cpr_masked), 0) FROM parsed)::BIGINT' : '0'} AS masked,
    (SELECT coalesce(sum(_cpr_padded) FILTER (WHERE NOT _bad), 0) FROM parsed)::BIGINT AS padded`);
  const counts = { ...counted, loaded };
  if (masked > 0) input.cprMasked = (input.cprMasked ?? 0) + masked;
  if (padded > 0) input.cprPadded = padded;
  input.rowsSkipped = p.titleRows + totalsSkipped;
  input.rowsRead = counts.parsed + input.rowsSkipped;
  input.rowsLoaded = counts.loaded;
  input.rowsRejected = counts.rejected;
  if (counts.loaded + counts.rejected !== counts.parsed) {
    throw new Error(
      `internal error: ${rel}: ${counts.parsed} rows read but ${counts.loaded} loaded + ${counts.rejected} rejected`,
    );
  }
  if (counts.parsed === 0) input.status = 'empty';

  const rules: Record<string, number> = {};
  if (counts.rejected > 0) {
    const byRule = await db.all<{ rule: string; n: number }>(
      'SELECT rule, count(DISTINCT line)::BIGINT AS n FROM scratch.violations GROUP BY rule ORDER BY n DESC, rule',
    );
    for (const r of byRule) rules[r.rule] = r.n;
    countRunRules(input, rules);
    if (opts.quarantineDir) {
      await writeRejects(db, 'scratch.violations', join(opts.quarantineDir, `${rel}.rejects.csv`));
    }
  }
  const { extract: _e, file: _f, ...stats } = input;
  const runWarnings = await runRuleWarnings(db, 'scratch.violations', input);
  const dated = await datedStats(db, contract, opts.rowRules);
  await db.run(
    `INSERT INTO ingest.violations SELECT ${fileId}, ${QUARANTINE_COLUMNS} FROM scratch.violations`,
  );
  await registry.register(extract, fileId, disk, input.sha256, fileSeq, { input: stats, rules, ...dated });
  const warnings = [...quarantineWarnings(rel, extract, input, rules), ...runWarnings];
  await db.run(
    'DROP VIEW parsed; DROP TABLE scratch.parsed_rows; DROP TABLE scratch.violations; DROP TABLE IF EXISTS csv_rejects;',
  );
  return { input, warnings, rules };
}
