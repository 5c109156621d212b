/**
 * The one place that opens DuckDB. Results come back as plain JS objects (DATE becomes an ISO string), which is what the orchestration code needs: it only
 * ever reads aggregates and small metadata, never extract rows. Integer and DECIMAL columns come back
 * as numbers; exact arithmetic on them is done in SQL or with the rationals in kpis/rational.ts.
 */
import { appendFileSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Test seam: sees every statement this process runs (test/reliability.test.ts checks that the warehouse process never reads an extract). */
export const sqlHooks: { observe?: (sql: string) => void } = {};

/**
 * Statement profiling for developers (docs/performance.md): statements slower than `seconds` are
 * handed to `write` with the process's peak RSS so far, and to `dump` (a file) as SQL. Off unless a
 * program's edge turns it on (bin/kpi.js and the child processes read KPI_PROFILE_SQL and KPI_DUMP_SQL).
 */
export const sqlProfile: { seconds: number; write?: (line: string) => void; dump?: string } = { seconds: 0 };

function profile(sql: string, t0: number): void {
  const s = (performance.now() - t0) / 1000;
  if (s < sqlProfile.seconds) return;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  sqlProfile.write?.(`[sql ${s.toFixed(2)} s, peak ${peak} MiB] ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (sqlProfile.dump) appendFileSync(sqlProfile.dump, `-- ${s.toFixed(2)}\n${sql};\n`);
}

export interface DbOptions {
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
  readOnly?: boolean;
}

export class Db {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  static async open(path: string, opts: DbOptions = {}): Promise<Db> {
    // Memory the allocator keeps after a task is returned to the system at once, by a background
    // thread. Without this, a process's RSS grows by several hundred MiB beyond the memory limit over
    // a run's statements (measured in docs/performance.md).
    const config: Record<string, string> = {
      allocator_flush_threshold: '8MB',
      allocator_background_threads: 'true',
    };
    if (opts.readOnly) config.access_mode = 'READ_ONLY';
    if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
    if (opts.tempDirectory) config.temp_directory = opts.tempDirectory;
    if (opts.threads) config.threads = String(opts.threads);
    const instance = await DuckDBInstance.create(path, config);
    const conn = await instance.connect();
    return new Db(instance, conn);
  }

  async run(sql: string): Promise<void> {
    sqlHooks.observe?.(sql);
    const t = sqlProfile.seconds ? performance.now() : 0;
    await this.conn.run(sql);
    if (sqlProfile.seconds) profile(sql, t);
  }

  /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
  async change(sql: string): Promise<number> {
    sqlHooks.observe?.(sql);
    const t = sqlProfile.seconds ? performance.now() : 0;
    const n = Number((await this.conn.run(sql)).rowsChanged);
    if (sqlProfile.seconds) profile(sql, t);
    return n;
  }

  async all<T = Row>(sql: string): Promise<T[]> {
    sqlHooks.observe?.(sql);
    const t = sqlProfile.seconds ? performance.now() : 0;
    const reader = await this.conn.runAndReadAll(sql);
    if (sqlProfile.seconds) profile(sql, t);
    return plainRows<T>(reader);
  }

  /**
   * Runs exactly one statement as it is written, never inside another one: DuckDB prepares it (and
   * refuses more than one statement) before it runs. For SQL that the configuration brings
   * (sandbox.ts).
   */
  async single<T = Row>(sql: string): Promise<T[]> {
    sqlHooks.observe?.(sql);
    const prepared = await this.conn.prepare(sql);
    try {
      return plainRows<T>(await prepared.runAndReadAll());
    } finally {
      prepared.destroySync();
    }
  }

  /** The column names one statement would return, without running it. */
  async columnsOf(sql: string): Promise<string[]> {
    const prepared = await this.conn.prepare(sql);
    try {
      return Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnName(i));
    } finally {
      prepared.destroySync();
    }
  }

  async one<T = Row>(sql: string): Promise<T> {
    const rows = await this.all<T>(sql);
    if (rows.length === 0) throw new Error(`query returned no rows: ${sql.slice(0, 200)}`);
    return rows[0]!;
  }

  private closed = false;

  /** Closes the connection and the instance; a second call does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** A result as plain objects; integer and DECIMAL columns as numbers. */
function plainRows<T>(reader: DuckDBResultReader): T[] {
  const numeric = reader
    .columnNames()
    .filter((_, i) =>
      /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UBIGINT|UINTEGER|DECIMAL)/.test(
        String(reader.columnTypes()[i]),
      ),
    );
  return reader.getRowObjectsJson().map((r) => {
    for (const k of numeric) if (typeof r[k] === 'string') (r as Row)[k] = Number(r[k]);
    return r;
  }) as T[];
}
