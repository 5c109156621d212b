/**
 * What a grant with result requirements is on course to pay (docs/contracts.md, "Projections"). A
 * requirement is met by one counted month at or above its threshold, so what is needed in the remaining
 * counted months is that share, or that many of the group as it stands. Two scenarios, never booked:
 * - business_case: the grant's plan, every requirement met that can still be met;
 * - current_trajectory: the latest complete month's share held: a requirement not yet met is met when
 *   that share reaches its threshold and counted months remain.
 */
import type { GrantContractJson, GrantProjection } from '../../../schemas/outputs.ts';
import { formatPercent } from '../../core/describe.ts';
import { monthsBetween } from '../../core/periods.ts';
import { Rational } from '../../core/rational.ts';
import { periodLabel } from '../../core/vega.ts';
import { t } from '../../i18n/index.ts';

type Settled = Pick<GrantContractJson, 'months' | 'requirements' | 'payout' | 'period' | 'grant'>;

/** The fewest of `group` whose share reaches `threshold`: the smallest k with k / group >= threshold. */
export function personsNeeded(threshold: number, group: number): number {
  const t = Rational.of(threshold);
  // k >= threshold × group, in integers: ceil(num × group / den).
  const n = t.num * BigInt(group);
  return Number((n + t.den - 1n) / t.den);
}

export function projectGrant(r: Settled): GrantProjection {
  const { from, to } = r.period.countedMonths;
  const complete = new Set(r.months.filter((m) => m.complete).map((m) => m.month));
  const remaining = monthsBetween(from, to).filter((m) => !complete.has(m)).length;
  const latest = [...r.months].reverse().find((m) => m.complete && m.group > 0);
  const latestShare = latest
    ? new Rational(BigInt(latest.inEmploymentOrEducation ?? 0), BigInt(latest.group))
    : null;
  const total = Rational.of(r.grant.total);
  const scenario = (id: 'business_case' | 'current_trajectory') => {
    const requirements = r.requirements.map((q) => {
      const open = q.status === 'pending' && remaining > 0;
      const met =
        q.status === 'met' ||
        (open &&
          (id === 'business_case' ||
            (latestShare !== null && latestShare.cmp(Rational.of(q.threshold)) >= 0)));
      return { id: q.id, met };
    });
    const payout = r.requirements.reduce(
      (s, q, i) => (requirements[i]!.met ? s + q.amount : s),
      r.payout.rate1,
    );
    return {
      id,
      label: t(`projection.grant.label.${id}`, { month: latest ? periodLabel(latest.month) : '–' }),
      assumptions: [
        id === 'business_case'
          ? t('projection.grant.assume.business_case', { remaining })
          : latestShare === null
            ? t('projection.grant.assume.noMonth')
            : t('projection.grant.assume.current_trajectory', {
                month: periodLabel(latest!.month),
                share: formatPercent(latestShare.toNumber()),
                remaining,
              }),
      ],
      requirements,
      expectedPayout: Math.round(payout * 100) / 100,
      againstGrant: Rational.of(Math.round(payout * 100))
        .div(total.mul(Rational.of(100)))
        .toNumber(),
    };
  };
  return {
    note: 'projection',
    remainingCountedMonths: remaining,
    basedOn: latest?.month ?? null,
    latestShare: latestShare?.toNumber() ?? null,
    requirements: r.requirements.map((q) => ({
      id: q.id,
      status: q.status,
      neededShare: q.status === 'pending' ? q.threshold : null,
      neededPersons: q.status === 'pending' && latest ? personsNeeded(q.threshold, latest.group) : null,
      ofGroup: latest?.group ?? null,
    })),
    scenarios: [scenario('business_case'), scenario('current_trajectory')],
  };
}
