/** The KPI an Ungeløftet-style grant publishes: its monthly share against the first requirement. */
import type { GrantContract } from '../../../schemas/contracts.ts';
import { sqlString } from '../../core/sql.ts';
import { shortTitle } from '../../core/vega.ts';
import { t } from '../../i18n/index.ts';
import type { ContractKpi } from '../kind.ts';

/**
 * `<id>_share`: per month of the project period up to the as-of month, persons in employment or
 * education / the intervention group so far. A month without employment data (after the last delivered
 * month, or the as-of month itself) has no value: the group is known, but whether they worked is not.
 */
export function grantKpis(c: GrantContract): ContractKpi[] {
  return [
    {
      id: `${c.id}_share`,
      title: t('kpi.grant.title', { contract: shortTitle(c.title) }),
      definition: t('kpi.grant.definition'),
      unit: 'share',
      grain: 'month',
      direction: 'increase',
      target: { rule: 'threshold', min: c.requirements[0]?.threshold ?? 0 },
      source: 'STAR: tilskudsbrevets resultatkrav (andel i beskæftigelse eller uddannelse)',
      extracts: ['enrollment', 'employment'],
      engineSql: `SELECT municipality, strftime(month, '%Y-%m') AS period,
  CASE WHEN any_value(complete) THEN count(*) FILTER (WHERE in_employment_or_education) END AS numerator,
  CASE WHEN any_value(complete) THEN count(*) END AS denominator,
  any_value(complete) AS complete
FROM marts.grant_person_month(${sqlString(c.id)})
WHERE month <= meta.as_of_month()
GROUP BY municipality, month`,
    },
  ];
}
