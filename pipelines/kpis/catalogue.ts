/**
 * The KPI catalogue (spec/kpis.md). One KPI = one entry here + one sql/kpis/<id>.sql. The defaults are
 * the source documents' figures; the configuration may override baseline and target per KPI.
 */
import type { ExtractName } from '../../schemas/extracts.ts';
import type { KpiEntry, TargetRule } from '../../schemas/outputs.ts';

export interface KpiDefinition {
  id: string;
  title: string;
  /** What the number is, in Danish, for reports and `kpi explain`. */
  definition: string;
  unit: KpiEntry['unit'];
  grain: KpiEntry['grain'];
  direction: KpiEntry['direction'];
  baseline?: { period: string; value?: number };
  target: TargetRule;
  source: string;
  extracts: ExtractName[];
  /** Publish the distinct persons behind each point (kpis.md: sel85_employment_rate). */
  publishPersons?: boolean;
}

export const CATALOGUE: KpiDefinition[] = [
  {
    id: 'sel85_employment_rate',
    title: 'Beskæftigelse blandt borgere med §85-støtte (psykiatri)',
    definition:
      'Andelen af person-måneder med en aktiv §85-afgørelse (målgruppe psykiatri), hvor borgeren har løntimer.',
    unit: 'share',
    grain: 'year',
    direction: 'increase',
    baseline: { period: '2020' },
    target: { rule: 'relative_growth', perYear: 0.02 },
    source: '001_b0953ca1c40ea0ba.txt: Resultatmål - beskæftigelse',
    extracts: ['sel85', 'employment'],
    publishPersons: true,
  },
  {
    id: 'neet_share',
    title: 'Andel unge 15–29 år uden job og uddannelse',
    definition:
      'Andelen af person-måneder for unge på 15–29 år (alder ved månedens udgang), hvor den unge hverken er i job eller uddannelse.',
    unit: 'share',
    grain: 'year',
    direction: 'decrease',
    baseline: { period: '2020' },
    target: { rule: 'absolute_change', perYear: -0.01, until: '2024' },
    source: '001_b0953ca1c40ea0ba.txt: Resultatmål - tilbud til unge',
    extracts: ['neet'],
  },
  {
    id: 'treatment_employment_retained',
    title: 'Borgere fastholdt i beskæftigelse via misbrugsbehandling',
    definition:
      'Antal borgere med et behandlingsforløb, der starter i året, og som er i beskæftigelse både i startmåneden og 6 måneder senere.',
    unit: 'count',
    grain: 'year',
    direction: 'increase',
    baseline: { period: '2020' },
    target: { rule: 'absolute_change', perYear: 10 },
    source: '001_b0953ca1c40ea0ba.txt: Resultatmål (misbrugsbehandling)',
    extracts: ['treatment', 'employment'],
  },
];
