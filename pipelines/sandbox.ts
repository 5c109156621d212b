/**
 * Configuration SQL in a sandbox (docs/security.md; the spec's privacy rule 7). The configuration is
 * trusted like code, but what its SQL can reach is bounded by construction, whatever it says:
 *
 * - It is parsed by DuckDB's own parser (json_serialize_sql) before it runs, and must be exactly one
 *   SELECT (or WITH … SELECT). It runs as written, prepared on its own, never pasted into another
 *   statement, so a value that closes a parenthesis opens nothing.
 * - The tables it names must be in the schemas it may read (an initiative: staging and marts, the
 *   pseudonymised views), and it calls no table function but a few generators, and no function that
 *   reads the instance's variables or settings.
 * - It runs on a DuckDB instance whose external access is off and whose configuration is locked, so
 *   even a way round the parse could not read a file, write one, attach a database or load an
 *   extension.
 * - An own extract's check is one expression over its row's declared columns; it never names the CPR
 *   column (only birth_date, which the engine derives from it), and it is inlined in the ingest SQL as
 *   DuckDB prints it back, so no comment or quote of its text survives into the SQL around it.
 */
import { closest } from './core/fold.ts';
import { sqlString } from './core/sql.ts';
import { Db } from './duckdb.ts';
import { t } from './i18n/index.ts';

/** Table functions a query may call: generators that read nothing. */
const TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/**
 * Scalar functions a query may not call: they read the instance's variables (the pseudonymisation key's
 * pads, in the ingest worker), its settings, or its environment.
 */
const DENIED_FUNCTIONS = new Set([
  'getvariable',
  'current_setting',
  'getenv',
  'query',
  'query_table',
  'read_blob',
  'read_text',
]);

type Node = Record<string, unknown>;

/** What one parsed statement names: its tables, CTEs, table functions, functions, columns, subqueries. */
interface Names {
  tables: { schema: string; catalog: string; name: string }[];
  ctes: Set<string>;
  tableFunctions: string[];
  functions: { schema: string; name: string }[];
  columns: string[][];
  subqueries: number;
}

function collect(node: unknown, names: Names): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, names);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'BASE_TABLE') {
    names.tables.push({
      schema: String(n.schema_name ?? ''),
      catalog: String(n.catalog_name ?? ''),
      name: String(n.table_name ?? ''),
    });
  } else if (n.type === 'TABLE_FUNCTION') {
    const f = n.function as Node | undefined;
    names.tableFunctions.push(String(f?.function_name ?? ''));
  } else if (n.class === 'FUNCTION') {
    names.functions.push({ schema: String(n.schema ?? ''), name: String(n.function_name ?? '') });
  } else if (n.class === 'COLUMN_REF') {
    names.columns.push((n.column_names as string[]) ?? []);
  } else if (n.class === 'SUBQUERY') {
    names.subqueries++;
  }
  const cte = (n.cte_map as { map?: { key: string }[] } | undefined)?.map;
  for (const c of cte ?? []) names.ctes.add(c.key.toLowerCase());
  for (const v of Object.values(n)) collect(v, names);
}

/** What a parsed statement (or part of one) names. */
function namesIn(node: unknown): Names {
  const names: Names = {
    tables: [],
    ctes: new Set(),
    tableFunctions: [],
    functions: [],
    columns: [],
    subqueries: 0,
  };
  collect(node, names);
  return names;
}

/** DuckDB's parse of `sql` (an instance without the sandbox's lock parses the same way). */
async function parse(db: Db, sql: string): Promise<{ statements: Node[] } | { error: string }> {
  const { json } = await db.one<{ json: string }>(`SELECT json_serialize_sql(${sqlString(sql)}) AS json`);
  const parsed = JSON.parse(json) as { error: boolean; error_message?: string; statements?: Node[] };
  if (parsed.error) return { error: parsed.error_message ?? '' };
  return { statements: parsed.statements ?? [] };
}

export interface SelectRules {
  /** The schemas its tables may come from; a name without a schema must then be one of its CTEs. */
  schemas?: readonly string[];
}

/**
 * Why `sql` may not run as configuration SQL, in the user's language; undefined when it may: exactly
 * one SELECT that reads only what `rules` allow.
 */
