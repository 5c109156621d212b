/** Ungeløftet in the finance report: the queries over its tables `<id>_<part>`, in the report's language. */
import { col, reportTable } from '../kind.ts';

export function grantQueries(id: string): string[] {
  const table = (part: string) => reportTable(id, part);
  return [
    `SELECT ${[
      col('kr(rate1)', 'rate1'),
      col('kr(released)', 'released'),
      col('kr(withheld)', 'withheld'),
      col('kr(total)', 'total'),
    ].join(', ')} FROM ${table('payout')}`,
    `SELECT ${[
      col('id', 'requirement'),
      col('pct(threshold)', 'threshold'),
      col('requirement_da(status)', 'status'),
      col(`coalesce(period_label("firstMonthMet"), '–')`, 'firstMonthMet'),
      col('pct("bestShare")', 'bestShare'),
      col(`coalesce(period_label("bestMonth"), '–')`, 'bestMonth'),
      col('kr(amount)', 'amount'),
    ].join(', ')} FROM ${table('requirements')}`,
  ];
}
