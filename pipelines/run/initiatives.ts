/**
 * The run's first step: every own extract's checks and every initiative's SQL go through the sandbox
 * (sandbox.ts) and are then tried against an empty warehouse on a locked instance, so a refused or broken
 * entry stops the run (exit 2, naming the field) before anything is read, and writes nothing.
 */
import type { Config } from '../../schemas/config.ts';
import { asOfDate } from '../core/asOf.ts';
import { Db } from '../duckdb.ts';
import { ConfigError } from '../errors.ts';
import { extractSpecs, ownCheckProblems } from '../extracts/own.ts';
import { t } from '../i18n/index.ts';
import { createIngestTables } from '../ingest/tables.ts';
import { INITIATIVE_SCHEMAS, lockDown, refuseSelect } from '../sandbox.ts';
import { buildWarehouse } from '../warehouse.ts';

const REQUIRED_COLUMNS = ['municipality', 'period', 'numerator', 'denominator', 'complete'];

/** One line per initiative whose SQL is refused, does not run, or lacks a required column. */
async function initiativeProblems(db: Db, config: Config): Promise<string[]> {
  const problems: string[] = [];
  for (const [n, ini] of config.initiatives.entries()) {
    const field = `initiatives.${n}.${ini.sqlFile ? 'sqlFile' : 'sql'} (${ini.id})`;
    const refused = await refuseSelect(db, ini.sql!, { schemas: INITIATIVE_SCHEMAS });
    if (refused) {
      problems.push(`  - ${field}: ${t('sandbox.refusedInitiative', { reason: refused })}`);
      continue;
    }
    try {
      // Prepared, not run: its columns are known without reading a row.
      const names = await db.columnsOf(ini.sql!);
      const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
      if (missing.length)
        problems.push(
          `  - ${field}: ${t('config.initiativeColumns', { missing: missing.join(', '), names: names.join(', ') })}`,
        );
    } catch (e) {
      problems.push(
        `  - ${field}: ${t('config.initiativeSql', { message: (e as Error).message.split('\n')[0]! })}`,
      );
    }
  }
  return problems;
}

/** Runs every own check's and initiative's SQL through the sandbox against an empty warehouse, before ingest. */
export async function validateInitiatives(config: Config, asOf: string): Promise<void> {
  if (config.initiatives.length === 0 && Object.keys(config.extracts).length === 0) return;
  const db = await Db.open(':memory:');
  try {
    await db.run("ATTACH ':memory:' AS scratch");
    await createIngestTables(db, extractSpecs(config.extracts));
    await buildWarehouse(db, { asOf: asOfDate(asOf), config });
    await lockDown(db);
    const problems = [
      ...(await ownCheckProblems(db, config.extracts)).map((p) => `  - ${p.field}: ${p.message}`),
      ...(await initiativeProblems(db, config)),
    ];
    if (problems.length) throw new ConfigError(t('config.invalid', { problems: problems.join('\n') }));
  } finally {
    db.close();
  }
}
