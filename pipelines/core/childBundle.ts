/**
 * A child job's code as JavaScript files of its own. Started through tsx's loader, the ingest worker
 * spent about half a second of every run starting the loader and compiling and resolving its 50
 * modules one by one; bundled by esbuild (the compiler tsx itself uses) it starts in about two thirds of
 * that, most of the rest being DuckDB's own library (docs/performance.md). What a job imports lazily
 * stays lazy: each dynamic import is a chunk of its own (the worker never loads zod unless it compiles
 * an extract itself). Packages stay outside.
 *
 * The files live in node_modules/.cache/kpi/, beside the packages they import: one folder per build,
 * named by its content and never rewritten, and per job a stamp naming its folder with the sha256 of
 * every source it was built from. A source that changes makes the next child build it again; folders no
 * stamp names, and builds of sources that are gone (a test's job in a removed temp folder), are
 * removed. Where the folder cannot be written, or esbuild is missing, the child starts through tsx as
 * before; the job is the same either way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/kpi/', import.meta.url));

/** What a build was made from (every source file's sha256, by path) and where it is. */
interface Stamp {
  esbuild: string;
  inputs: Record<string, string>;
  folder: string;
}

/**
 * A folder no stamp names is removed once it is this old: a build being written is younger, and so
 * is one a child still running may load a lazy chunk from.
 */
const ORPHAN_MS = 24 * 60 * 60 * 1000;

/**
 * The path of `module`'s bundled entry, built or rebuilt as needed; undefined when it cannot be. Looked
 * up for every child (reading and hashing its sources takes a few milliseconds), as tsx would read
 * them: a long-lived process (kpi schedule) starts each night's child from the sources of that night.
 */
export async function bundledChild(module: URL): Promise<string | undefined> {
  // KPI_CHILD_BUNDLE=0 starts every child through tsx (docs/operations.md): the way back, should a
  // bundle ever misbehave, and how the tests prove both ways alike.
  if (process.env.KPI_CHILD_BUNDLE === '0') return undefined;
  return bundle(module).catch(() => undefined);
}

async function bundle(module: URL): Promise<string | undefined> {
  const source = fileURLToPath(module);
  const name = `${basename(source).replace(/\.[cm]?ts$/, '')}-${sha256(module.href).slice(0, 12)}`;
  const stampFile = join(CACHE, `${name}.json`);
  const esbuild = await import('esbuild');
  const kept = await fresh(stampFile, esbuild.version);
  if (kept) return kept;
  const result = await esbuild.build({
    entryPoints: { entry: source },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: ROOT,
    outdir: join(CACHE, 'out'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const files = result.outputFiles.map((f) => ({
    rel: relative(join(CACHE, 'out'), f.path),
    contents: f.contents,
  }));
  const folder = `${name}-${sha256(Buffer.concat(files.flatMap((f) => [Buffer.from(f.rel), f.contents]))).slice(0, 12)}`;
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(ROOT, input);
    inputs[path] = sha256(await readFile(path));
  }
  await writeFolder(folder, files);
  // The stamp last, written beside and renamed: a child sees the old build or the new one, whole.
  const tmp = `${stampFile}.${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, JSON.stringify({ esbuild: esbuild.version, inputs, folder } satisfies Stamp));
  await rename(tmp, stampFile);
  await prune();
  return join(CACHE, folder, 'entry.mjs');
}

/** A build's files into its folder, unless a child already put the same build there. */
async function writeFolder(folder: string, files: { rel: string; contents: Uint8Array }[]): Promise<void> {
  const target = join(CACHE, folder);
  if (await exists(join(target, 'entry.mjs'))) return;
  const tmp = join(CACHE, `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    for (const f of files) {
      await mkdir(dirname(join(tmp, f.rel)), { recursive: true });
      await writeFile(join(tmp, f.rel), f.contents);
    }
    await rename(tmp, target).catch(async (e: NodeJS.ErrnoException) => {
      if (!(await exists(join(target, 'entry.mjs')))) throw e;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The entry of the build `stampFile` names, if this esbuild built it from the sources as they are. */
async function fresh(stampFile: string, esbuild: string): Promise<string | undefined> {
  try {
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as Stamp;
    if (stamp.esbuild !== esbuild) return undefined;
    const entry = join(CACHE, stamp.folder, 'entry.mjs');
    if ((await stat(entry)).size === 0) return undefined;
    for (const [path, hash] of Object.entries(stamp.inputs))
      if (sha256(await readFile(path)) !== hash) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * Removes the builds of sources that are gone (a test's job in a removed temp folder), and the
 * folders no stamp has named for a day.
 */
async function prune(): Promise<void> {
  const names = await readdir(CACHE);
  const named = new Set<string>();
  for (const f of names.filter((n) => n.endsWith('.json'))) {
    const stamp = await readFile(join(CACHE, f), 'utf8')
      .then((t) => JSON.parse(t) as Stamp)
      .catch(() => undefined);
    const gone =
      stamp === undefined || !(await Promise.all(Object.keys(stamp.inputs).map(exists))).every(Boolean);
    if (!gone) named.add(stamp.folder);
    else {
      await rm(join(CACHE, f), { force: true });
      if (stamp?.folder) await rm(join(CACHE, stamp.folder), { recursive: true, force: true });
    }
  }
  const now = Date.now();
  for (const f of names.filter((n) => !n.endsWith('.json') && !named.has(n))) {
    const st = await stat(join(CACHE, f)).catch(() => undefined);
    if (st && now - st.mtimeMs > ORPHAN_MS) await rm(join(CACHE, f), { recursive: true, force: true });
  }
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
