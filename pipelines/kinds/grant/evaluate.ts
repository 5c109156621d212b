/**
 * A grant with result requirements (docs/contracts.md, Ungeløftet). Month shares come from
 * sql/contracts/grant_result_requirements.sql; requirements and payout are decided here, exactly.
 */
import type { GrantContract } from '../../../schemas/contracts.ts';
import type { GrantContractJson } from '../../../schemas/outputs.ts';
import { Rational } from '../../core/rational.ts';
import { sqlString } from '../../core/sql.ts';
import type { Db } from '../../duckdb.ts';
import { num, t } from '../../i18n/index.ts';
import { book, kroner, toOre } from '../money.ts';
import { projectGrant } from './projection.ts';

export interface GrantMonth {
  month: string;
  counted: boolean;
  complete: boolean;
  group: number;
  inEmploymentOrEducation: number;
}

/** The one-øre difference in the grant letter is reported, and the stated total governs (docs/contracts.md). */
export function grantWarnings(c: GrantContract): string[] {
  const total = toOre(Rational.of(c.grant.total));
  const byYear = Object.values(c.grant.byYear).reduce((s, v) => s + toOre(Rational.of(v)), 0n);
  return byYear === total
    ? []
    : [t('warn.grantSum', { byYear: num(Number(byYear) / 100, 2), total: num(Number(total) / 100, 2) })];
}

function countedRange(c: GrantContract): { from: string; to: string } {
  const from = new Date(`${c.secondHalfFrom}T00:00:00Z`);
  if (from.getUTCDate() !== 1) from.setUTCMonth(from.getUTCMonth() + 1, 1);
  const end = new Date(`${c.periodEnd}T00:00:00Z`);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  if (end.getUTCDate() !== lastDay) end.setUTCMonth(end.getUTCMonth() - 1, 1);
  return { from: from.toISOString().slice(0, 7), to: end.toISOString().slice(0, 7) };
}

export function settleGrant(
  c: GrantContract,
  months: GrantMonth[],
  asOf: string,
): Pick<GrantContractJson, 'months' | 'requirements' | 'payout' | 'period'> {
  const range = countedRange(c);
  // The second half has ended when its last counted month is before the as-of month.
  const secondHalfOver = range.to < asOf.slice(0, 7);
  const judged = months.filter((m) => m.counted && m.complete && m.group > 0);
  const shareOf = (m: GrantMonth) => new Rational(BigInt(m.inEmploymentOrEducation), BigInt(m.group));
  let best: GrantMonth | undefined;
  for (const m of judged) if (!best || shareOf(m).cmp(shareOf(best)) > 0) best = m; // a tie keeps the earlier month

  const total = Rational.of(c.grant.total);
  const tranches = [c.rate1Share, ...c.requirements.map((r) => r.payoutShare)].map((s) =>
    total.mul(Rational.of(s)),
  );
  const bookings = book(tranches, Number.POSITIVE_INFINITY);
  const amounts = bookings.map((b) => b.bookedOre);
  const requirements = c.requirements.map((r, i) => {
    const first = judged.find((m) => shareOf(m).cmp(Rational.of(r.threshold)) >= 0);
    const status = first ? ('met' as const) : secondHalfOver ? ('not_met' as const) : ('pending' as const);
    return {
      id: r.id,
      threshold: r.threshold,
      payoutShare: r.payoutShare,
      amount: kroner(amounts[i + 1]!),
      status,
      firstMonthMet: first?.month ?? null,
      bestShare: best ? shareOf(best).toNumber() : null,
      bestMonth: best?.month ?? null,
    };
  });
  const released = requirements.reduce((s, r, i) => (r.status === 'met' ? s + amounts[i + 1]! : s), 0n);
  const withheld = requirements.reduce((s, r, i) => (r.status === 'met' ? s : s + amounts[i + 1]!), 0n);
  return {
    period: {
      start: c.periodStart,
      end: c.periodEnd,
      secondHalfFrom: c.secondHalfFrom,
      countedMonths: range,
    },
    months: months.map((m) => ({
      month: m.month,
      group: m.group,
      inEmploymentOrEducation: m.complete ? m.inEmploymentOrEducation : null,
      share: m.complete && m.group > 0 ? m.inEmploymentOrEducation / m.group : null,
      counted: m.counted,
      complete: m.complete,
    })),
    requirements,
    payout: {
      rate1: kroner(amounts[0]!),
      released: kroner(released),
      withheld: kroner(withheld),
      total: kroner(amounts[0]! + released),
    },
  };
}

export async function evaluateGrant(
  db: Db,
  c: GrantContract,
  asOf: string,
  municipality: string,
): Promise<GrantContractJson> {
  const id = sqlString(c.id);
  const months = await db.all<GrantMonth>(`
    SELECT strftime(g.month, '%Y-%m') AS month, g.counted, g.complete,
      count(p.person_id)::BIGINT AS "group",
      count(p.person_id) FILTER (WHERE p.in_employment_or_education)::BIGINT AS "inEmploymentOrEducation"
    FROM marts.grant_month(${id}) g
    LEFT JOIN marts.grant_person_month(${id}) p ON p.month = g.month AND p.municipality = ${sqlString(municipality)}
    GROUP BY g.month, g.counted, g.complete ORDER BY g.month`);
  const settled = settleGrant(
    c,
    months.map((m) => ({ ...m, counted: Boolean(m.counted), complete: Boolean(m.complete) })),
    asOf,
  );
  return {
    id: c.id,
    title: c.title,
    asOf,
    municipality,
    grant: c.grant,
    ...settled,
    projection: projectGrant({ ...settled, grant: c.grant }),
    warnings: grantWarnings(c),
  };
}

/** One row per person in the group and month, with the reason they count as in work or education or not. */
export function grantEvidenceSql(c: GrantContract, municipality: string): string {
  const id = sqlString(c.id);
  return `
    SELECT ${id} AS contract, strftime(month, '%Y-%m') AS period, person_id, CASE WHEN counted THEN 'counted_month' ELSE 'month' END AS goal,
      true AS counted, in_employment_or_education AS success,
      CASE WHEN NOT complete THEN 'måneden er ikke afsluttet eller mangler data'
           WHEN employed AND in_education THEN 'løntimer og uddannelse'
           WHEN employed THEN 'løntimer i måneden'
           WHEN in_education THEN 'i uddannelse'
           ELSE 'hverken løntimer eller uddannelse' END
        || ' (visiteret ' || enrolled_on || CASE WHEN left_on IS NOT NULL THEN ', udskrevet ' || left_on ELSE '' END || ')' AS reason
    FROM marts.grant_person_month(${id}) WHERE municipality = ${sqlString(municipality)}`;
}
