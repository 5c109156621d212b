/** The KPI a Jobfokus-style investment publishes: its measured share per half-year (docs/contracts.md). */
import type { DsiContract } from '../../../schemas/contracts.ts';
import { sqlString } from '../../core/sql.ts';
import { shortTitle } from '../../core/vega.ts';
import { num, t } from '../../i18n/index.ts';
import type { ContractKpi } from '../kind.ts';

/**
 * `<id>_success_share`: per half-year, the measured population's share with a success month, against
 * the business case's trajectory and the baseline share the contract states. A half-year without any
 * employment data yet has no value.
 */
export function dsiKpis(c: DsiContract): ContractKpi[] {
  const from = c.kpiFrom.slice(0, 4);
  return [
    {
      id: `${c.id}_success_share`,
      title: t('kpi.dsi.title', { contract: shortTitle(c.title), hours: num(c.successMinHours) }),
      definition: t('kpi.dsi.definition', { hours: num(c.successMinHours) }),
      unit: 'share',
      grain: 'half_year',
      direction: 'increase',
      baseline: { period: c.kpiFrom, value: c.baselineShare, fixed: true },
      target: {
        rule: 'fixed',
        values: Object.fromEntries(Object.entries(c.businessCase.expectedShares).filter(([y]) => y >= from)),
      },
      source: 'Den Sociale Investeringsfond: investeringsaftalens succeskriterium og business case',
      extracts: ['enrollment', 'employment'],
      engineSql: `SELECT municipality, period,
  CASE WHEN any_value(has_data) THEN count(*) FILTER (WHERE counted AND first_success_month IS NOT NULL) END AS numerator,
  CASE WHEN any_value(has_data) THEN count(*) FILTER (WHERE counted) END AS denominator,
  any_value(complete) AS complete
FROM marts.dsi_person_period(${sqlString(c.id)})
GROUP BY municipality, period
HAVING count(*) FILTER (WHERE counted) > 0`,
    },
  ];
}
