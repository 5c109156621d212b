/**
 * The clock (docs/operations.md): an as-of date before every delivered month (a wrong --as-of, or a
 * machine whose clock is wrong, since the default is today) would publish every KPI as "no data" over
 * good figures. When every row that carries a month is dated after the as-of month (all of them were
 * quarantined as `future_date`, ingest/rowRules.ts), the night stops before anything is published.
 */
import type { InputFile } from '../../schemas/outputs.ts';
import type { AsOf } from '../core/asOf.ts';
import { UserError } from '../errors.ts';
import { plural, t } from '../i18n/index.ts';

export function checkClock(inputs: readonly InputFile[], asOf: AsOf): void {
  const future = inputs.reduce((n, i) => n + (i.futureDate ?? 0), 0);
  if (future === 0) return;
  // Rows of the same extracts that were loaded: dated on or before the as-of month.
  const dated = new Set(inputs.filter((i) => i.futureDate).map((i) => i.extract));
  const before = inputs.filter((i) => dated.has(i.extract)).reduce((n, i) => n + i.rowsLoaded, 0);
  if (before > 0) return;
  throw new UserError(t('clock.beforeData', { asOf: asOf.date, rows: plural(future, 'row') }));
}
