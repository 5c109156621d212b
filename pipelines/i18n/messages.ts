/**
 * The message catalogue: every text an analyst, finance or the committee reads, in Danish and English.
 * `{name}` is a parameter. A test checks that every key has both languages with the same parameters.
 * The keys live in one file per area (messages/), in the order data moves; this index joins them.
 */

import { CHARTS } from './messages/charts.ts';
import { CHECK } from './messages/check.ts';
import { CLI } from './messages/cli.ts';
import { CONFIG } from './messages/config.ts';
import { DEMO } from './messages/demo.ts';
import { DESCRIBE } from './messages/describe.ts';
import { FINANCE } from './messages/finance.ts';
import { GUARD } from './messages/guard.ts';
import { INGEST } from './messages/ingest.ts';
import { INIT } from './messages/init.ts';
import { KEY } from './messages/key.ts';
import { KPIS } from './messages/kpis.ts';
import { LOCK } from './messages/lock.ts';
import { QUARANTINE } from './messages/quarantine.ts';
import { REPORT } from './messages/report.ts';
import { RUN } from './messages/run.ts';
import { SECURITY } from './messages/security.ts';
import { SITE } from './messages/site.ts';
import { SUMMARY } from './messages/summary.ts';
import { WORDS } from './messages/words.ts';
import { WORKBOOK } from './messages/workbook.ts';

export const MESSAGES = {
  ...CLI,
  ...WORDS,
  ...SUMMARY,
  ...KEY,
  ...CONFIG,
  ...INIT,
  ...KPIS,
  ...DEMO,
  ...RUN,
  ...GUARD,
  ...LOCK,
  ...CHECK,
  ...DESCRIBE,
  ...INGEST,
  ...QUARANTINE,
  ...REPORT,
  ...WORKBOOK,
  ...FINANCE,
  ...CHARTS,
  ...SECURITY,
  ...SITE,
} as const;

export type MessageKey = keyof typeof MESSAGES;
