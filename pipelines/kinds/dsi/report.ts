/** Jobfokus in the finance report: the queries over its tables `<id>_<part>`, in the report's language. */
import { col, reportTable, sqlWord } from '../kind.ts';

export function dsiQueries(id: string): string[] {
  const table = (part: string) => reportTable(id, part);
  return [
    `SELECT ${[
      col('kr(goal1)', 'goal1'),
      col('kr(goal2)', 'goal2'),
      col('kr(repayment)', 'repayment'),
      col('kr(cap)', 'cap'),
      col(`coalesce(CAST("capReachedIn" AS VARCHAR), '–')`, 'capReachedIn'),
      col('kr("expectedRepayment")', 'expectedRepayment'),
    ].join(', ')} FROM ${table('totals')}`,
    `SELECT ${[
      col('period', 'measurement'),
      col('measurement_da(status)', 'status'),
      col('"measuredPopulation"', 'measured'),
      col('successes', 'successes'),
      col('pct(share)', 'share'),
      col('excess', 'excess'),
      col('kr("goal1Payment")', 'goal1'),
      col('"goal2Successes"', 'goal2Successes'),
      col('kr("goal2Payment")', 'goal2'),
      col('kr("cumulativeBeforeCap")', 'beforeCap'),
      col('kr(payment)', 'booked'),
      col('kr(cumulative)', 'cumulative'),
      col(`CASE WHEN "capApplied" THEN ${sqlWord('word.yes')} ELSE ${sqlWord('word.no')} END`, 'capApplied'),
    ].join(', ')} FROM ${table('measurements')} ORDER BY period`,
  ];
}
