/**
 * What a run knows before it reads anything (docs/architecture.md): its options, its folders, the
 * KPIs and artifacts it will publish, the previous publication, and where its warnings go. The stages
 * take it, and hand their own typed results to the next stage (run.ts); nothing else passes between
 * them.
 */

import { join } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import type { KpisJson, Warning } from '../../schemas/outputs.ts';
import type { AsOf } from '../core/asOf.ts';
import type { ExtractSpec } from '../extracts/spec.ts';
import type { Artifact, HoldableKind } from '../guard/trust.ts';
import type { ContractResult } from '../kinds/index.ts';
import type { KpiDefinition } from '../kpis/catalogue.ts';
import type { Reporter } from '../log.ts';
import type { Access } from '../publish/access.ts';
import type { RunEffects } from './effects.ts';
import type { PreviousManifest } from './files.ts';

export interface RunOptions {
  inbox: string;
  out: string;
  asOf: string;
  config: Config;
  key: string;
  select?: string[];
  /** Where the key was read from (KPI_PSEUDONYM_KEY_FILE), to warn when others can read it. */
  keyFile?: string;
  /** Headless Chromium, for the reports as PDF (config report.pdf); the CLI finds it. */
  chromium?: string;
  reporter?: Reporter;
  now?: () => Date;
  /** Test effects (effects.ts); none in production. */
  effects?: RunEffects;
}

export interface RunSummary {
  runId: string;
  manifest: import('../../schemas/outputs.ts').Manifest;
  kpis: KpisJson;
  outDir: string;
  /** The contracts evaluated this run (not the carried-over ones). */
  contracts: ContractResult[];
}

/** What the previous publication in --out holds, for comparison and carry-over. */
export interface Previous {
  kpis?: KpisJson;
  manifest?: PreviousManifest;
  /** Whether it published the artifact (a KPI entry, a list, a contract): false on a first run. */
  has(kind: HoldableKind, id: string): boolean;
}

export interface RunSetup {
  readonly opts: RunOptions & { reporter: Reporter; effects: RunEffects; now: () => Date };
  readonly config: Config;
  readonly reporter: Reporter;
  /** The as-of date, for TypeScript and (through meta.config, warehouse.ts) for SQL alike. */
  readonly asOf: AsOf;
  readonly runId: string;
  readonly startedAt: Date;
  readonly municipality: { code: string; name: string; assumed: boolean };
  readonly paths: { out: string; inbox: string; work: string; staging: string };
  readonly access: Access;
  /** Every KPI of the configuration, and those this run evaluates (--select). */
  readonly defs: KpiDefinition[];
  readonly selected: KpiDefinition[];
  /** Every extract of the run: the built-in ones, then the configuration's own (docs/own-data.md). */
  readonly extracts: ExtractSpec[];
  /** Everything the run publishes, with what it reads (artifacts.ts). */
  readonly artifacts: Artifact[];
  readonly previous: Previous;
  /** Whether the run continues the previous run's warehouse (cache.ts), under this identity. */
  readonly fromCache: boolean;
  readonly cacheIdentity: string;
  /** The run's warnings, in the order they arise; the manifest lists them. */
  readonly warnings: Warning[];
}

export const publicDir = (s: Pick<RunSetup, 'paths'>) => join(s.paths.staging, 'public');
export const restrictedDir = (s: Pick<RunSetup, 'paths'>) => join(s.paths.staging, 'restricted');
export const warehouseFile = (s: Pick<RunSetup, 'paths'>) => join(s.paths.work, 'warehouse.duckdb');
