/**
 * One interface per kind of outcome contract (docs/architecture.md). A kind knows everything about its
 * contracts: what they read, their parameters for the SQL in sql/contracts/, how they are evaluated to
 * the øre, their evidence, their JSON, their chart and their tables in the finance report. The stages
 * ask the registry (index.ts) and never branch on the kind themselves.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { ContractConfig } from '../../schemas/contracts.ts';
import type { ExtractName } from '../../schemas/extracts.ts';
import type { DsiContractJson, GrantContractJson } from '../../schemas/outputs.ts';
import { quoteIdent } from '../core/sql.ts';
import type { VegaLiteSpec } from '../core/vega.ts';
import type { Db } from '../duckdb.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import type { EvidenceRow } from './workbook.ts';

export type ContractResult = DsiContractJson | GrantContractJson;

/** A table for a report, computed from the published JSON: a caption and rows with their column names. */
export interface ReportTable {
  caption: string;
  rows: Record<string, string | number>[];
}

export interface ContractKind<
  C extends ContractConfig = ContractConfig,
  R extends ContractResult = ContractResult,
> {
  kind: C['kind'];
  /** The extracts its contracts read: one not to be trusted holds the contract back. */
  extracts: ExtractName[];
  /** Its parameters as (key, value) rows of meta.contract_param, which its SQL macros read. */
  params(c: C): [string, string | number][];
  /** The contract as of a date: the JSON finance books from. */
  evaluate(db: Db, c: C, asOf: string, municipality: string): Promise<R>;
  /** One row per person and period (contract, period, person_id, goal, counted, success, reason). */
  evidenceSql(c: C, municipality: string): string;
  /** The JSON's shape: every result is validated against it, and its JSON Schema is published. */
  json: z.ZodType<R>;
  /** The JSON Schema's file name in public/schemas/, without `.schema.json`. */
  schemaName: string;
  /** Whether a published JSON is one of this kind's results (a held-back file without figures is not). */
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

/** `expression AS "label"`, the label from the catalogue (report.col.*). */
export const col = (expression: string, label: string) =>
  `${expression} AS ${quoteIdent(t(`report.col.${label}` as MessageKey))}`;

/** A catalogue word as an SQL string literal. */
export const sqlWord = (key: MessageKey) => `'${t(key).replace(/'/g, "''")}'`;

/** A contract's report table: `"<id>_<part>"`. */
export const reportTable = (id: string, part: string) => quoteIdent(`${id}_${part}`);
