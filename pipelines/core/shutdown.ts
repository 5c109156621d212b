/**
 * What a stopped command must undo (docs/operations.md): the library registers it here (kill the
 * worker, remove the staging and work folders, release the lock), and the command line's signal
 * handler, at the edge, runs it before it exits 143 or 130. The library itself never exits.
 */
type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();

/** Registers `fn` to run on a signal; the returned function unregisters it (when the work is done). */
export function onShutdown(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => {
    cleanups.delete(fn);
  };
}

/** Runs every registered cleanup, the latest first; one that fails does not stop the others. */
export async function shutdown(): Promise<void> {
  const all = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of all) {
    try {
      await fn();
    } catch {
      // Best effort: the next run cleans up what is left (publish/atomic.ts, run/leftovers.ts).
    }
  }
}
