/**
 * `npx tsx test/compare-outputs.ts <out A> <out B>`: whether two runs published the same thing, apart
 * from what names the run (its id, timestamps, the code version, stage timings and the hashes of
 * files that contain them). Made to show that a change of structure changes no output: run the demo
 * before and after, and compare. Exits 1 and lists the differences when there are any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Db } from '../pipelines/duckdb.ts';

const VOLATILE = new Set([
  'runId',
  'previousRunId',
  'generatedAt',
  'startedAt',
  'finishedAt',
  'codeVersion',
  'seconds',
  'sha256',
  'bytes',
]);

function files(root: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && statSync(p).isDirectory())) visit(p);
      else out.push(relative(root, p));
    }
  };
  for (const top of ['public', 'restricted']) visit(join(root, top));
  return out.sort();
}

function stripJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripJson);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !VOLATILE.has(k))
        .map(([k, x]) => [k, stripJson(x)]),
    );
  return v;
}

/** Text with run ids (20270101T010000Z-abcdef) and ISO timestamps replaced. */
const stripText = (s: string) =>
  s
    .replace(/\d{8}T\d{6}Z-[0-9a-f]{6}/g, '<run>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\d+\.\d+\.\d+\+[0-9a-f]{12}/g, '<version>');

async function tableRows(db: Db, source: string): Promise<string> {
  const cols = await db.all<{ column_name: string }>(
    `SELECT column_name FROM (DESCRIBE SELECT * FROM ${source})`,
  );
  const keep = cols.map((c) => c.column_name).filter((c) => c !== 'run_id');
  const rows = await db.all(
    `SELECT ${keep.map((c) => `CAST("${c}" AS VARCHAR) AS "${c}"`).join(', ')} FROM ${source} ORDER BY ALL`,
  );
  return stripText(JSON.stringify(rows));
}

async function warehouse(db: Db, file: string): Promise<string> {
  await db.run(`ATTACH '${file}' AS w (READ_ONLY)`);
  try {
    const tables = await db.all<{ schema_name: string; table_name: string }>(
      `SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'w' ORDER BY ALL`,
    );
    const parts: string[] = [];
    for (const { schema_name: s, table_name: t } of tables) {
      if (s === 'meta' && t === 'cache_identity') continue; // holds the code version
      parts.push(`${s}.${t}: ${await tableRows(db, `w."${s}"."${t}"`)}`);
    }
    return parts.join('\n');
  } finally {
    await db.run('DETACH w');
  }
}

async function content(db: Db, root: string, f: string): Promise<string> {
  const path = join(root, f);
  if (f.endsWith('.json')) return JSON.stringify(stripJson(JSON.parse(readFileSync(path, 'utf8'))));
  if (f.endsWith('.parquet')) return tableRows(db, `read_parquet('${path}')`);
  if (f.endsWith('.duckdb')) return warehouse(db, path);
  if (f.endsWith('.arrow')) {
    const { tableFromIPC } = await import('apache-arrow');
    const t = tableFromIPC(readFileSync(path));
    return stripText(JSON.stringify(t.toArray().map((r) => ({ ...r.toJSON(), run_id: null }))));
  }
  if (/\.(csv|html|md|txt|svg)$/.test(f)) return stripText(readFileSync(path, 'utf8'));
  return readFileSync(path).toString('base64');
}

export async function compareOutputs(a: string, b: string): Promise<string[]> {
  const fa = files(a);
  const fb = files(b);
  const diffs = [
    ...fa.filter((f) => !fb.includes(f)).map((f) => `only in ${a}: ${f}`),
    ...fb.filter((f) => !fa.includes(f)).map((f) => `only in ${b}: ${f}`),
  ];
  const db = await Db.open(':memory:');
  try {
    for (const f of fa.filter((x) => fb.includes(x))) {
      if ((await content(db, a, f)) !== (await content(db, b, f))) diffs.push(`differs: ${f}`);
    }
  } finally {
    db.close();
  }
  return diffs;
}

const isMain = process.argv[1] && /compare-outputs\.ts$/.test(process.argv[1]);
if (isMain) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    process.stderr.write('usage: npx tsx test/compare-outputs.ts <out A> <out B>\n');
    process.exit(2);
  }
  const diffs = await compareOutputs(a, b);
  process.stdout.write(diffs.length ? `${diffs.join('\n')}\n` : `the same: ${files(a).length} files\n`);
  process.exit(diffs.length ? 1 : 0);
}