export async function refuseSelect(
  db: Db,
  sql: string,
  rules: SelectRules = {},
): Promise<string | undefined> {
  const p = await parse(db, sql);
  if ('error' in p) {
    // json_serialize_sql serialises only SELECT; anything else (COPY, ATTACH, SET, PRAGMA…) lands here.
    return /only select/i.test(p.error)
      ? t('sandbox.notSelect')
      : t('sandbox.parseError', { message: p.error.split('\n')[0]! });
  }
  if (p.statements.length !== 1) return t('sandbox.oneStatement', { n: p.statements.length });
  const names = namesIn(p.statements[0]);
  const fn = names.tableFunctions.find((f) => !TABLE_FUNCTIONS.has(f.toLowerCase()));
  if (fn !== undefined)
    return t('sandbox.tableFunction', { name: fn, allowed: [...TABLE_FUNCTIONS].join(', ') });
  const denied = names.functions.find((f) => DENIED_FUNCTIONS.has(f.name.toLowerCase()));
  if (denied) return t('sandbox.function', { name: denied.name });
  if (rules.schemas) {
    const allowed = rules.schemas;
    const bad = names.tables.find((tb) =>
      tb.catalog !== ''
        ? true
        : tb.schema === ''
          ? !names.ctes.has(tb.name.toLowerCase())
          : !allowed.includes(tb.schema.toLowerCase()),
    );
    if (bad) {
      const name = [bad.catalog, bad.schema, bad.name].filter(Boolean).join('.');
      return t('sandbox.table', { name, schemas: allowed.map((s) => `${s}.*`).join(', ') });
    }
  }
  return undefined;
}

/** An own extract's check, as DuckDB prints it back, or why it may not run. */
export type CheckedExpression = { sql: string } | { refused: string };

/**
 * An own extract's check: one expression over the row's `columns` (and `birth_date` where the extract
 * has a CPR column), with no subquery, no table and no denied function. `cprColumns` may not be named:
 * a check never sees a CPR number, only what the engine derives from it.
 */
export async function checkExpression(
  db: Db,
  sql: string,
  columns: readonly string[],
  cprColumns: readonly string[] = [],
): Promise<CheckedExpression> {
  const p = await parse(db, `SELECT ${sql}`);
  if ('error' in p) return { refused: t('sandbox.parseError', { message: p.error.split('\n')[0]! }) };
  const node = p.statements[0]?.node as Node | undefined;
  const list = node?.select_list as Node[] | undefined;
  const from = node?.from_table as Node | undefined;
  const plain =
    p.statements.length === 1 &&
    node?.type === 'SELECT_NODE' &&
    list?.length === 1 &&
    from?.type === 'EMPTY' &&
    node.where_clause === null &&
    (node.group_expressions as unknown[]).length === 0 &&
    node.having === null &&
    node.qualify === null &&
    (node.modifiers as unknown[]).length === 0 &&
    ((node.cte_map as { map: unknown[] }).map ?? []).length === 0;
  if (!plain) return { refused: t('sandbox.oneExpression') };
  const names = namesIn(list);
  if (names.subqueries > 0 || names.tables.length > 0 || names.tableFunctions.length > 0)
    return { refused: t('sandbox.noSubquery') };
  const denied = names.functions.find((f) => DENIED_FUNCTIONS.has(f.name.toLowerCase()));
  if (denied) return { refused: t('sandbox.function', { name: denied.name }) };
  const known = new Set(columns.map((c) => c.toLowerCase()));
  for (const ref of names.columns) {
    const name = ref.join('.');
    if (ref.length === 1 && cprColumns.map((c) => c.toLowerCase()).includes(ref[0]!.toLowerCase()))
      return { refused: t('sandbox.cprColumn', { name }) };
    if (ref.length !== 1 || !known.has(ref[0]!.toLowerCase())) {
      const near = closest(name, columns);
      return {
        refused:
          t('sandbox.column', { name, columns: [...columns].join(', ') }) +
          (near ? t('cli.didYouMean', { suggestion: near }) : ''),
      };
    }
  }
  // DuckDB prints the expression back in full parentheses, without comments.
  const { text } = await db.one<{ text: string }>(
    `SELECT json_deserialize_sql(json_serialize_sql(${sqlString(`SELECT ${sql}`)})) AS text`,
  );
  return { sql: `(${text.replace(/^SELECT\s+/, '')})` };
}

/**
 * Turns external access off and locks the instance's configuration (docs/security.md): from now on it
 * reads and writes no file outside `allowedDirectories`, attaches no database, installs and loads no
 * extension, and cannot turn any of this back on.
 */
export async function lockDown(db: Db, allowedDirectories: readonly string[] = []): Promise<void> {
  const dirs = allowedDirectories.map((d) => sqlString(d.endsWith('/') ? d : `${d}/`));
  await db.run(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;
    ${dirs.length ? `SET allowed_directories = [${dirs.join(', ')}];` : ''}
    SET enable_external_access = false; SET lock_configuration = true;`);
}

/**
 * A locked instance that sees one warehouse file, read-only (its staging views and marts answer as in
 * the warehouse). The warehouse's own instance must have checkpointed it first.
 */
export async function openSandbox(warehouse: string): Promise<Db> {
  const db = await Db.open(':memory:');
  try {
    await db.run(`ATTACH ${sqlString(warehouse)} AS warehouse (READ_ONLY); USE warehouse`);
    await lockDown(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The schemas an initiative's SQL may read: the pseudonymised staging views and the marts. */
export const INITIATIVE_SCHEMAS = ['staging', 'marts'] as const;
