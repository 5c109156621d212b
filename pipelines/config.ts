/**
 * Loads and validates the configuration. Every bad field gets its own line: the path of the field and
 * what is allowed; the schema's problems and the cross-checks' (configCheck.ts) come in one list. The KPI defaults live in the catalogue; the config overrides them per KPI id and adds
 * user-defined initiatives, whose SQL is checked against an empty warehouse at start-up.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { Config } from '../schemas/config.ts';
import { type ConfigView, crossProblems, fileProblems, looseView } from './configCheck.ts';
import { issueLines } from './core/issues.ts';
import { jsonErrorText } from './core/jsonError.ts';
import { ConfigError } from './errors.ts';
import { hasMessage, lang, t } from './i18n/index.ts';
import { findKind } from './kinds/index.ts';
import { CATALOGUE, type KpiDefinition } from './kpis/catalogue.ts';

export { DEFAULT_MUNICIPALITY, municipalityOf } from '../schemas/config.ts';
export type { Config };

/** The configuration, or every problem with it, in one list. */
function checkConfig(raw: unknown): { config?: Config; view: ConfigView; problems: string[] } {
  // zod's own messages ("expected number, received undefined") in the user's language.
  z.config(lang() === 'da' ? z.locales.da() : z.locales.en());
  const parsed = Config.safeParse(raw ?? {});
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((i) => issueLines(i, Config, raw));
  const view: ConfigView = parsed.success ? parsed.data : looseView(raw);
  problems.push(...crossProblems(view));
  return { config: parsed.success ? parsed.data : undefined, view, problems };
}

function invalid(file: string, problems: string[]): ConfigError {
  return new ConfigError(t('config.invalidFile', { file, problems: problems.join('\n') }));
}

/** Each contract replaced by what its kind's schema makes of it (its defaults filled in). */
function normaliseContracts(config: Config): void {
  config.contracts.forEach((c, n) => {
    const parsed = findKind(c)?.config.safeParse(c);
    if (parsed?.success) config.contracts[n] = { ...parsed.data };
  });
}

export function parseConfig(raw: unknown, file = t('config.builtin')): Config {
  const { config, problems } = checkConfig(raw);
  if (!config || problems.length > 0) throw invalid(file, problems);
  normaliseContracts(config);
  return config;
}

export async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) return parseConfig({});
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      t('config.unreadable', { file, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(jsonErrorText(file, text.replace(/^\uFEFF/, ''), e as Error));
  }
  const { config, view, problems } = checkConfig(raw);
  problems.push(...(await fileProblems(view, file)));
  if (!config || problems.length > 0) throw invalid(file, problems);
  normaliseContracts(config);
  if (config.notebooks) config.notebooks = resolve(dirname(file), config.notebooks);
  for (const ini of config.initiatives)
    if (ini.sqlFile) ini.sql = await readFile(resolve(dirname(file), ini.sqlFile), 'utf8');
  return config;
}

/** The configuration as a run stores it (config.json beside manifest.json): every default filled in. */
export function configText(config: Config): string {
  // An initiative's SQL file is stored as its text: the stored configuration needs no other file.
  const initiatives = config.initiatives.map(({ sqlFile: _file, ...i }) => i);
  return `${JSON.stringify({ ...config, initiatives }, null, 2)}\n`;
}

/** The first 16 hex digits of the sha256 of configText: the manifest's configHash. */
export function configHash(config: Config): string {
  return createHash('sha256').update(configText(config)).digest('hex').slice(0, 16);
}

/** A catalogue KPI's title and definition in the user's language (i18n/messages/kpis.ts). */
export function localised(k: KpiDefinition): KpiDefinition {
  const title = `kpi.${k.id}.title`;
  const definition = `kpi.${k.id}.definition`;
  return {
    ...k,
    title: hasMessage(title) ? t(title) : k.title,
    definition: hasMessage(definition) ? t(definition) : k.definition,
  };
}

/** The catalogue with the configuration's overrides applied, followed by the user's initiatives. */
export function kpiDefinitions(config: Config): KpiDefinition[] {
  const initiatives: KpiDefinition[] = config.initiatives.map((i) => ({
    id: i.id,
    title: i.title,
    definition: i.definition,
    unit: i.unit,
    grain: i.grain,
    direction: i.direction,
    baseline: i.baseline,
    target: i.target,
    source: i.source,
    extracts: i.extracts,
    sqlText: i.sql,
    initiative: {
      themes: i.themes,
      owner: i.owner ?? null,
      description: i.description ?? null,
      followUp: i.followUp,
    },
  }));
  // Each configured contract's own KPIs (its share series), with its own baseline and targets.
  const contractKpis: KpiDefinition[] = config.contracts.flatMap((c) => findKind(c)?.kpis(c) ?? []);
  return [...CATALOGUE.map(localised), ...contractKpis, ...initiatives]
    .filter((k) => config.kpis[k.id]?.enabled !== false)
    .map((k) => {
      const o = config.kpis[k.id];
      if (!o) return k;
      return {
        ...k,
        baseline: o.baseline ?? k.baseline,
        target: o.target ?? k.target,
        source: o.source ?? k.source,
        passage: o.passage ?? k.passage,
      };
    });
}
