/**
 * The outcome contracts: each selected contract that is not held back is evaluated with its evidence
 * (contracts/evaluate.ts); the others keep their previously published files, a held-back one marked
 * with why.
 */
import { join } from 'node:path';
import { carryOverContract, evaluateContracts } from '../../contracts/evaluate.ts';
import { heldBackOf } from '../../guard/reasons.ts';
import { heldIn, type TrustDecision } from '../../guard/trust.ts';
import { t } from '../../i18n/index.ts';
import type { ContractResult } from '../../kinds/index.ts';
import { type RunSetup, restrictedDir } from '../context.ts';
import type { Warehouse } from './warehouse.ts';

export async function contractsStage(
  s: RunSetup,
  warehouse: Warehouse,
  trust: TrustDecision,
): Promise<ContractResult[]> {
  const { select } = s.opts;
  const all = s.config.contracts;
  const chosen = all.filter((c) => (!select || select.includes(c.id)) && !heldIn(trust, 'contract', c.id));
  for (const c of all.filter((x) => !chosen.includes(x))) {
    const hold = heldIn(trust, 'contract', c.id);
    await carryOverContract(
      join(s.paths.out, 'restricted'),
      restrictedDir(s),
      c,
      hold && {
        asOf: s.asOf.date,
        municipality: s.municipality.code,
        heldBack: heldBackOf(hold, s.config.volumeDropTolerance),
      },
    );
  }
  const results = await evaluateContracts(warehouse.db, chosen, {
    asOf: s.asOf.date,
    municipality: s.municipality.code,
    restrictedDir: restrictedDir(s),
  });
  for (const r of results) {
    for (const w of r.warnings) s.warnings.push({ code: 'contract_configuration', message: `${r.id}: ${w}` });
    s.reporter.event({
      stage: 'contracts',
      event: 'contract',
      contract: r.id,
      message: t('run.contractEvaluated', { id: r.id }),
    });
  }
  return results;
}
