import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import type { OwnExtracts } from '../../schemas/ownExtracts.ts';
import { setKeyVariablesSql } from '../core/pseudonym.ts';
import { Db } from '../duckdb.ts';
import { EXTRACT_SPECS } from '../extracts/spec.ts';
import { lang } from '../i18n/index.ts';
import { privateDir, restrictedAccess } from '../publish/access.ts';
import { duckdbOptions } from './runtime.ts';

/**
 * Incremental nightly runs: a successful run keeps its working warehouse in
 * <out>/.cache/warehouse.duckdb, and the next run continues it, so files already loaded
 * (same sha256) are not parsed again and the big marts are only updated. It holds nothing that the
 * published warehouse does not: no raw CPR. It is used only under the same key, code version and
 * extract contracts; otherwise the run starts from an empty warehouse.
 */
export const CACHE_FILE = join('.cache', 'warehouse.duckdb');

export function cacheIdentity(
  keyFp: string,
  version: string,
  own: OwnExtracts = {},
  municipalities: string[] = [],
): string {
  return (
    createHash('sha256')
      // The quarantine reasons a kept file brings along are in the language it was parsed in.
      .update(
        JSON.stringify({
          keyFingerprint: keyFp,
          codeVersion: version,
          contracts: EXTRACT_SPECS,
          // An own extract declared otherwise parses its files otherwise (docs/own-data.md).
          own,
          // A file judged for other municipalities quarantined other rows (ingest/rowRules.ts).
          municipalities,
          lang: lang(),
        }),
      )
      .digest('hex')
      .slice(0, 24)
  );
}

/**
 * Moves the kept warehouse into the run's work folder (a rename: no copy); false when there is none or
 * it does not fit. A run that fails takes it with it, and the next run starts from an empty warehouse.
 */
export async function startFromCache(outDir: string, workDir: string, identity: string): Promise<boolean> {
  const cached = join(outDir, CACHE_FILE);
  if (!(await stat(cached).catch(() => undefined))) return false;
  const target = join(workDir, 'warehouse.duckdb');
  await rename(cached, target);
  let fits = false;
  const probe = await Db.open(target).catch(() => undefined);
  if (probe) {
    fits = await probe
      .one<{ value: string }>('SELECT value FROM meta.cache_identity')
      .then((r) => r.value === identity)
      .catch(() => false);
    probe.close();
  }
  if (!fits) await rm(target, { force: true });
  return fits;
}

export async function openWorkDb(workDir: string, config: Config, key: string): Promise<Db> {
  const options = duckdbOptions(workDir, config);
  await privateDir(options.tempDirectory, restrictedAccess(config.restrictedGroup));
  const db = await Db.open(join(workDir, 'warehouse.duckdb'), options);
  await db.run(`ATTACH ':memory:' AS scratch; ${setKeyVariablesSql(key)}`);
  return db;
}
