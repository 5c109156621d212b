/**
 * One interface per kind of outcome contract (docs/architecture.md). A kind knows everything about its
 * contracts: what they read, their parameters for the SQL in sql/contracts/, how they are evaluated to
 * the øre, their evidence, their JSON, their chart and their tables in the finance report. The stages
 * ask the registry (index.ts) and never branch on the kind themselves.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { KpiEntry, TargetRule } from '../../schemas/outputs.ts';
import { quoteIdent } from '../core/sql.ts';
import type { VegaLiteSpec } from '../core/vega.ts';
import type { Db } from '../duckdb.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import type { EvidenceRow } from './workbook.ts';

/** What every contract's configuration has; its kind's schema (`config`) says the rest. */
export interface ContractBase {
  id: string;
  kind: string;
  title: string;
}

/** What every contract's result has; its kind's schema (`json`) says the rest. */
export interface ResultBase {
  id: string;
  /** The kind that evaluated it (results published before this field was added have none). */
  kind?: string;
  title: string;
  asOf: string;
  municipality: string;
  /** Inconsistencies in its configuration, said in words (the run warns with them). */
  warnings: string[];
}

/**
 * A KPI a contract brings (its share series, with the contract's own baseline and targets), published
 * like a catalogue KPI while the contract is configured. Its SQL is the engine's, over the kind's marts.
 */
export interface ContractKpi {
  id: string;
  title: string;
  definition: string;
  unit: KpiEntry['unit'];
  grain: KpiEntry['grain'];
  direction: KpiEntry['direction'];
  baseline?: { period: string; value?: number; fixed?: boolean };
  target: TargetRule;
  source: string;
  extracts: string[];
  engineSql: string;
}

/** A table for a report, computed from the published JSON: a caption and rows with their column names. */
export interface ReportTable {
  caption: string;
  rows: Record<string, string | number>[];
}

/**
 * A kind of contract, with its own configuration type C and result type R. The registry (index.ts)
 * holds every kind as a RegisteredKind (register below), so the stages never need to know C or R.
 */
export interface ContractKind<C extends ContractBase, R extends ResultBase> {
  kind: string;
  /** Its configuration's shape: every configured contract of this kind is validated against it. */
  config: z.ZodType<C>;
  /** The extracts its contracts read: one not to be trusted holds the contract back. */
  extracts: readonly string[];
  /** Its parameters as (key, value) rows of meta.contract_param, which its SQL macros read. */
  params(c: C): [string, string | number][];
  /** Codes its configuration names, by `<extract>.<column>` (known values of open code columns). */
  knownCodes?(c: C): Record<string, string[]>;
  /** The KPIs a contract of this kind publishes while it is configured. */
  kpis?(c: C): ContractKpi[];
  /** The contract as of a date: the JSON finance books from. */
  evaluate(db: Db, c: C, asOf: string, municipality: string): Promise<R>;
  /** One row per person and period (contract, period, person_id, goal, counted, success, reason). */
  evidenceSql(c: C, municipality: string): string;
  /** The JSON's shape: every result is validated against it, and its JSON Schema is published. */
  json: z.ZodType<R>;
  /** The JSON Schema's file name in public/schemas/, without `.schema.json`. */
  schemaName: string;
  /** Whether a published JSON without `kind` is one of this kind's results (a held-back file is none). */
  isResult(json: Record<string, unknown>): boolean;
  /**
   * Its audit workbook (restricted/contracts/<id>.xlsx): the sheets, with the arithmetic as live
   * formulas over the evidence and the engine's results cached.
   */
  workbook(wb: ExcelJS.Workbook, c: C, r: R, evidence: EvidenceRow[]): void;
  /** Its chart for finance (restricted/charts/<id>). */
  chart(r: R): VegaLiteSpec;
  /** The parts of its JSON that become report tables `<id>_<part>`, with their row shapes. */
  tables: Record<string, z.ZodObject>;
  /** The finance report's queries over those tables, in the report's language. */
  queries(id: string): string[];
  /**
   * The contract explained for finance, paragraph by paragraph: who counts, what pays, the prices, the
   * cap, the calendar and the requirements (from its configuration when the report has it).
   */
  explain(r: R, c?: C): string[];
  /** Its projection as report tables, and as a chart where one helps. */
  projectionTables(r: R): ReportTable[];
  projectionChart?(r: R): VegaLiteSpec | undefined;
  /** One line for the run's summary: what is booked or paid, and what is projected. */
  summary(r: R): string;
}

