/**
 * Ungeløftet for finance, in words (the finance report): the grant and its tranches, who is in the
 * group, what counts, the requirements and the counted months; and the projection as tables.
 */
import type { GrantContract } from '../../../schemas/contracts.ts';
import type { GrantContractJson } from '../../../schemas/outputs.ts';
import { formatPercent, formatValue } from '../../core/describe.ts';
import { periodLabel } from '../../core/vega.ts';
import { t } from '../../i18n/index.ts';
import type { ReportTable } from '../kind.ts';

const kr = (v: number) => formatValue('dkk', v);

export function grantExplain(r: GrantContractJson, c?: GrantContract): string[] {
  const out = [
    t('finance.grant.grant', {
      total: kr(r.grant.total),
      rate1: kr(r.payout.rate1),
      // Without its configuration (a carried-over file), the share is what rate 1 is of the grant.
      share: formatPercent(c ? c.rate1Share : r.payout.rate1 / r.grant.total),
    }),
  ];
  if (c) out.push(t('finance.grant.who', { programme: c.programme, start: c.periodStart, end: c.periodEnd }));
  out.push(
    ...r.requirements.map((q) =>
      t('finance.grant.requirement', {
        id: q.id,
        threshold: formatPercent(q.threshold),
        share: formatPercent(q.payoutShare),
        amount: kr(q.amount),
      }),
    ),
    t('finance.grant.counted', {
      from: periodLabel(r.period.countedMonths.from),
      to: periodLabel(r.period.countedMonths.to),
    }),
  );
  // Each rule with where it was decided (the contract's `source`: the minutes' item).
  const cite = c?.source ? t('finance.source', { source: c.source }) : '';
  return out.map((p) => p + cite);
}

export function grantProjectionTables(r: GrantContractJson): ReportTable[] {
  const p = r.projection;
  if (!p) return [];
  return [
    {
      caption: p.basedOn
        ? t('finance.projection.grantCaption', {
            remaining: p.remainingCountedMonths,
            basedOn: periodLabel(p.basedOn),
            share: formatPercent(p.latestShare),
          })
        : t('finance.projection.grantCaptionNoMonth', { remaining: p.remainingCountedMonths }),
      rows: p.requirements.map((q) => ({
        [t('report.col.requirement')]: q.id,
        [t('report.col.status')]: t(`requirement.${q.status}`),
        [t('finance.projection.neededShare')]: q.neededShare === null ? '–' : formatPercent(q.neededShare),
        [t('finance.projection.neededPersons')]:
          q.neededPersons === null
            ? '–'
            : t('finance.projection.ofGroup', { n: q.neededPersons, group: q.ofGroup ?? 0 }),
      })),
    },
    {
      caption: t('finance.projection.scenarios'),
      rows: p.scenarios.map((s) => ({
        [t('finance.projection.scenario')]: t(`projection.grant.name.${s.id}`),
        ...Object.fromEntries(
          s.requirements.map((q) => [q.id, q.met ? t('requirement.met') : t('requirement.not_met')]),
        ),
        [t('workbook.projection.payout')]: kr(s.expectedPayout),
        [t('workbook.projection.againstGrant')]: formatPercent(s.againstGrant),
      })),
    },
  ];
}

/** ungeloftet: udbetalt 5.377.176,05 kr. af 5.974.640,06 kr.; R1 Opfyldt, R2 Afventer. */
export function grantSummary(r: GrantContractJson): string {
  return t('summary.grant', {
    id: r.id,
    paid: kr(r.payout.total),
    total: kr(r.grant.total),
    requirements: r.requirements.map((q) => `${q.id} ${t(`requirement.${q.status}`)}`).join(', '),
  });
}
