/**
 * The configuration's checks beyond its schema (docs/configuration.md): KPI ids, initiative ids, own
 * extracts, contracts against their kinds, open-code columns, municipalities, and the files it names.
 * They read a loose view of the file, so they run even when the schema found errors: every problem is
 * reported in one list, never in rounds.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXTRACT_NAMES } from '../schemas/extracts.ts';
import { RESERVED_EXTRACT_NAMES } from '../schemas/ownExtracts.ts';
import { closest, foldCode } from './core/fold.ts';
import { issueLines } from './core/issues.ts';
import { MUNICIPALITIES, municipalityName } from './core/municipalities.ts';
import { openCodeColumns } from './guard/codes.ts';
import { t } from './i18n/index.ts';
import { findKind, KINDS } from './kinds/index.ts';
import { CATALOGUE } from './kpis/catalogue.ts';

/** What the checks read of a configuration, parsed or not. */
export interface ConfigView {
  municipality?: { code?: unknown; name?: unknown };
  municipalities?: unknown;
  kpis: Record<string, unknown>;
  contracts: unknown[];
  initiatives: { id?: unknown; extracts?: unknown; themes?: unknown; sqlFile?: unknown }[];
  extracts: Record<string, unknown>;
  themes: string[];
  knownCodes: Record<string, unknown>;
  notebooks?: unknown;
}

const object = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => array(v).filter((x): x is string => typeof x === 'string');

/** The view of a file the schema rejected: whatever of each part has the right shape. */
export function looseView(raw: unknown): ConfigView {
  const r = object(raw);
  return {
    municipality: object(r.municipality),
    municipalities: r.municipalities,
    kpis: object(r.kpis),
    contracts: array(r.contracts),
    initiatives: array(r.initiatives).map(object),
    extracts: object(r.extracts),
    themes: strings(r.themes),
    knownCodes: object(r.knownCodes),
    notebooks: r.notebooks,
  };
}

const didYouMean = (value: string, known: readonly string[]) => {
  // A typo, or the start of a longer name (a kind named by its first word).
  const like =
    closest(value, known, (s) => s.toLowerCase()) ??
    known.find((k) => value.length >= 3 && k.toLowerCase().startsWith(value.toLowerCase()));
  return like ? t('cli.didYouMean', { suggestion: like }) : '';
};

/** Every problem the schema cannot see. */
export function crossProblems(c: ConfigView): string[] {
  return [
    ...municipalityProblems(c),
    ...kpiProblems(c),
    ...ownExtractProblems(c),
    ...contractProblems(c),
    ...Object.keys(c.knownCodes)
      .filter((key) => !openCodeColumns().includes(key))
      .map(
        (key) =>
          `  - knownCodes.${key}: ${t('config.notOpenCode', { open: openCodeColumns().join(', ') })}${didYouMean(key, openCodeColumns())}`,
      ),
  ];
}

/** The municipality is one of the 98, and its name is that code's; so is every one of `municipalities`. */
function municipalityProblems(c: ConfigView): string[] {
  const problems: string[] = [];
  const codes = MUNICIPALITIES.map(([code]) => code);
  const { code, name } = c.municipality ?? {};
  if (typeof code === 'string' && /^\d{3}$/.test(code)) {
    const expected = municipalityName(code);
    const short = (s: string) => foldCode(s.replace(/\s+(regions)?kommune$/i, ''));
    if (!expected) problems.push(`  - municipality.code: ${t('config.unknownMunicipality', { code })}`);
    else if (typeof name === 'string' && short(name) !== short(expected))
      problems.push(`  - municipality.name: ${t('config.nameMismatch', { code, expected, name })}`);
  }
  strings(c.municipalities).forEach((m, i) => {
    if (/^\d{3}$/.test(m) && !codes.includes(m))
      problems.push(`  - municipalities.${i}: ${t('config.unknownMunicipality', { code: m })}`);
  });
  return problems;
}

/** The ids a configuration's `kpis` may name: the catalogue's, its contracts' KPIs and its initiatives. */
export function knownKpiIds(c: ConfigView): string[] {
  return [
    ...CATALOGUE.map((k) => k.id),
    ...c.contracts.flatMap((raw) => {
      const kind = typeof object(raw).kind === 'string' ? findKind(object(raw) as never) : undefined;
      const parsed = kind?.config.safeParse(raw);
      return parsed?.success ? kind!.kpis(parsed.data).map((k) => k.id) : [];
    }),
    ...c.initiatives.map((i) => i.id).filter((id): id is string => typeof id === 'string'),
  ];
}

