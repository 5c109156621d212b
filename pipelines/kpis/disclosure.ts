/**
 * Disclosure control for everything under public/ (docs/privacy-and-reliability.md, rule 3): a count in
 * 1..minCell-1 is suppressed; so is a share whose numerator or (denominator - numerator) is in
 * 1..minCell-1, or whose denominator is below minCell.
 */
const small = (n: number | null | undefined, minCell: number) =>
  n !== null && n !== undefined && n >= 1 && n < minCell;

export function suppressCount(n: number | null | undefined, minCell: number): boolean {
  return small(n, minCell);
}

export function suppressShare(
  numerator: number | null,
  denominator: number | null,
  minCell: number,
): boolean {
  if (numerator === null || denominator === null) return false;
  return small(numerator, minCell) || small(denominator - numerator, minCell) || denominator < minCell;
}
