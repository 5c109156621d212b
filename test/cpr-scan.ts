/**
 * The privacy scan of the tests: every raw CPR of an inbox, looked for in every file under a run's
 * --out, as text and decoded (a DuckDB file's and a Parquet file's every column, a workbook's every
 * cell, numbers as their 10 digits, since compression can hide a string and the ingest worker holds a
 * CPR as a BIGINT).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Db } from '../pipelines/duckdb.ts';
import { walk } from './helpers.ts';

const CPR = /(?<!\d)(\d{6})-?(\d{4})(?!\d)/g;

/** The CPR numbers in a text, as 10 digits: six digits that start with a day and a month, then four. */
export function collectCprs(text: string, into: Set<string>): void {
  for (const m of text.matchAll(CPR)) {
    const [dd, mm] = [Number(m[1]!.slice(0, 2)), Number(m[1]!.slice(2, 4))];
    if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) into.add(m[1]! + m[2]!);
  }
}

/** A scanner that records where any of `cprs` occurs in a text. */
export function cprScanner(cprs: Set<string>): {
  scan: (where: string, text: string) => void;
  leaks: string[];
} {
  const leaks: string[] = [];
  return {
    leaks,
    scan: (where, text) => {
      for (const m of text.matchAll(CPR)) if (cprs.has(m[1]! + m[2]!)) leaks.push(`${where}: ${m[0]}`);
    },
  };
}

/** Every column of a relation, text as it is and numbers as 10 digits, through `scan`. */
export async function scanColumns(
  db: Db,
  relation: string,
  where: string,
  scan: (where: string, text: string) => void,
): Promise<void> {
  const cols = await db.all<{ name: string; type: string }>(
    `SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM ${relation})`,
  );
  for (const c of cols) {
    const v = `"${c.name}"`;
    let sql: string | undefined;
    if (c.type === 'VARCHAR') {
      sql = `SELECT DISTINCT ${v} AS v FROM ${relation} WHERE regexp_matches(${v}, '[0-9]{6}-?[0-9]{4}')`;
    } else if (/INT|DECIMAL|DOUBLE|FLOAT|REAL/.test(c.type) && !c.type.endsWith('[]')) {
      sql = `SELECT DISTINCT lpad(CAST(CAST(${v} AS HUGEINT) AS VARCHAR), 10, '0') AS v FROM ${relation}
        WHERE ${v} BETWEEN 100000000 AND 9999999999 AND ${v} = trunc(${v})`;
    }
    if (sql) for (const r of await db.all<{ v: string }>(sql)) scan(`${where}.${c.name}`, r.v);
  }
}

/** Every file under `dir`, as bytes and decoded, through `scan`. */
export async function scanFiles(dir: string, scan: (where: string, text: string) => void): Promise<void> {
  const decoded = await Db.open(':memory:');
  try {
    for (const f of walk(dir)) {
      scan(f, readFileSync(f).toString('latin1'));
      if (f.endsWith('.duckdb')) {
        await decoded.run(`ATTACH '${f}' AS w (READ_ONLY)`);
        const tables = await decoded.all<{ s: string; t: string }>(
          "SELECT schema_name AS s, table_name AS t FROM duckdb_tables() WHERE database_name = 'w'",
        );
        for (const t of tables) await scanColumns(decoded, `w."${t.s}"."${t.t}"`, `${f}:${t.s}.${t.t}`, scan);
        await decoded.run('DETACH w');
      } else if (f.endsWith('.parquet')) {
        await scanColumns(decoded, `read_parquet('${f}')`, f, scan);
      } else if (f.endsWith('.xlsx')) {
        // A workbook is compressed: its cells are read, numbers as their 10 digits too.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(f);
        wb.eachSheet((ws) => {
          ws.eachRow((row) => {
            row.eachCell((c) => {
              const v = c.value;
              const text = typeof v === 'number' ? String(v).padStart(10, '0') : JSON.stringify(v);
              scan(`${f}:${ws.name}!${c.address}`, text);
            });
          });
        });
      }
    }
  } finally {
    decoded.close();
  }
}
