/**
 * `kpi explain <kpi-id> [--out DIR]`: where does this number come from? The definition and the source
 * document's own words, the target rule and baseline, the SQL file, the input files (with sha256) of
 * the extracts it reads in the last published run, and its last published values.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KpisJson, Manifest, TargetRule } from '../schemas/outputs.ts';
import type { Config } from './config.ts';
import { kpiDefinitions } from './config.ts';
import { UserError } from './errors.ts';
import { SQL_DIR } from './kpis/evaluate.ts';
import { formatDa, periodLabel, STATUS_LABEL } from './report/charts.ts';

function ruleText(rule: TargetRule): string {
  switch (rule.rule) {
    case 'relative_growth':
      return `relative_growth: baseline × (1 + ${rule.perYear})^(år − baselineår)`;
    case 'absolute_change':
      return `absolute_change: baseline + ${rule.perYear} pr. år${rule.until ? ` til og med ${rule.until}, derefter fastholdt` : ''}`;
    case 'fixed':
      return `fixed: ${Object.entries(rule.values)
        .map(([p, v]) => `${p} ${v}`)
        .join(', ')}`;
    case 'threshold':
      return rule.min !== undefined ? `threshold: mindst ${rule.min}` : `threshold: højst ${rule.max}`;
    case 'benchmark':
      return 'benchmark: rundens benchmark fra survey_benchmarks';
    default:
      return 'none: intet mål';
  }
}

export async function explain(id: string, outDir: string, config: Config): Promise<string> {
  const def = kpiDefinitions(config).find((d) => d.id === id);
  if (!def) {
    throw new UserError(
      `There is no KPI with the id "${id}". Known ids: ${kpiDefinitions(config)
        .map((d) => d.id)
        .join(', ')}`,
    );
  }
  const root = fileURLToPath(new URL('../', import.meta.url));
  const sqlFile = def.sqlText
    ? '(SQL in the configuration: initiatives)'
    : relative(root, fileURLToPath(new URL(`kpis/${id}.sql`, SQL_DIR)));
  const lines = [
    `${def.title} (${def.id})`,
    '',
    `Definition:  ${def.definition}`,
    `Kilde:       ${def.source}`,
    ...(def.passage ? [`             «${def.passage}»`] : []),
    `Enhed:       ${def.unit}, opgjort pr. ${def.grain}, retning: ${def.direction}`,
    `Mål:         ${ruleText(def.target)}`,
    `Baseline:    ${def.baseline ? `${def.baseline.period}${def.baseline.value !== undefined ? ` (konfigureret værdi ${def.baseline.value}${def.baseline.fixed ? ', fast' : ''})` : ' (beregnes af data)'}` : '–'}`,
    `SQL:         ${sqlFile}`,
    `Udtræk:      ${def.extracts.join(', ')}`,
  ];
  let manifest: Manifest | undefined;
  let kpis: KpisJson | undefined;
  try {
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    kpis = JSON.parse(await readFile(join(outDir, 'public', 'kpis.json'), 'utf8')) as KpisJson;
  } catch {
    lines.push('', `Ingen offentliggjort kørsel i ${outDir}; kør \`kpi run\` for at se filer og værdier.`);
    return lines.join('\n');
  }
  lines.push('', `Inputfiler i kørsel ${manifest.runId} (opgjort pr. ${manifest.asOf}):`);
  const inputs = manifest.inputs.filter((i) => (def.extracts as string[]).includes(i.extract));
  if (inputs.length === 0) lines.push('  (ingen: udtrækkene blev ikke leveret)');
  for (const i of inputs) {
    lines.push(`  ${i.file}  ${i.status}, ${i.rowsLoaded} af ${i.rowsRead} rækker  sha256 ${i.sha256}`);
  }
  for (const entry of kpis.kpis.filter((k) => k.id === id)) {
    lines.push(
      '',
      `Seneste offentliggjorte værdier (kommune ${entry.municipality}, status: ${STATUS_LABEL[entry.status] ?? entry.status}):`,
    );
    for (const p of entry.series.slice(-8)) {
      const series = p.breakdown ? ` ${Object.values(p.breakdown)[0]}` : '';
      const value = p.suppressed ? `<${kpis.minCell}` : formatDa(entry.unit, p.value);
      lines.push(
        `  ${periodLabel(p.period).padEnd(9)}${series.padEnd(series ? 16 : 0)} ${value.padStart(10)}  mål ${formatDa(entry.unit, p.target).padStart(9)}  ${STATUS_LABEL[p.status] ?? p.status}`,
      );
    }
  }
  return lines.join('\n');
}
