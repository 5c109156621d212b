/**
 * Names as real exports write them. Danish case systems and Excel sheets spell the same header or code
 * many ways (`CPR-nr.`, `Cpr nr`, `CPRNR`; `Ungeløftet`, `UNGELØFTET`, `ungeloeftet`), so headers and
 * code values are compared after folding, and a near miss gets a "did you mean".
 */

/** Danish letters as ASCII, the way Danish systems transliterate them (æ→ae, ø→oe, å→aa). */
function transliterate(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * A header as compared: case, spaces, punctuation and the BOM folded away, Danish letters
 * transliterated. `CPR-nr.`, `Cpr nr`, `cpr_nr` and `CPRNR` all fold to `cprnr`; `På ydelse` to
 * `paaydelse`, as `paa_ydelse` does.
 */
export function foldHeader(h: string): string {
  return transliterate(h.replace(/^\uFEFF/, '')).replace(/[^a-z0-9]/g, '');
}

/**
 * A code value as compared. Besides foldHeader's folding, the two ways Danish codes write æ, ø and å
 * in ASCII collapse into one (`ungeloftet`, `ungeloeftet` and `Ungeløftet`; `kontanthjaelp` and
 * `kontanthjælp`), so a value matches its code however it was transliterated.
 */
export function foldCode(v: string): string {
  return foldHeader(v).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/aa/g, 'a');
}

/** The same folding as foldCode, in DuckDB SQL over a VARCHAR expression. */
export function foldCodeSql(expr: string): string {
  let s = `lower(${expr})`;
  for (const [from, to] of [
    ['æ', 'ae'],
    ['ø', 'oe'],
    ['å', 'aa'],
  ] as const)
    s = `replace(${s}, '${from}', '${to}')`;
  s = `regexp_replace(strip_accents(${s}), '[^a-z0-9]', '', 'g')`;
  for (const [from, to] of [
    ['ae', 'a'],
    ['oe', 'o'],
    ['aa', 'a'],
  ] as const)
    s = `replace(${s}, '${from}', '${to}')`;
  return s;
}

/** Levenshtein distance, for the short names of headers and codes. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `value` after folding, if it is within `maxDistance` edits (a typo, a
 * letter left out); undefined when nothing is that close.
 */
export function closest(
  value: string,
  candidates: readonly string[],
  fold: (s: string) => string = foldCode,
  maxDistance = 2,
): string | undefined {
  const v = fold(value);
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(v, fold(c));
    if (d <= maxDistance && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}
