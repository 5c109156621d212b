/**
 * The as-of date (--as-of, docs/commands.md): what counts as "now" for a run. TypeScript reads it from
 * this value, and SQL from meta.config, which the warehouse writes from this same value and nothing
 * else (warehouse.ts writeSettings); test/trust-stage.test.ts proves the two agree.
 */
export interface AsOf {
  /** YYYY-MM-DD */
  readonly date: string;
  /** YYYY-MM: a period is complete only when its last month is before this one. */
  readonly month: string;
}

export function asOfDate(date: string): AsOf {
  return { date, month: date.slice(0, 7) };
}

/** The settings SQL reads the date from (meta.cfg('as_of'), meta.as_of(), meta.as_of_month()). */
export function asOfSettings(a: AsOf): Record<string, string> {
  return { as_of: a.date };
}
