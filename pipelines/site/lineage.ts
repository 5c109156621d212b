/**
 * A KPI's lineage, drawn small: the input files → the staging tables → the marts → the KPI. Names of
 * files and tables and the files' dates only, never a row (the same as the manifest says publicly).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../schemas/outputs.ts';
import { t } from '../i18n/index.ts';
import type { KpiDefinition } from '../kpis/catalogue.ts';
import { kpiSql } from '../kpis/evaluate.ts';
import { escapeHtml } from '../report/html.ts';

export interface Lineage {
  files: { name: string; date: string | null }[];
  staging: string[];
  marts: string[];
  kpi: string;
}

/** The tables a KPI's SQL reads, and the files of the extracts it reads. */
export async function lineageOf(def: KpiDefinition, manifest: Manifest, inbox: string): Promise<Lineage> {
  const sql = await kpiSql(def);
  const read = (schema: string) =>
    [
      ...new Set([...sql.matchAll(new RegExp(`\\b${schema}\\.([a-z_][a-z0-9_]*)`, 'gi'))].map((m) => m[1]!)),
    ].sort();
  const inputs = manifest.inputs.filter((i) => def.extracts.includes(i.extract) && i.status === 'loaded');
  const files = await Promise.all(
    inputs.map(async (i) => {
      const s = await stat(join(inbox, i.file)).catch(() => undefined);
      return { name: i.file, date: s ? s.mtime.toISOString().slice(0, 10) : null };
    }),
  );
  const staging = [
    ...new Set([...def.extracts.map((e) => `staging.${e}`), ...read('staging').map((x) => `staging.${x}`)]),
  ];
  return { files, staging, marts: read('marts').map((m) => `marts.${m}`), kpi: def.id };
}

const BOX_H = 22;
const GAP = 6;
const COL_W = 230;

/** Four columns of boxes joined by arrows; the list beside it says the same in words. */
export function lineageSvg(l: Lineage): string {
  const columns = [
    l.files.map((f) => (f.date ? `${f.name} (${f.date})` : f.name)),
    l.staging,
    l.marts.length ? l.marts : ['–'],
    [l.kpi],
  ];
  const rows = Math.max(...columns.map((c) => c.length));
  const height = rows * (BOX_H + GAP) + 30;
  const y = (i: number, n: number) => 24 + ((rows - n) * (BOX_H + GAP)) / 2 + i * (BOX_H + GAP);
  const heads = [t('site.lineage.files'), 'staging', 'marts', 'KPI'];
  const parts: string[] = [];
  columns.forEach((col, c) => {
    const x = c * (COL_W + 40);
    parts.push(`<text x="${x}" y="14" font-weight="bold">${escapeHtml(heads[c]!)}</text>`);
    col.forEach((label, i) => {
      const top = y(i, col.length);
      parts.push(
        `<rect x="${x}" y="${top}" width="${COL_W}" height="${BOX_H}" rx="4" fill="#f4f6f9" stroke="#1f4e79"/>`,
        `<text x="${x + 6}" y="${top + 15}" font-size="11">${escapeHtml(label.length > 36 ? `${label.slice(0, 35)}…` : label)}</text>`,
      );
      if (c > 0)
        parts.push(
          `<line x1="${x - 40}" y1="${y(0, columns[c - 1]!.length) + BOX_H / 2}" x2="${x}" y2="${top + BOX_H / 2}" stroke="#555" marker-end="url(#arrow)"/>`,
        );
    });
  });
  const width = 4 * COL_W + 3 * 40;
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" font-family="DejaVu Sans, Arial, sans-serif"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>${parts.join('')}</svg>`;
}

/** The lineage as a figure: the drawing, and the same in a list for readers who do not see it. */
export function lineageFigure(l: Lineage): string {
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const files = l.files.map((f) =>
    f.date ? t('site.lineage.fileDated', { file: f.name, date: f.date }) : f.name,
  );
  return `<figure class="lineage">${lineageSvg(l)}<figcaption>${escapeHtml(t('site.lineage.caption'))}</figcaption></figure>
<details><summary>${escapeHtml(t('site.lineage.inWords'))}</summary>
<h3>${escapeHtml(t('site.lineage.files'))}</h3>${files.length ? list(files) : `<p>${escapeHtml(t('site.lineage.noFiles'))}</p>`}
<h3>staging</h3>${list(l.staging)}<h3>marts</h3>${l.marts.length ? list(l.marts) : '<p>–</p>'}</details>`;
}
