/**
 * The run's first step: every own extract's checks and every initiative's SQL are run against an empty
 * warehouse, so a broken entry stops the run (exit 2, naming the field) before anything is read.
 */
import type { Config } from '../../schemas/config.ts';
import { Db } from '../duckdb.ts';
import { ConfigError } from '../errors.ts';
import { extractSpecs, ownCheckProblems } from '../extracts/own.ts';
import { t } from '../i18n/index.ts';
import { createIngestTables } from '../ingest/ingest.ts';
import { buildWarehouse } from '../warehouse.ts';

const REQUIRED_COLUMNS = ['municipality', 'period', 'numerator', 'denominator', 'complete'];

/** Runs every own check's and initiative's SQL against an empty warehouse, before ingest. */
export async function validateInitiatives(config: Config, asOf: string): Promise<void> {
  if (config.initiatives.length === 0 && Object.keys(config.extracts).length === 0) return;
  const db = await Db.open(':memory:');
  try {
    await db.run("ATTACH ':memory:' AS scratch");
    const problems = (await ownCheckProblems(db, config.extracts)).map(
      (p) => `  - ${p.field}: ${t('config.ownCheckSql', { message: p.message })}`,
    );
    await createIngestTables(db, extractSpecs(config.extracts));
    await buildWarehouse(db, { asOf, config });
    for (const [n, ini] of config.initiatives.entries()) {
      const field = `initiatives.${n}.${ini.sqlFile ? 'sqlFile' : 'sql'} (${ini.id})`;
      try {
        const cols = await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM (${ini.sql}) q`);
        const names = cols.map((c) => c.column_name);
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
    if (problems.length) throw new ConfigError(t('config.invalid', { problems: problems.join('\n') }));
  } finally {
    db.close();
  }
}
