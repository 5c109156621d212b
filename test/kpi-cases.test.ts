/**
 * KPI case folders: test/cases/<case>/inbox in, expected.json out. The expected figures are computed by
 * hand (each case's "why" says how) and written as exact fractions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TariffAlertsJson } from '../schemas/outputs.ts';
import { type ExpectedKpi, expectKpis } from './expected.ts';
import { fraction, runInbox } from './helpers.ts';

interface Expected {
  asOf: string;
  kpis: Record<string, ExpectedKpi>;
  tariffAlerts?: { providerId: string; increase: string; threshold: number }[];
  rejectedRows?: number;
}

const CASES = join(import.meta.dirname, 'cases');

describe.each(readdirSync(CASES).filter((c) => existsSync(join(CASES, c, 'expected.json'))))(
  'case %s',
  (name) => {
    const dir = join(CASES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    it('publishes the hand-computed figures', async () => {
      const { kpis, out, manifest } = await runInbox(join(dir, 'inbox'), {
        asOf: expected.asOf,
        configFile: existsSync(join(dir, 'config.json')) ? join(dir, 'config.json') : undefined,
      });
      expectKpis(kpis, expected.kpis);
      if (expected.tariffAlerts) {
        const published = JSON.parse(
          readFileSync(join(out, 'public', 'tariff_alerts.json'), 'utf8'),
        ) as TariffAlertsJson;
        expect(published.alerts.map((a) => [a.providerId, a.threshold])).toEqual(
          expected.tariffAlerts.map((a) => [a.providerId, a.threshold]),
        );
        for (const [i, a] of expected.tariffAlerts.entries()) {
          const [ratio, minus] = a.increase.split(' - ');
          expect(published.alerts[i]!.increase).toBeCloseTo(fraction(ratio!) - Number(minus), 12);
        }
      }
      if (expected.rejectedRows !== undefined)
        expect(manifest.totals.rowsRejected).toBe(expected.rejectedRows);
    });
  },
);