/**
 * A kind as the stages hold it: the same members over ContractBase and ResultBase. Each call parses
 * its configuration and result with the kind's own schemas, so a kind only ever sees its own types,
 * and the registry needs no cast.
 */
export interface RegisteredKind {
  kind: string;
  config: z.ZodType<ContractBase>;
  extracts: readonly string[];
  json: z.ZodType<ResultBase>;
  schemaName: string;
  tables: Record<string, z.ZodObject>;
  params(c: ContractBase): [string, string | number][];
  knownCodes(c: ContractBase): Record<string, string[]>;
  kpis(c: ContractBase): ContractKpi[];
  evaluate(db: Db, c: ContractBase, asOf: string, municipality: string): Promise<ResultBase>;
  evidenceSql(c: ContractBase, municipality: string): string;
  isResult(json: Record<string, unknown>): boolean;
  workbook(wb: ExcelJS.Workbook, c: ContractBase, r: ResultBase, evidence: EvidenceRow[]): void;
  chart(r: ResultBase): VegaLiteSpec;
  queries(id: string): string[];
  explain(r: ResultBase, c?: ContractBase): string[];
  projectionTables(r: ResultBase): ReportTable[];
  projectionChart(r: ResultBase): VegaLiteSpec | undefined;
  summary(r: ResultBase): string;
}

/** A kind, its types closed over: what the registry holds. */
export function register<C extends ContractBase, R extends ResultBase>(
  k: ContractKind<C, R>,
): RegisteredKind {
  const c = (x: ContractBase) => k.config.parse(x);
  const r = (x: ResultBase) => k.json.parse(x);
  return {
    kind: k.kind,
    config: k.config,
    extracts: k.extracts,
    json: k.json,
    schemaName: k.schemaName,
    tables: k.tables,
    params: (x) => k.params(c(x)),
    knownCodes: (x) => k.knownCodes?.(c(x)) ?? {},
    kpis: (x) => k.kpis?.(c(x)) ?? [],
    evaluate: async (db, x, asOf, m) => ({
      ...k.json.parse(await k.evaluate(db, c(x), asOf, m)),
      kind: k.kind,
    }),
    evidenceSql: (x, m) => k.evidenceSql(c(x), m),
    isResult: (json) =>
      json.kind === undefined ? k.isResult(json) : json.kind === k.kind && !('status' in json),
    workbook: (wb, x, y, e) => k.workbook(wb, c(x), r(y), e),
    chart: (y) => k.chart(r(y)),
    queries: (id) => k.queries(id),
    explain: (y, x) => k.explain(r(y), x && x.kind === k.kind ? c(x) : undefined),
    projectionTables: (y) => k.projectionTables(r(y)),
    projectionChart: (y) => k.projectionChart?.(r(y)),
    summary: (y) => k.summary(r(y)),
  };
}

/** `expression AS "label"`, the label from the catalogue (report.col.*). */
export const col = (expression: string, label: string) =>
  `${expression} AS ${quoteIdent(t(`report.col.${label}` as MessageKey))}`;

/** A catalogue word as an SQL string literal. */
export const sqlWord = (key: MessageKey) => `'${t(key).replace(/'/g, "''")}'`;

/** A contract's report table: `"<id>_<part>"`. */
export const reportTable = (id: string, part: string) => quoteIdent(`${id}_${part}`);
