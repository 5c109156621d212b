/**
 * One job in a child process of its own (ingest/worker.ts and demo/worker.ts say why each needs one):
 * the request goes over the IPC channel, never on the command line (it may hold the key), with the
 * run's language; the child's messages come back as they are sent; an error comes back as its message.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Lang, lang, setLang } from '../i18n/index.ts';
import { bundledChild } from './childBundle.ts';
import { profileFromEnv } from './childProfile.ts';
import { onShutdown } from './shutdown.ts';

type ChildReply<M> = M | { type: 'error'; message: string };

/** The child was stopped because it used more memory than it may (`maxRssBytes`). */
export class ChildOutOfMemory extends Error {
  constructor(readonly maxRssBytes: number) {
    super(`the child process used more than ${maxRssBytes} bytes of memory`);
    this.name = 'ChildOutOfMemory';
  }
}

/** The child ended without reporting an error of its own: killed by a signal, or crashed. */
export class ChildDied extends Error {
  constructor(readonly reason: string) {
    super(`the child process ended: ${reason}`);
    this.name = 'ChildDied';
  }
}

/** The resident memory of a process, from /proc (Linux); undefined elsewhere. */
function rssBytes(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** How often the child's memory is looked at. */
const WATCH_MS = 200;

/**
 * Starts `module` (a file that calls serveChild) in a child, sends it `request` and waits for it to
 * exit. With `maxRssBytes`, the child is killed once its resident memory passes it (ChildOutOfMemory).
 * A signal to this process (core/shutdown.ts) kills the child too.
 */
export async function runChild<M extends { type: string }>(
  module: URL,
  request: object,
  onMessage?: (m: M) => void,
  opts: { maxRssBytes?: number } = {},
): Promise<void> {
  const bundled = await bundledChild(module);
  const [entry, args] = bundled
    ? [bundled, []]
    : [fileURLToPath(new URL('./child-entry.js', import.meta.url)), [module.href]];
  const child = fork(entry, args, {
    execArgv: [],
    // The child's own diagnostics (KPI_PROFILE_SQL) go to the terminal it shares.
    stdio: ['ignore', 'inherit', process.env.KPI_PROFILE_SQL ? 'inherit' : 'pipe', 'ipc'],
  });
  const unregister = onShutdown(() => {
    child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  let error: string | undefined;
  let outOfMemory = false;
  child.on('message', (m: ChildReply<M>) => {
    if (m.type === 'error') error = (m as { message: string }).message;
    else onMessage?.(m as M);
  });
  const watch =
    opts.maxRssBytes === undefined
      ? undefined
      : setInterval(() => {
          const rss = child.pid === undefined ? undefined : rssBytes(child.pid);
          if (rss !== undefined && rss > opts.maxRssBytes!) {
            outOfMemory = true;
            child.kill('SIGKILL');
          }
        }, WATCH_MS);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  child.send({ request, lang: lang() });
  try {
    const { code, signal } = await exit;
    if (outOfMemory) throw new ChildOutOfMemory(opts.maxRssBytes!);
    if (code === 0) return;
    if (error !== undefined) throw new Error(error);
    throw new ChildDied(signal ? `signal ${signal}` : stderr.trim() || `exit code ${code}`);
  } finally {
    if (watch) clearInterval(watch);
    unregister();
  }
}

/** In the child: runs `job` on the request, then exits 0, or sends the error's message and exits 1. */
export function serveChild<R>(job: (request: R) => Promise<void>): void {
  profileFromEnv();
  // The parent is gone (killed, even with kill -9): so is the point of this job.
  process.once('disconnect', () => process.exit(1));
  process.once('message', ({ request, lang: l }: { request: R; lang: Lang }) => {
    setLang(l);
    job(request).then(
      () => process.exit(0),
      (e: Error) => process.send!({ type: 'error', message: e.message }, () => process.exit(1)),
    );
  });
}
