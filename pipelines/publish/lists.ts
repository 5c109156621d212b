/**
 * The lists beside kpis.json (docs/outputs.md): each is one query over the marts (sql/lists/<id>.sql),
 * written as a JSON file validated by its schema. Each declares the extracts it reads, so the trust
 * stage holds it back with them (run/artifacts.ts), as it holds back a KPI.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { Config } from '../../schemas/config.ts';
import { RanglisteJson, SCHEMA_VERSION, TariffAlertsJson } from '../../schemas/outputs.ts';
import { SQL_DIR } from '../core/paths.ts';
import type { Db } from '../duckdb.ts';

export interface ListSpec {
  id: string;
  /** Its file under public/. */
  file: string;
  /** The extract its rows come from: not delivered, the list is empty. */
  reads: readonly string[];
  schema: z.ZodType;
  /** The file's JSON from its rows. */
  json(rows: unknown[], run: { asOf: string; config: Config }): unknown;
}

export const LISTS: ListSpec[] = [
  {
    id: 'tariff_alerts',
    file: 'tariff_alerts.json',
    reads: ['tariffs'],
    schema: TariffAlertsJson,
    json: (rows, run) => ({ schemaVersion: SCHEMA_VERSION, asOf: run.asOf, alerts: rows }),
  },
  {
    id: 'rangliste',
    file: 'rangliste.json',
    reads: ['rangliste'],
    schema: RanglisteJson,
    json: (rows, run) => ({
      schemaVersion: SCHEMA_VERSION,
      asOf: run.asOf,
      comparedWith: run.config.rangliste.comparedWith,
      rows,
    }),
  },
];

/** A list's rows: its query, when every extract it reads was delivered; else none. */
export async function listRows(db: Db, list: ListSpec, delivered: readonly string[]): Promise<unknown[]> {
  if (!list.reads.every((e) => delivered.includes(e))) return [];
  return db.all(await readFile(new URL(`lists/${list.id}.sql`, SQL_DIR), 'utf8'));
}
