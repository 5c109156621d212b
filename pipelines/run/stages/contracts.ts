/**
 * The outcome contracts: each selected contract that is not held back is evaluated with its evidence
 * (contracts/evaluate.ts); the others keep their previously published files, a held-back one marked
 * with why.
 */
import { join } from 'node:path';
import { carryOverContract, evaluateContracts } from '../../contracts/evaluate.ts';
import { heldBackOf } from '../../guard/holdBack.ts';
import { t } from '../../i18n/index.ts';
import type { Stage } from '../context.ts';

export const contractsStage: Stage = {
  name: 'contracts',
  async run(ctx) {
    const { select, asOf } = ctx.opts;
    const all = ctx.config.contracts;
    const chosen = all.filter((c) => (!select || select.includes(c.id)) && !ctx.held('contract', c.id));
    for (const c of all.filter((x) => !chosen.includes(x))) {
      const hold = ctx.held('contract', c.id);
      await carryOverContract(
        join(ctx.paths.out, 'restricted'),
        ctx.restrictedDir,
        c,
        hold && { asOf, municipality: ctx.municipality.code, heldBack: heldBackOf(hold) },
      );
    }
    ctx.contracts = await evaluateContracts(ctx.warehouse, chosen, {
      asOf,
      municipality: ctx.municipality.code,
      restrictedDir: ctx.restrictedDir,
    });
    for (const r of ctx.contracts) {
      for (const w of r.warnings)
        ctx.warnings.push({ code: 'contract_configuration', message: `${r.id}: ${w}` });
      ctx.reporter.event({
        stage: 'contracts',
        event: 'contract',
        contract: r.id,
        message: t('run.contractEvaluated', { id: r.id }),
      });
    }
  },
};
