/**
 * Loads and validates the configuration. Every bad field gets its own line: the path of the field and
 * what is allowed. The KPI defaults live in the catalogue; the config overrides them per KPI id.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { Config } from '../schemas/config.ts';
import { ConfigError } from './errors.ts';
import { CATALOGUE, type KpiDefinition } from './kpis/catalogue.ts';

export type { Config };

function describeIssues(error: z.ZodError, file: string): string {
  const lines = error.issues.map((i) => {
    const path = i.path.length ? i.path.join('.') : '(top level)';
    return `  - ${path}: ${i.message}`;
  });
  return `The configuration file ${file} is not valid:\n${lines.join('\n')}`;
}

export function parseConfig(raw: unknown, file = '(built-in defaults)'): Config {
  const parsed = Config.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, file));
  const config = parsed.data;
  const unknown = Object.keys(config.kpis).filter((id) => !CATALOGUE.some((k) => k.id === id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `The configuration file ${file} is not valid:\n${unknown
        .map(
          (id) =>
            `  - kpis.${id}: there is no KPI with this id. Known ids: ${CATALOGUE.map((k) => k.id).join(', ')}`,
        )
        .join('\n')}`,
    );
  }
  return config;
}

export async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) return parseConfig({});
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `Cannot read the configuration file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`The configuration file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(raw, file);
}

export function configHash(config: Config): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** The catalogue with the configuration's overrides applied. */
export function kpiDefinitions(config: Config): KpiDefinition[] {
  return CATALOGUE.filter((k) => config.kpis[k.id]?.enabled !== false).map((k) => {
    const o = config.kpis[k.id];
    if (!o) return k;
    return { ...k, baseline: o.baseline ?? k.baseline, target: o.target ?? k.target };
  });
}
