/**
 * Open code columns (a programme, a survey) accept any value, so a misspelt one would silently make a
 * new programme: `ungelftet` youths would vanish from the Ungeløftet group. Every value that is not
 * known gets a warning with its row count, the known values and a "did you mean".
 */

import type { Config } from '../../schemas/config.ts';
import type { Warning } from '../../schemas/outputs.ts';
import { closest } from '../core/fold.ts';
import { maskCprs } from '../core/mask.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { builtinSpec, EXTRACT_SPECS } from '../extracts/spec.ts';
import { num, t } from '../i18n/index.ts';
import { kindOf } from '../kinds/index.ts';

/** The known values of an open code column: the contract's examples, the configuration's and its contracts'. */
export function knownCodes(config: Config, extract: string, column: string): string[] {
  const col = builtinSpec(extract)?.columns.find((c) => c.name === column);
  const known = new Set([...(col?.examples ?? []), ...(config.knownCodes[`${extract}.${column}`] ?? [])]);
  // The codes a contract's configuration names (its programme, its survey), as its kind says.
  for (const c of config.contracts)
    for (const code of kindOf(c).knownCodes(c)[`${extract}.${column}`] ?? []) known.add(code);
  return [...known];
}

/** The open code columns: `<extract>.<column>`, the keys `knownCodes` takes. */
export function openCodeColumns(): string[] {
  return Object.values(EXTRACT_SPECS).flatMap((c) =>
    c.columns.filter((col) => col.openCodes).map((col) => `${c.extract}.${col.name}`),
  );
}

export async function unknownCodeWarnings(
  db: Db,
  config: Config,
  delivered: readonly string[],
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  for (const extract of delivered) {
    // Own extracts have closed code lists only (docs/own-data.md).
    for (const col of (builtinSpec(extract)?.columns ?? []).filter((c) => c.openCodes)) {
      const known = knownCodes(config, extract, col.name);
      const rows = await db.all<{ value: string; n: number }>(
        `SELECT ${quoteIdent(col.name)} AS value, count(*)::BIGINT AS n FROM staging.${extract}
         WHERE ${quoteIdent(col.name)} NOT IN (${known.map(sqlString).join(', ') || "''"})
         GROUP BY ALL ORDER BY n DESC, value`,
      );
      const programmes = config.contracts.map((c) => c.programme);
      for (const r of rows) {
        const near = closest(r.value, known);
        const contract =
          extract === 'enrollment' && col.name === 'programme' && near && programmes.includes(near)
            ? config.contracts.find((c) => c.programme === near)
            : undefined;
        warnings.push({
          code: 'unknown_code',
          extract,
          message: maskCprs(
            t(r.n === 1 ? 'warn.unknownCode.one' : 'warn.unknownCode', {
              column: `${extract}.${col.name}`,
              n: num(r.n),
              value: r.value,
              known: known.join(', '),
              hint: near ? t('warn.didYouMean', { value: near }) : '',
              contract: contract ? t('warn.notInGroup', { id: contract.id }) : '',
            }),
          ),
        });
      }
    }
  }
  return warnings;
}
