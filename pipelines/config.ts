/**
 * Loads and validates the configuration. Every bad field gets its own line: the path of the field and
 * what is allowed. The KPI defaults live in the catalogue; the config overrides them per KPI id and adds
 * user-defined initiatives, whose SQL is checked against an empty warehouse at start-up.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { Config } from '../schemas/config.ts';
import { EXTRACT_NAMES } from '../schemas/extracts.ts';
import { RESERVED_EXTRACT_NAMES } from '../schemas/ownExtracts.ts';
import { closest } from './core/fold.ts';
import { ConfigError } from './errors.ts';
import { openCodeColumns } from './guard/codes.ts';
import { lang, t } from './i18n/index.ts';
import { findKind, KINDS } from './kinds/index.ts';
import { CATALOGUE, type KpiDefinition } from './kpis/catalogue.ts';

export { DEFAULT_MUNICIPALITY, municipalityOf } from '../schemas/config.ts';
export type { Config };

function describeIssues(error: z.ZodError, file: string): string {
  const lines = error.issues.map((i) => {
    const path = i.path.length ? i.path.join('.') : t('config.topLevel');
    return `  - ${path}: ${i.message}`;
  });
  return t('config.invalidFile', { file, problems: lines.join('\n') });
}

export function parseConfig(raw: unknown, file = t('config.builtin')): Config {
  // zod's own messages ("expected number, received undefined") in the user's language.
  z.config(lang() === 'da' ? z.locales.da() : z.locales.en());
  const parsed = Config.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, file));
  const config = parsed.data;
  const known = [
    ...CATALOGUE.map((k) => k.id),
    ...config.contracts.flatMap((c) => {
      const kind = findKind(c);
      return kind?.config.safeParse(c).success ? kind.kpis(c).map((k) => k.id) : [];
    }),
    ...config.initiatives.map((i) => i.id),
  ];
  const problems = Object.keys(config.kpis)
    .filter((id) => !known.includes(id))
    .map((id) => {
      const like = closest(id, known, (s) => s.toLowerCase());
      const hint = like ? t('cli.didYouMean', { suggestion: like }) : '';
      return `  - kpis.${id}: ${t('config.unknownKpi', { known: known.join(', ') })}${hint}`;
    });
  config.initiatives.forEach((ini, n) => {
    if (
      CATALOGUE.some((k) => k.id === ini.id) ||
      config.initiatives.findIndex((o) => o.id === ini.id) !== n
    ) {
      problems.push(`  - initiatives.${n}.id: ${t('config.idTaken', { id: ini.id })}`);
    }
  });
  problems.push(...ownExtractProblems(config));
  problems.push(...contractProblems(config));
  const open = openCodeColumns();
  for (const key of Object.keys(config.knownCodes)) {
    if (!open.includes(key))
      problems.push(`  - knownCodes.${key}: ${t('config.notOpenCode', { open: open.join(', ') })}`);
  }
  if (problems.length > 0)
    throw new ConfigError(t('config.invalidFile', { file, problems: problems.join('\n') }));
  return config;
}

/**
 * Each contract against its kind's own schema (kinds/): an unknown kind is named with the known ones,
 * and every bad field of a known kind with its path. A valid contract is replaced by what its schema
 * made of it (its defaults filled in).
 */
function contractProblems(config: Config): string[] {
  const problems: string[] = [];
  const known = KINDS.map((k) => k.kind);
  config.contracts.forEach((c, n) => {
    const kind = findKind(c);
    if (!kind) {
      const like = closest(c.kind, known, (x) => x.toLowerCase());
      const hint = like ? t('cli.didYouMean', { suggestion: like }) : '';
      problems.push(
        `  - contracts.${n}.kind: ${t('config.unknownContractKind', { kind: c.kind, known: known.join(', ') })}${hint}`,
      );
      return;
    }
    const parsed = kind.config.safeParse(c);
    if (parsed.success)
      config.contracts[n] = { ...Object.fromEntries(Object.entries(parsed.data)), ...parsed.data };
    else
      for (const i of parsed.error.issues)
        problems.push(`  - ${['contracts', n, ...i.path].join('.')}: ${i.message}`);
  });
  const ids = config.contracts.map((c) => c.id);
  ids.forEach((id, n) => {
    if (ids.indexOf(id) !== n) problems.push(`  - contracts.${n}.id: ${t('config.idTaken', { id })}`);
  });
  return problems;
}

/** Own extracts that clash with a built-in name, and initiatives that read an unknown extract or theme. */
function ownExtractProblems(config: Config): string[] {
  const problems: string[] = [];
  const builtin = [...EXTRACT_NAMES, ...RESERVED_EXTRACT_NAMES];
  const own = Object.keys(config.extracts);
  for (const name of own.filter((n) => builtin.includes(n)))
    problems.push(`  - extracts.${name}: ${t('config.ownNameClash', { name, builtin: builtin.join(', ') })}`);
  const known = [...EXTRACT_NAMES, ...own];
  config.initiatives.forEach((ini, n) => {
    ini.extracts.forEach((name, i) => {
      if (known.includes(name)) return;
      const like = closest(name, known, (x) => x.toLowerCase());
      const hint = like ? t('cli.didYouMean', { suggestion: like }) : '';
      problems.push(
        `  - initiatives.${n}.extracts.${i}: ${t('config.unknownExtract', { name, builtin: EXTRACT_NAMES.join(', '), own: own.join(', ') || t('config.none') })}${hint}`,
      );
    });
    if (config.themes.length === 0) return;
    ini.themes.forEach((theme, i) => {
      if (config.themes.includes(theme)) return;
      const like = closest(theme, config.themes, (x) => x.toLowerCase());
      const hint = like ? t('cli.didYouMean', { suggestion: like }) : '';
      problems.push(
        `  - initiatives.${n}.themes.${i}: ${t('config.unknownTheme', { theme, themes: config.themes.join('; ') })}${hint}`,
      );
    });
  });
  return problems;
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
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(t('config.notJson', { file, message: (e as Error).message }));
  }
  const config = parseConfig(raw, file);
  if (config.notebooks) {
    config.notebooks = resolve(dirname(file), config.notebooks);
    const ok = await stat(config.notebooks).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!ok) {
      throw new ConfigError(
        t('config.invalidFile', {
          file,
          problems: `  - notebooks: ${t('config.notebooksMissing', { path: config.notebooks })}`,
        }),
      );
    }
  }
  for (const [n, ini] of config.initiatives.entries()) {
    if (ini.sqlFile) {
      const path = resolve(dirname(file), ini.sqlFile);
      try {
        ini.sql = await readFile(path, 'utf8');
      } catch (e) {
        throw new ConfigError(
          t('config.invalidFile', {
            file,
            problems: `  - initiatives.${n}.sqlFile: ${t('config.sqlFileUnreadable', { path, code: String((e as NodeJS.ErrnoException).code) })}`,
          }),
        );
      }
    }
  }
  return config;
}

export function configHash(config: Config): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
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
  return [...CATALOGUE, ...contractKpis, ...initiatives]
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
