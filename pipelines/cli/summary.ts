/**
 * The run's summary on stdout: the municipality, each KPI's latest period, value, target and status,
 * the rows read, what was quarantined and held back, and the warnings. Text only; the CLI prints it.
 */

import { join } from 'node:path';
import type { KpiEntry, Manifest } from '../../schemas/outputs.ts';
import { formatValue, statusWord } from '../core/describe.ts';
import { maskCprs } from '../core/mask.ts';
import { num, t } from '../i18n/index.ts';
import { type ContractResult, kindOfResult } from '../kinds/index.ts';
import { comparedText } from '../run/previous.ts';

/** How many warnings the summary shows; the rest are counted, and all are in manifest.json. */
const SHOWN_WARNINGS = 10;

export function runSummary(
  manifest: Manifest,
  kpis: KpiEntry[],
  outDir: string,
  contracts: ContractResult[] = [],
): string {
  const lines: string[] = [];
  const m = manifest.municipality;
  lines.push(
    t('summary.run', { runId: manifest.runId, asOf: manifest.asOf, out: outDir }),
    t('summary.municipality', { name: m.name, code: m.code }) +
      (m.assumed ? t('summary.municipalityAssumed') : ''),
    comparedText(manifest.comparedWith ?? null, outDir),
    '',
  );
  const rows = kpis.map((k) => [
    k.id + (kpis.filter((x) => x.id === k.id).length > 1 ? ` (${k.municipality})` : ''),
    k.latest?.period ?? '–',
    formatValue(k.unit, k.latest?.value),
    formatValue(k.unit, k.latest?.target),
    statusWord(k.status) + (k.heldBack ? t('summary.heldBackMark') : ''),
  ]);
  const header = (['kpi', 'period', 'value', 'target', 'status'] as const).map((c) => t(`summary.col.${c}`));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), '');
  if (contracts.length > 0) {
    lines.push(t('summary.contracts'));
    // Each kind says what it booked or paid, and what it is projected to.
    for (const r of contracts) lines.push(`  ${kindOfResult(r)!.summary(r)}`);
    lines.push('');
  }
  const totals = manifest.totals;
  const files = manifest.inputs.filter((i) => i.rowsRejected > 0 || i.status === 'rejected');
  const dir = join(outDir, 'restricted', 'quarantine');
  lines.push(
    t('summary.rows', {
      read: num(totals.rowsRead),
      loaded: num(totals.rowsLoaded),
      rejected: num(totals.rowsRejected),
    }) +
      (totals.rowsSkipped ? t('summary.rowsSkipped', { skipped: num(totals.rowsSkipped) }) : '') +
      (files.length === 1
        ? t('summary.rowsFiles.one', { dir })
        : files.length > 1
          ? t('summary.rowsFiles.many', { n: files.length, dir })
          : ''),
  );
  for (const f of files) {
    lines.push(
      `  ${
        f.status === 'rejected'
          ? t('summary.fileRejected', { file: f.file, message: f.message ?? '' })
          : t('summary.fileQuarantined', {
              file: f.file,
              rejected: num(f.rowsRejected),
              read: num(f.rowsRead),
            })
      }`,
    );
  }
  if (manifest.heldBack.length > 0) {
    lines.push('', t('summary.heldBack', { n: manifest.heldBack.length }));
    const byReason = new Map<string, string[]>();
    for (const h of manifest.heldBack) {
      const name =
        h.kind === 'contract'
          ? t('summary.contractMark', { id: h.id })
          : h.kind === 'list'
            ? t('summary.listMark', { id: h.id })
            : h.id;
      byReason.set(h.reason, [...(byReason.get(h.reason) ?? []), name]);
    }
    for (const [reason, ids] of byReason) lines.push(`  ${ids.join(', ')}`, `    ${reason}`);
    lines.push(`  ${t('summary.heldBackFix')}`, `  ${t('summary.heldBackAllow')}`);
  }
  const other = manifest.warnings.filter((w) => w.code !== 'rows_quarantined' && w.code !== 'file_rejected');
  if (other.length) {
    lines.push(t('summary.warnings', { n: other.length }));
    for (const w of other.slice(0, SHOWN_WARNINGS)) lines.push(`  ${w.code}: ${w.message}`);
    if (other.length > SHOWN_WARNINGS)
      lines.push(`  ${t('list.more', { n: other.length - SHOWN_WARNINGS })}`);
  }
  return maskCprs(lines.join('\n'));
}
