/**
 * Rows without a `municipality` column belong to the configured municipality. When no configuration
 * names one, the default is assumed, and the run says so: data must not be published as Lolland
 * Kommune's without anyone noticing.
 */

import { type Config, municipalityOf } from '../../schemas/config.ts';
import type { Warning } from '../../schemas/outputs.ts';
import type { Db } from '../duckdb.ts';
import { extractSpecs } from '../extracts/own.ts';
import { list, t } from '../i18n/index.ts';

export async function municipalityWarnings(
  db: Db,
  config: Config,
  delivered: readonly string[],
): Promise<Warning[]> {
  const m = municipalityOf(config);
  if (!m.assumed) return [];
  const without: string[] = [];
  const specs = extractSpecs(config.extracts);
  for (const extract of delivered) {
    const spec = specs.find((s) => s.extract === extract);
    if (!spec) continue;
    if (!spec.columns.some((c) => c.name === 'municipality')) {
      // An own extract without the column is the configured municipality's throughout.
      if (spec.own) without.push(extract);
      continue;
    }
    const r = await db.one<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ingest.${extract} WHERE municipality IS NULL) AS "any"`,
    );
    if (r.any) without.push(extract);
  }
  if (without.length === 0) return [];
  return [
    {
      code: 'municipality_not_configured',
      message: t('warn.municipality', { extracts: list(without), name: m.name, code: m.code }),
    },
  ];
}
