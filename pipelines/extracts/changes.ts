/**
 * What an incremental night changed in an extract's files (docs/performance.md, incremental nights):
 * the hand-over from ingest to the warehouse, which rebuilds only the marts those files touch.
 */
export interface ExtractChanges {
  /** Files parsed by this run. */
  added: number[];
  /** Files loaded by an earlier run and no longer delivered (or parsed again under a new id). */
  removed: number[];
  /** Files kept from an earlier run now sort in another order: which row wins a key may have changed. */
  reordered: boolean;
}
