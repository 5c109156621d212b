/**
 * What users read comes from one catalogue (messages.ts), in Danish by default and in English with
 * `--lang en` or `KPI_LANG=en`. Machine fields stay English: JSON keys, warning codes, log fields, rule
 * names. The language is a process-wide setting, like a locale: the command line sets it once, and
 * the ingest worker is told it in its request.
 */
import { MESSAGES, type MessageKey } from './messages.ts';

export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];
export type { MessageKey };

let current: Lang = 'da';

export function setLang(l: Lang): void {
  current = l;
}

export function lang(): Lang {
  return current;
}

/** A language from `--lang` or `KPI_LANG`; undefined when the value is not one. */
export function parseLang(value: string | undefined): Lang | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'da' || v === 'en' ? v : undefined;
}

export type Params = Record<string, string | number>;

/** Whether the catalogue has `key` (labels looked up by a code, core/describe.ts memberLabel). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** The message in the current language, with `{name}` replaced by its parameter. */
export function t(key: MessageKey, params: Params = {}, l: Lang = current): string {
  const text = MESSAGES[key][l];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * A number in the language's format: 1.234,5 in Danish, 1,234.5 in English. With `digits`, exactly
 * that many decimals; otherwise up to two.
 */
export function num(n: number, digits?: number, l: Lang = current): string {
  return new Intl.NumberFormat(l === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 2,
  }).format(n);
}

/** A size as people read it: 512 byte, 1,0 MiB, 4,0 GiB (binary units, one decimal). */
export function bytes(n: number, l: Lang = current): string {
  const units = ['MiB', 'GiB', 'TiB'];
  if (n < 1024 ** 2) return `${num(n, 0, l)} byte`;
  let v = n / 1024 ** 2;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${num(v, 1, l)} ${units[u]}`;
}

/** "a, b og c" / "a, b and c". */
export function list(items: readonly string[], l: Lang = current): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${l === 'da' ? 'og' : 'and'} ${items.at(-1)}`;
}

/** Nouns with a singular and a plural in the catalogue (`noun.<name>.one`, `noun.<name>.other`). */
export type Noun = 'cell' | 'row' | 'kpi' | 'file' | 'kpiOrContract';

/** "1 celle", "2 celler", "1.234 rækker": the number in the language's format and the noun's right form. */
export function plural(n: number, noun: Noun, l: Lang = current): string {
  return `${num(n, 0, l)} ${t(`noun.${noun}.${n === 1 ? 'one' : 'other'}`, {}, l)}`;
}
