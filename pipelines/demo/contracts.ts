/**
 * The demo's outcome contracts: Jobfokus and Ungeløftet as the committee's minutes set them, with their
 * periods moved back (Jobfokus 3 years, Ungeløftet 2), so that a demo run today has final and
 * provisional measurements, booked payments and a projection. Their titles say so. The synthetic
 * inbox enrols the participants as much earlier (generate.ts).
 */
import type { Config } from '../../schemas/config.ts';
import { type DsiContract, type GrantContract, JOBFOKUS, UNGELOFTET } from '../../schemas/contracts.ts';
import { t } from '../i18n/index.ts';
import { LOLLAND, LOLLAND_CONTRACT_KPIS, LOLLAND_KPIS } from './lolland.ts';

/** Years each demo contract is moved back. */
export const DEMO_SHIFT = { jobfokus: 3, ungeloftet: 2 } as const;

/** `2026-01-05` three years back: `2023-01-05`. */
export function shiftDate(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
}

/** Keys that are years (`2026`) or half-years (`2027-H2`), moved back. */
function shiftKeys<T>(record: Record<string, T>, years: number): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [shiftDate(k, years), v]));
}

function demoJobfokus(): DsiContract {
  const y = DEMO_SHIFT.jobfokus;
  return {
    ...JOBFOKUS,
    title: `${JOBFOKUS.title} ${t('demo.shifted', { years: y })}`,
    measurements: {
      first: shiftDate(JOBFOKUS.measurements.first, y),
      last: shiftDate(JOBFOKUS.measurements.last, y),
    },
    kpiFrom: shiftDate(JOBFOKUS.kpiFrom, y),
    businessCase: {
      ...JOBFOKUS.businessCase,
      expectedShares: shiftKeys(JOBFOKUS.businessCase.expectedShares, y),
    },
  };
}

function demoUngeloftet(): GrantContract {
  const y = DEMO_SHIFT.ungeloftet;
  return {
    ...UNGELOFTET,
    title: `${UNGELOFTET.title} ${t('demo.shifted', { years: y })}`,
    periodStart: shiftDate(UNGELOFTET.periodStart, y),
    periodEnd: shiftDate(UNGELOFTET.periodEnd, y),
    secondHalfFrom: shiftDate(UNGELOFTET.secondHalfFrom, y),
    grant: { ...UNGELOFTET.grant, byYear: shiftKeys(UNGELOFTET.grant.byYear, y) },
  };
}

/**
 * The demo's configuration: Lolland's strategy (demo/lolland.ts) under whatever the given configuration
 * sets itself, and, unless it names contracts of its own, Lolland's two contracts moved back in time.
 */
export function demoConfig(config: Config): Config {
  return {
    ...config,
    municipality: config.municipality ?? { ...LOLLAND },
    kpis: { ...LOLLAND_KPIS, ...LOLLAND_CONTRACT_KPIS, ...config.kpis } as Config['kpis'],
    contracts: config.contracts.length > 0 ? config.contracts : [demoJobfokus(), demoUngeloftet()],
  };
}
