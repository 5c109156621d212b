/**
 * What the nightly run's stages share (docs/architecture.md): the options, the paths, the reporter,
 * the warnings, the warehouse while it is open, and what each stage hands to the next. A stage reads
 * what the stages before it set and sets its own part; nothing else passes between them.
 */
import { join } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import type { KpisJson, Manifest, RanglisteJson, TariffAlertsJson, Warning } from '../../schemas/outputs.ts';
import type { Db } from '../duckdb.ts';
import { extractSpecs } from '../extracts/own.ts';
import type { ExtractSpec } from '../extracts/spec.ts';
import type { HoldBack } from '../guard/holdBack.ts';
import type { Override } from '../guard/overrides.ts';
import type { Volumes } from '../guard/volumes.ts';
import type { IngestResult } from '../ingest/types.ts';
import type { ContractResult } from '../kinds/index.ts';
import type { KpiDefinition } from '../kpis/catalogue.ts';
import type { EvaluatedKpi } from '../kpis/evaluate.ts';
import type { Reporter } from '../log.ts';
import type { Access } from '../publish/access.ts';
import type { RunEffects } from './effects.ts';

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
  manifest: Manifest;
  kpis: KpisJson;
  outDir: string;
  /** The contracts evaluated this run (not the carried-over ones). */
  contracts: ContractResult[];
}

/** One stage of the run: a name (its progress lines and the manifest's timings) and what it does. */
export interface Stage {
  name: string;
  run(ctx: RunContext): Promise<void>;
}

export class RunContext {
  readonly warnings: Warning[] = [];
  /** The warehouse: open from ingest until the publish stage copies it. */
  db?: Db;
  // Handed on by the stages, in data order.
  ingest!: IngestResult;
  volumes: Volumes = {};
  overrides: Override[] = [];
  holds: HoldBack[] = [];
  evaluated: EvaluatedKpi[] = [];
  contracts: ContractResult[] = [];
  tariffAlerts: TariffAlertsJson['alerts'] = [];
  /** The ranking lists, every municipality (publish). */
  rangliste: RanglisteJson['rows'] = [];
  kpis!: KpisJson;
  manifest!: Manifest;
  /** Outputs already hashed while they were written (the warehouse copy), by path. */
  readonly hashed = new Map<string, string>();
  /** Each stage's duration, in order. */
  readonly timings: { name: string; seconds: number }[] = [];

  constructor(
    readonly opts: RunOptions & { reporter: Reporter; effects: RunEffects; now: () => Date },
    readonly runId: string,
    readonly startedAt: Date,
    readonly municipality: { code: string; name: string; assumed: boolean },
    readonly paths: { out: string; inbox: string; work: string; staging: string },
    readonly access: Access,
    readonly defs: KpiDefinition[],
    readonly selected: KpiDefinition[],
    readonly previous: {
      kpis?: KpisJson;
      manifest?: { keyFingerprint?: string; volumes?: Volumes };
    },
    readonly fromCache: boolean,
    readonly cacheIdentity: string,
  ) {}

  get reporter(): Reporter {
    return this.opts.reporter;
  }

  get config(): Config {
    return this.opts.config;
  }

  /** Every extract of the run: the built-in ones, then the configuration's own (docs/own-data.md). */
  get extracts(): ExtractSpec[] {
    return extractSpecs(this.opts.config.extracts);
  }

  get publicDir(): string {
    return join(this.paths.staging, 'public');
  }

  get restrictedDir(): string {
    return join(this.paths.staging, 'restricted');
  }

  /** The open warehouse; a stage that runs after it was closed is a programming error. */
  get warehouse(): Db {
    if (!this.db) throw new Error('the warehouse is not open');
    return this.db;
  }

  /** Whether this run holds back the KPI or contract `id` (guard/holdBack.ts). */
  held(kind: HoldBack['kind'], id: string): HoldBack | undefined {
    return this.holds.find((h) => h.kind === kind && h.id === id);
  }
}
