/**
 * The trust stage (guard/trust.ts): between the warehouse and the KPIs, one decision of what this night
 * cannot trust and which artifacts it holds back. `kpi check` makes the same decision with the same
 * function (decideNight), so the pre-flight and the night agree.
 */
import type { Config } from '../../../schemas/config.ts';
import type { InputFile, Warning } from '../../../schemas/outputs.ts';
import { holdText } from '../../guard/reasons.ts';
import { type Artifact, decideTrust, type TrustDecision } from '../../guard/trust.ts';
import type { Volumes } from '../../guard/volumes.ts';
import { t } from '../../i18n/index.ts';
import type { Previous, RunSetup } from '../context.ts';
import type { Ingested } from './ingest.ts';
import type { Warehouse } from './warehouse.ts';

/** The night's decision from its deliveries, its volumes and the previous publication. */
export function decideNight(n: {
  config: Config;
  inputs: readonly InputFile[];
  delivered: readonly string[];
  volumes: Volumes;
  previous?: Pick<Previous, 'has' | 'manifest'>;
  artifacts: readonly Artifact[];
}): TrustDecision & { warnings: Warning[] } {
  const decision = decideTrust({
    inputs: n.inputs,
    delivered: n.delivered,
    volumes: n.volumes,
    previous: n.previous && {
      volumes: n.previous.manifest?.volumes,
      asOfMonth: n.previous.manifest?.asOf?.slice(0, 7),
      has: n.previous.has,
    },
    tolerance: n.config.volumeDropTolerance,
    growthTolerance: n.config.volumeGrowthTolerance,
    artifacts: n.artifacts,
    allowPartial: n.config.allowPartial,
  });
  const warnings: Warning[] = [];
  if (n.config.allowPartial && decision.wouldHold.length > 0) {
    warnings.push({
      code: 'partial_publish',
      message: t('warn.partialPublish', {
        ids: decision.wouldHold.map((h) => h.id).join(', '),
        reasons: decision.wouldHold.map((h) => holdText(h, n.config.volumeDropTolerance)).join(' | '),
      }),
    });
  }
  return { ...decision, warnings };
}

export function trustStage(s: RunSetup, ingested: Ingested, warehouse: Warehouse): TrustDecision {
  const { warnings, ...decision } = decideNight({
    config: s.config,
    inputs: ingested.result.inputs,
    delivered: ingested.result.delivered,
    volumes: warehouse.volumes,
    previous: s.previous,
    artifacts: s.artifacts,
  });
  s.warnings.push(...warnings);
  for (const h of decision.holds)
    s.reporter.event({
      stage: 'trust',
      event: 'held',
      message: `${h.id}: ${holdText(h, s.config.volumeDropTolerance)}`,
    });
  return decision;
}
