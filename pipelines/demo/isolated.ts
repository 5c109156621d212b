/** Writes the demo's synthetic inbox from a child process (worker.ts says why). */
import { runChild } from '../core/child.ts';
import type { DemoRequest } from './worker.ts';

export async function writeDemoInboxIsolated(dir: string, asOf: string): Promise<void> {
  await runChild(new URL('./worker.ts', import.meta.url), { dir, asOf } satisfies DemoRequest);
}