function kpiProblems(c: ConfigView): string[] {
  const known = knownKpiIds(c);
  const problems = Object.keys(c.kpis)
    .filter((id) => !known.includes(id))
    .map(
      (id) =>
        `  - kpis.${id}: ${t('config.unknownKpi', { known: known.join(', ') })}${didYouMean(id, known)}`,
    );
  const ids = c.initiatives.map((i) => i.id);
  ids.forEach((id, n) => {
    if (typeof id !== 'string') return;
    if (CATALOGUE.some((k) => k.id === id) || ids.indexOf(id) !== n)
      problems.push(`  - initiatives.${n}.id: ${t('config.idTaken', { id })}`);
  });
  return problems;
}

/**
 * Each contract against its kind's own schema (kinds/): an unknown kind is named with the known ones,
 * and every bad field of a known kind with its path.
 */
function contractProblems(c: ConfigView): string[] {
  const problems: string[] = [];
  const known = KINDS.map((k) => k.kind);
  c.contracts.forEach((raw, n) => {
    const kindName = object(raw).kind;
    if (typeof kindName !== 'string') return; // the schema said so
    const kind = findKind({ kind: kindName } as never);
    if (!kind) {
      problems.push(
        `  - contracts.${n}.kind: ${t('config.unknownContractKind', { kind: kindName, known: known.join(', ') })}${didYouMean(kindName, known)}`,
      );
      return;
    }
    const parsed = kind.config.safeParse(raw);
    if (!parsed.success)
      problems.push(...parsed.error.issues.flatMap((i) => issueLines(i, kind.config, raw, ['contracts', n])));
  });
  const ids = c.contracts.map((x) => object(x).id);
  ids.forEach((id, n) => {
    if (typeof id === 'string' && ids.indexOf(id) !== n)
      problems.push(`  - contracts.${n}.id: ${t('config.idTaken', { id })}`);
  });
  return problems;
}

/** Own extracts that clash with a built-in name, and initiatives that read an unknown extract or theme. */
function ownExtractProblems(c: ConfigView): string[] {
  const problems: string[] = [];
  const builtin = [...EXTRACT_NAMES, ...RESERVED_EXTRACT_NAMES];
  const own = Object.keys(c.extracts);
  for (const name of own.filter((n) => builtin.includes(n)))
    problems.push(`  - extracts.${name}: ${t('config.ownNameClash', { name, builtin: builtin.join(', ') })}`);
  const known = [...EXTRACT_NAMES, ...own];
  c.initiatives.forEach((ini, n) => {
    strings(ini.extracts).forEach((name, i) => {
      if (known.includes(name)) return;
      problems.push(
        `  - initiatives.${n}.extracts.${i}: ${t('config.unknownExtract', { name, builtin: EXTRACT_NAMES.join(', '), own: own.join(', ') || t('config.none') })}${didYouMean(name, known)}`,
      );
    });
    if (c.themes.length === 0) return;
    strings(ini.themes).forEach((theme, i) => {
      if (c.themes.includes(theme)) return;
      problems.push(
        `  - initiatives.${n}.themes.${i}: ${t('config.unknownTheme', { theme, themes: c.themes.join('; ') })}${didYouMean(theme, c.themes)}`,
      );
    });
  });
  return problems;
}

/** The files and folders a configuration file names, relative to it: the notebooks and the SQL files. */
export async function fileProblems(c: ConfigView, file: string): Promise<string[]> {
  const problems: string[] = [];
  const at = (p: string) => resolve(dirname(file), p);
  if (typeof c.notebooks === 'string' && c.notebooks) {
    const ok = await stat(at(c.notebooks)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!ok) problems.push(`  - notebooks: ${t('config.notebooksMissing', { path: at(c.notebooks) })}`);
  }
  for (const [n, ini] of c.initiatives.entries()) {
    if (typeof ini.sqlFile !== 'string' || !ini.sqlFile) continue;
    const code = await stat(at(ini.sqlFile)).then(
      (s) => (s.isFile() ? undefined : 'EISDIR'),
      (e: NodeJS.ErrnoException) => e.code ?? 'ENOENT',
    );
    if (code)
      problems.push(
        `  - initiatives.${n}.sqlFile: ${t('config.sqlFileUnreadable', { path: at(ini.sqlFile), code })}`,
      );
  }
  return problems;
}
