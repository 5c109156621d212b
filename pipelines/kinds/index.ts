/**
 * The registry of outcome-contract kinds (kind.ts). A new kind is one folder here (its configuration
 * and result schemas, evaluation, chart, report, workbook) and one line in BUILT_IN; a kind that is not
 * built in (a test's, a municipality's extension) is added with registerKind.
 */
import { dsiKind } from './dsi/index.ts';
import { grantKind } from './grant/index.ts';
import {
  type ContractBase,
  type ContractKind,
  type RegisteredKind,
  type ResultBase,
  register,
} from './kind.ts';

export type { ContractBase, ContractKind, RegisteredKind, ResultBase } from './kind.ts';
/** A contract's result as the stages hold it: its kind's JSON, seen through what every result has. */
export type ContractResult = ResultBase;

const BUILT_IN: RegisteredKind[] = [register(dsiKind), register(grantKind)];

/** Every registered kind, the built-in ones first. */
export const KINDS: RegisteredKind[] = [...BUILT_IN];

/** Adds a kind to the registry (a second kind of the same name replaces the first). */
export function registerKind<C extends ContractBase, R extends ResultBase>(
  k: ContractKind<C, R>,
): RegisteredKind {
  const registered = register(k);
  const at = KINDS.findIndex((x) => x.kind === k.kind);
  if (at >= 0) KINDS.splice(at, 1, registered);
  else KINDS.push(registered);
  return registered;
}

/** The kind of a configured contract (or of a `kind` name); undefined when no kind has that name. */
export function findKind(c: Pick<ContractBase, 'kind'> | string): RegisteredKind | undefined {
  const name = typeof c === 'string' ? c : c.kind;
  return KINDS.find((x) => x.kind === name);
}

/** The kind of a configured contract; the configuration was validated, so it has one. */
export function kindOf(c: Pick<ContractBase, 'kind'> | string): RegisteredKind {
  const k = findKind(c);
  if (!k) throw new Error(`no contract kind ${typeof c === 'string' ? c : c.kind}`);
  return k;
}

/** The kind of a published contract JSON with figures; undefined for a held-back file without them. */
export function kindOfResult(json: object): RegisteredKind | undefined {
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(json));
  return KINDS.find((k) => k.isResult(fields));
}

/** Contract parameters as rows of meta.contract_param: (contract, key, value), its kind first. */
export function contractParams(contracts: ContractBase[]): [string, string, string][] {
  return contracts.flatMap((c) => [
    [c.id, 'kind', c.kind] as [string, string, string],
    ...kindOf(c)
      .params(c)
      .map(([key, value]): [string, string, string] => [c.id, key, String(value)]),
  ]);
}
