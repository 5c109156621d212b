/**
 * The registry of outcome-contract kinds (kind.ts). A new kind is its configuration and result schemas
 * (schemas/contracts.ts, schemas/outputs.ts), its SQL (sql/contracts/<kind>.sql), one module here and
 * one line in KINDS.
 */
import type { ContractConfig } from '../../schemas/contracts.ts';
import { dsiKind } from './dsi/index.ts';
import { grantKind } from './grant/index.ts';
import type { ContractKind } from './kind.ts';

export type { ContractKind, ContractResult } from './kind.ts';

export const KINDS = [dsiKind, grantKind] as unknown as ContractKind[];

/** The kind of a configured contract (or of a `kind` name). */
export function kindOf(c: Pick<ContractConfig, 'kind'> | string): ContractKind {
  const name = typeof c === 'string' ? c : c.kind;
  const k = KINDS.find((x) => x.kind === name);
  if (!k) throw new Error(`no contract kind ${name}`);
  return k;
}

/** The kind of a published contract JSON with figures; undefined for a held-back file without them. */
export function kindOfResult(json: Record<string, unknown>): ContractKind | undefined {
  return KINDS.find((k) => k.isResult(json));
}

/** Contract parameters as rows of meta.contract_param: (contract, key, value), its kind first. */
export function contractParams(contracts: ContractConfig[]): [string, string, string][] {
  return contracts.flatMap((c) => [
    [c.id, 'kind', c.kind] as [string, string, string],
    ...kindOf(c)
      .params(c)
      .map(([key, value]): [string, string, string] => [c.id, key, String(value)]),
  ]);
}
