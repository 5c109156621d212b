/**
 * One job in a child process of its own (ingest/worker.ts and demo/worker.ts say why each needs one):
 * the request goes over the IPC channel, never on the command line (it may hold the key), with the
 * run's language; the child's messages come back as they are sent; an error comes back as its message.
 */
import { fork } from 'node:child_process';
import { type Lang, lang, setLang } from '../i18n/index.ts';

type ChildReply<M> = M | { type: 'error'; message: string };

/** Starts `module` (a file that calls serveChild) in a child, sends it `request` and waits for it to exit. */
export async function runChild<M extends { type: string }>(
  module: URL,
  request: object,
  onMessage?: (m: M) => void,
): Promise<void> {
  const child = fork(new URL('./child-entry.js', import.meta.url), [module.href], {
    execArgv: [],
    // The child's own diagnostics (KPI_PROFILE_SQL) go to the terminal it shares.
    stdio: ['ignore', 'inherit', process.env.KPI_PROFILE_SQL ? 'inherit' : 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  let error: string | undefined;
  child.on('message', (m: ChildReply<M>) => {
    if (m.type === 'error') error = (m as { message: string }).message;
    else onMessage?.(m as M);
  });
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  child.send({ request, lang: lang() });
  const code = await exit;
  if (code !== 0) throw new Error(error ?? (stderr.trim() || `the child process exited with ${code}`));
}

/** In the child: runs `job` on the request, then exits 0, or sends the error's message and exits 1. */
export function serveChild<R>(job: (request: R) => Promise<void>): void {
  process.once('message', ({ request, lang: l }: { request: R; lang: Lang }) => {
    setLang(l);
    job(request).then(
      () => process.exit(0),
      (e: Error) => process.send!({ type: 'error', message: e.message }, () => process.exit(1)),
    );
  });
}
