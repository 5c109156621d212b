/**
 * A child job's code as one JavaScript file. Started through tsx's loader, the ingest worker spent
 * about half a second of every run starting the loader and compiling and resolving its 50 modules one
 * by one; bundled by esbuild (the compiler tsx itself uses) it starts in about a tenth of that
 * (docs/performance.md). The bundle is kept in node_modules/.cache/kpi/, beside the packages it
 * imports (they stay outside it), with the sha256 of every source it was built from: a source that
 * changes makes the next child build it again. Where that folder cannot be written, or esbuild is
 * missing, the child starts through tsx as before; the job is the same either way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = new URL('../../node_modules/.cache/kpi/', import.meta.url);

/** What a bundle was built from: every source file's sha256, by path. */
interface Stamp {
  esbuild: string;
  inputs: Record<string, string>;
}

/** Bundles this process has checked or built, by module: a process runs the code it started with. */
const checked = new Map<string, Promise<string | undefined>>();

/**
 * The path of `module`'s bundle, built or rebuilt as needed; undefined when it cannot be. `recheck`
 * looks at the sources again even if this process has already.
 */
export function bundledChild(module: URL, recheck = false): Promise<string | undefined> {
  let found = recheck ? undefined : checked.get(module.href);
  if (!found) {
    found = bundle(module).catch(() => undefined);
    checked.set(module.href, found);
  }
  return found;
}

async function bundle(module: URL): Promise<string | undefined> {
  const name = `${basename(fileURLToPath(module), '.ts')}-${sha256(module.href).slice(0, 12)}`;
  const js = fileURLToPath(new URL(`${name}.mjs`, CACHE));
  const stampFile = fileURLToPath(new URL(`${name}.json`, CACHE));
  const esbuild = await import('esbuild');
  if (await fresh(stampFile, js, esbuild.version)) return js;
  const result = await esbuild.build({
    // The job, then the statement profiling the child's edge turns on (core/childProfile.ts).
    stdin: {
      contents: `import { profileFromEnv } from ${JSON.stringify(fileURLToPath(new URL('./childProfile.ts', import.meta.url)))};
import ${JSON.stringify(fileURLToPath(module))};
profileFromEnv();`,
      resolveDir: fileURLToPath(new URL('.', module)),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: ROOT,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input === '<stdin>') continue;
    const path = resolve(ROOT, input);
    inputs[path] = sha256(await readFile(path));
  }
  await mkdir(CACHE, { recursive: true });
  // Written beside and renamed: a child starting meanwhile sees the old bundle or the new one, whole.
  const tmp = `${js}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(tmp, result.outputFiles[0]!.contents);
    await rename(tmp, js);
    await writeFile(
      `${stampFile}${tmp.slice(js.length)}`,
      JSON.stringify({ esbuild: esbuild.version, inputs }),
    );
    await rename(`${stampFile}${tmp.slice(js.length)}`, stampFile);
  } finally {
    await rm(tmp, { force: true });
  }
  return js;
}

/** Whether the bundle at `js` was built by this esbuild from the sources as they are now. */
async function fresh(stampFile: string, js: string, esbuild: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as Stamp;
    if (stamp.esbuild !== esbuild) return false;
    if ((await stat(js)).size === 0) return false;
    for (const [path, hash] of Object.entries(stamp.inputs))
      if (sha256(await readFile(path)) !== hash) return false;
    return true;
  } catch {
    return false;
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
