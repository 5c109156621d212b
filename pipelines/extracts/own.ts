/**
 * A municipality's own extracts (docs/own-data.md), compiled from the configuration to the same
 * ExtractSpec the built-in extracts have, so ingest, quarantine, pseudonymisation and the warehouse treat
 * them alike. Also their staging view and the pre-flight of their checks' SQL.
 */
import type { ExtractName } from '../../schemas/extracts.ts';
import { EXTRACT_NAMES } from '../../schemas/extracts.ts';
import type { OwnExtract, OwnExtracts } from '../../schemas/ownExtracts.ts';
import { quoteIdent } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { t } from '../i18n/index.ts';
import { type CheckedExpression, checkExpression } from '../sandbox.ts';
import { duckType, EXTRACT_SPECS, type ExtractSpec, type SpecColumn } from './spec.ts';

/** The built-in extracts' CPR headers: an own cpr column accepts them too. */
const CPR_ALIASES = ['cprnr', 'cpr_nr', 'personnummer'];

function ownColumn(name: string, c: OwnExtract['columns'][string]): SpecColumn {
  const col: SpecColumn = {
    name,
    kind: c.type,
    optional: !c.required,
    aliases: c.type === 'cpr' ? [...c.aliases, ...CPR_ALIASES] : c.aliases,
    openCodes: false,
  };
  if (c.min !== undefined) col.min = c.min;
  if (c.max !== undefined) col.max = c.max;
  if (c.values) col.codes = c.values;
  // A kommunekode is three digits, as in the built-in extracts.
  if (name === 'municipality') col.pattern = '\\d{3}';
  return col;
}

/** The first column a check's SQL names, in the SQL's order: the column its violations are reported against. */
function checkColumn(sql: string, columns: string[]): string {
  const words = sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [];
  return words.find((w) => columns.includes(w)) ?? columns[0]!;
}

export function compileOwn(name: string, e: OwnExtract): ExtractSpec {
  const columns = Object.entries(e.columns).map(([n, c]) => ownColumn(n, c));
  const names = columns.map((c) => c.name);
  return {
    extract: name,
    description: e.title,
    columns,
    key: e.key,
    own: true,
    rules: e.checks.map((c, i) => ({
      rule: c.name ?? `check_${i + 1}`,
      column: c.column ?? checkColumn(c.sql, names),
      // A check holds for a good row; false quarantines it, and NULL (a value missing) lets it pass,
      // as a CHECK constraint does.
      violatedWhen: `((${c.sql}) IS FALSE)`,
      message: { key: 'rule.own_check', params: { message: c.message } },
    })),
  };
}

/** Every extract of a run, in load order: the built-in ones, then the configuration's own. */
export function extractSpecs(own: OwnExtracts = {}): ExtractSpec[] {
  return [
    ...EXTRACT_NAMES.map((n: ExtractName) => EXTRACT_SPECS[n]),
    ...Object.entries(own).map(([n, e]) => compileOwn(n, e)),
  ];
}

/**
 * staging.<name> for an own extract: its columns with person_id and birth_date in place of the CPR,
 * the municipality (the configured one where the row has none), and where it comes from. Where rows
 * share the key, the row of the latest file wins, as in the built-in extracts.
 */
export function ownStagingSql(spec: ExtractSpec): string {
  const cols = spec.columns.flatMap((c) =>
    c.kind === 'cpr' ? ['person_id', 'birth_date'] : c.name === 'municipality' ? [] : [quoteIdent(c.name)],
  );
  const municipality = spec.columns.some((c) => c.name === 'municipality')
    ? "coalesce(municipality, meta.cfg('municipality')) AS municipality"
    : "meta.cfg('municipality') AS municipality";
  const rows = `meta.rows_of('ingest.${spec.extract}')`;
  const key = spec.key.map((k) =>
    spec.columns.find((c) => c.name === k)?.kind === 'cpr' ? 'person_id' : quoteIdent(k),
  );
  const latest =
    key.length > 0
      ? ` JOIN (SELECT ${key.join(', ')}, max(_file_seq) AS _file_seq FROM ${rows} GROUP BY ALL) latest
  USING (${key.join(', ')}, _file_seq)`
      : '';
  return `CREATE OR REPLACE VIEW staging.${spec.extract} AS
SELECT ${[...cols, municipality, '_file', '_line'].join(', ')}
FROM ${rows} e${latest}`;
}

/** A check of `spec` through the sandbox's parser (sandbox.ts): its printed form, or why it is refused. */
async function sandboxed(db: Db, spec: ExtractSpec, sql: string): Promise<CheckedExpression> {
  // A check names the row's columns, and birth_date in place of a CPR column.
  const cpr = spec.columns.filter((c) => c.kind === 'cpr').map((c) => c.name);
  const columns = spec.columns.filter((c) => c.kind !== 'cpr').map((c) => c.name);
  return checkExpression(db, sql, cpr.length ? [...columns, 'birth_date'] : columns, cpr);
}

/**
 * The own extracts with every check as DuckDB printed it back (ingest inlines only this form). A
 * refused check is a configuration error, which the run's start reports (ownCheckProblems).
 */
export async function sandboxedChecks(db: Db, own: OwnExtracts): Promise<OwnExtracts> {
  const out: OwnExtracts = {};
  for (const [name, e] of Object.entries(own)) {
    const spec = compileOwn(name, e);
    const checks = [];
    for (const c of e.checks) {
      const checked = await sandboxed(db, spec, c.sql);
      if ('refused' in checked) throw new Error(`extracts.${name}: ${checked.refused}`);
      checks.push({ ...c, sql: checked.sql });
    }
    out[name] = { ...e, checks };
  }
  return out;
}

/**
 * Each own check through the sandbox, then run over an empty row of its extract's typed columns on a
 * locked instance; one line per check that is refused or does not run, naming its field.
 */
export async function ownCheckProblems(
  db: Db,
  own: OwnExtracts,
): Promise<{ field: string; message: string }[]> {
  const problems: { field: string; message: string }[] = [];
  for (const [name, e] of Object.entries(own)) {
    const spec = compileOwn(name, e);
    const cols = spec.columns.flatMap((c) =>
      c.kind === 'cpr'
        ? [`${quoteIdent(c.name)} BIGINT`, 'birth_date DATE']
        : [`${quoteIdent(c.name)} ${duckType(c.kind)}`],
    );
    await db.run(`CREATE OR REPLACE TEMP TABLE own_check_row (${cols.join(', ')})`);
    for (const [i, c] of e.checks.entries()) {
      const field = `extracts.${name}.checks.${i}.sql`;
      const checked = await sandboxed(db, spec, c.sql);
      if ('refused' in checked) {
        problems.push({ field, message: t('sandbox.refusedCheck', { reason: checked.refused }) });
        continue;
      }
      try {
        await db.run(`SELECT CAST(${checked.sql} AS BOOLEAN) FROM own_check_row`);
      } catch (err) {
        problems.push({
          field,
          message: t('config.ownCheckSql', { message: (err as Error).message.split('\n')[0]! }),
        });
      }
    }
    await db.run('DROP TABLE own_check_row');
  }
  return problems;
}
