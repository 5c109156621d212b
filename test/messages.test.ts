/**
 * One catalogue for everything users read (pipelines/i18n/messages.ts): every message in Danish and in
 * English, with the same parameters, so `--lang en` never shows a Danish text or a raw `{name}`.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, list, num, setLang, t } from '../pipelines/i18n/index.ts';
import { MESSAGES } from '../pipelines/i18n/messages.ts';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every message in both languages, with the same parameters', () => {
    const keys = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];
    expect(keys.length).toBeGreaterThan(250);
    for (const key of keys) {
      const m = MESSAGES[key] as Record<string, string>;
      for (const l of LANGS) expect(m[l]?.trim(), `${key} in ${l}`).toBeTruthy();
      expect(params(m.en!), `${key}: the parameters of en and da`).toEqual(params(m.da!));
    }
  });

  it('fills parameters and formats numbers and lists in the language', () => {
    expect(t('summary.fileQuarantined', { file: 'a.csv', rejected: num(1234), read: num(5000) })).toBe(
      'a.csv: 1.234 af 5.000 rækker i karantæne',
    );
    expect(list(['a', 'b', 'c'])).toBe('a, b og c');
    setLang('en');
    try {
      expect(t('summary.fileQuarantined', { file: 'a.csv', rejected: num(1234), read: num(5000) })).toBe(
        'a.csv: 1,234 of 5,000 rows quarantined',
      );
      expect(list(['a', 'b', 'c'])).toBe('a, b and c');
    } finally {
      setLang('da');
    }
  });
});
