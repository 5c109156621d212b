/**
 * What the packs' inbox generators share: a seeded random sequence, synthetic CPR numbers (valid dates,
 * never the same twice, made up) and CSV writing in the dialects Danish systems export. The inboxes are
 * generated, not kept in the repository: no CPR-like number is tracked outside test/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** mulberry32: the same seed gives the same inbox on every machine. */
export function random(seed: number): { int(from: number, to: number): number; shuffle<T>(xs: T[]): T[] } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (from: number, to: number) => from + Math.floor(next() * (to - from));
  return {
    /** An integer in [from, to). */
    int,
    shuffle<T>(xs: T[]): T[] {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i + 1);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
  };
}

/** A date `days` after `from` (YYYY-MM-DD), as a UTC date. */
export function addDays(from: string, days: number): Date {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const danish = (d: Date) => `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;

/**
 * Made-up CPR numbers of people born `fromYear` to `fromYear + years` (in the 1900s: digit 7 is 0-3),
 * never the same twice.
 */
export function cprs(rng: ReturnType<typeof random>, fromYear: number, years: number): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const born = addDays(`${fromYear}-01-01`, rng.int(0, years * 365));
      const text = `${pad(born.getUTCDate())}${pad(born.getUTCMonth() + 1)}${pad(born.getUTCFullYear() % 100)}-${pad(rng.int(0, 4000), 4)}`;
      if (!used.has(text)) {
        used.add(text);
        return text;
      }
    }
  };
}

/** A CSV file with CRLF line ends: UTF-8 with a BOM (Excel), plain UTF-8, or Latin-1 (Windows). */
export async function writeCsv(
  path: string,
  header: string[],
  rows: (string | number)[][],
  opts: { sep?: string; encoding?: 'utf-8-bom' | 'utf-8' | 'latin1' } = {},
): Promise<void> {
  const sep = opts.sep ?? ';';
  const text = `${[header, ...rows].map((r) => r.join(sep)).join('\r\n')}\r\n`;
  await mkdir(dirname(path), { recursive: true });
  const encoding = opts.encoding ?? 'utf-8-bom';
  await writeFile(
    path,
    encoding === 'latin1' ? Buffer.from(text, 'latin1') : (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text,
  );
}

/** Months YYYY-MM of a half-year. */
export const halfYearMonths = (year: number, half: 1 | 2) =>
  Array.from({ length: 6 }, (_, i) => `${year}-${pad(i + (half === 1 ? 1 : 7))}`);
