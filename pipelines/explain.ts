/**
 * `kpi explain <kpi-id> [--out DIR]`: where does this number come from? The definition and the source
 * document's own words, the target rule and baseline, the SQL file, the input files (with sha256) of
 * the extracts it reads in the last published run, and its last published values.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';
import type { Config } from './config.ts';
import { kpiDefinitions } from './config.ts';
import { formatValue, ruleText, seriesLabel, statusWord, unitText } from './core/describe.ts';
import { SQL_DIR } from './core/paths.ts';
import { periodLabel } from './core/vega.ts';
import { UserError } from './errors.ts';
import { type MessageKey, num, t } from './i18n/index.ts';
import type { KpiDefinition } from './kpis/catalogue.ts';

/** A configured initiative's card (docs/own-data.md): themes, owner, follow-up, description. */
function cardLines(card: KpiDefinition['initiative'], label: (key: MessageKey) => string): string[] {
  if (!card) return [];
  return [
    `${label('explain.themes')}${card.themes.join('; ') || '–'}`,
    `${label('explain.owner')}${card.owner ?? '–'}`,
    `${label('explain.followUp')}${t(`followUp.${card.followUp}`)}`,
    ...(card.description ? [`${label('explain.description')}${card.description}`] : []),
  ];
}

export async function explain(id: string, outDir: string, config: Config): Promise<string> {
  const def = kpiDefinitions(config).find((d) => d.id === id);
  if (!def) {
    throw new UserError(
      t('explain.unknown', {
        id,
        known: kpiDefinitions(config)
          .map((d) => d.id)
          .join(', '),
      }),
    );
  }
  const root = fileURLToPath(new URL('../', import.meta.url));
  const sqlFile = def.sqlText
    ? t('explain.sqlInConfig')
    : relative(root, fileURLToPath(new URL(`kpis/${id}.sql`, SQL_DIR)));
  const label = (key: Parameters<typeof t>[0]) => `${t(key)}:`.padEnd(13);
  const baseline = def.baseline
    ? `${def.baseline.period} ${
        def.baseline.value !== undefined
          ? t('explain.baselineConfigured', {
              value: formatValue(def.unit, def.baseline.value),
              fixed: def.baseline.fixed ? t('explain.fixed') : '',
            })
          : t('explain.baselineData')
      }`
    : '–';
  const lines = [
    `${def.title} (${def.id})`,
    '',
    `${label('explain.definition')}${def.definition}`,
    `${label('explain.source')}${def.source}`,
    ...(def.passage ? [`${''.padEnd(13)}«${def.passage}»`] : []),
    `${label('explain.unitLabel')}${unitText(def)}`,
    `${label('explain.target')}${ruleText(def.target, def.unit)}`,
    `${label('explain.baseline')}${baseline}`,
    `${label('explain.sql')}${sqlFile}`,
    `${label('explain.extracts')}${def.extracts.join(', ')}`,
    ...cardLines(def.initiative, label),
  ];
  let manifest: Manifest | undefined;
  let kpis: KpisJson | undefined;
  try {
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    kpis = JSON.parse(await readFile(join(outDir, 'public', 'kpis.json'), 'utf8')) as KpisJson;
  } catch {
    lines.push('', t('explain.noRun', { out: outDir }));
    return lines.join('\n');
  }
  lines.push('', t('explain.inputs', { runId: manifest.runId, asOf: manifest.asOf }));
  const inputs = manifest.inputs.filter((i) => (def.extracts as string[]).includes(i.extract));
  if (inputs.length === 0) lines.push(`  ${t('explain.noInputs')}`);
  for (const i of inputs) {
    lines.push(
      `  ${t('explain.input', {
        file: i.file,
        status: t(`fileStatus.${i.status}`),
        loaded: num(i.rowsLoaded),
        read: num(i.rowsRead),
        sha: i.sha256,
      })}`,
    );
  }
  for (const entry of kpis.kpis.filter((k) => k.id === id)) {
    lines.push('', t('explain.latest', { code: entry.municipality, status: statusWord(entry.status) }));
    for (const p of entry.series.slice(-8)) {
      const series = p.breakdown ? ` ${seriesLabel(p)}` : '';
      const value = p.suppressed ? `<${kpis.minCell}` : formatValue(entry.unit, p.value);
      lines.push(
        `  ${periodLabel(p.period).padEnd(9)}${series.padEnd(series ? 16 : 0)} ${value.padStart(10)}  ${t('word.target')} ${formatValue(entry.unit, p.target).padStart(9)}  ${statusWord(p.status)}`,
      );
    }
  }
  return lines.join('\n');
}
