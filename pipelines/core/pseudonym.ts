/**
 * Pseudonymisation (docs/privacy-and-reliability.md, rule 1): person_key = the first 128 bits of
 * HMAC-SHA256(key, the 10 CPR digits), in hex. The HMAC is evaluated inside DuckDB from the key's inner
 * and outer pads, so a raw CPR never leaves the database engine.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.ts';
import { t } from '../i18n/index.ts';

export const MIN_KEY_LENGTH = 32;
/** Used by `kpi demo` only, and it says so. Never for real data. */
export const DEMO_KEY = 'demo-key-for-the-synthetic-municipality-only-0000';

export function resolveKey(env: NodeJS.ProcessEnv): string {
  let key = env.KPI_PSEUDONYM_KEY;
  if (!key && env.KPI_PSEUDONYM_KEY_FILE) {
    try {
      key = readFileSync(env.KPI_PSEUDONYM_KEY_FILE, 'utf8').trim();
    } catch (e) {
      throw new ConfigError(
        t('key.fileUnreadable', {
          file: env.KPI_PSEUDONYM_KEY_FILE,
          code: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
          howTo: t('key.howTo'),
        }),
      );
    }
  }
  if (!key) throw new ConfigError(t('key.missing', { howTo: t('key.howTo') }));
  if (key.length < MIN_KEY_LENGTH) {
    throw new ConfigError(t('key.tooShort', { n: key.length, min: MIN_KEY_LENGTH, howTo: t('key.howTo') }));
  }
  return key;
}

/** HMAC's inner and outer padded keys (RFC 2104), as hex, for the SQL expression in `hmacSql`. */
export function hmacPads(key: string): { ipad: string; opad: string } {
  let k = Buffer.from(key, 'utf8');
  if (k.length > 64) k = createHash('sha256').update(k).digest();
  const block = Buffer.alloc(64);
  k.copy(block);
  return {
    ipad: Buffer.from(block.map((b) => b ^ 0x36)).toString('hex'),
    opad: Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex'),
  };
}

/** SQL for person_key over a VARCHAR expression holding the 10 CPR digits. Needs `setKeyVariables`. */
export function hmacSql(digitsExpr: string): string {
  return `left(sha256(getvariable('pk_opad') || unhex(sha256(getvariable('pk_ipad') || (${digitsExpr})::BLOB))), 32)`;
}

export function setKeyVariablesSql(key: string): string {
  const { ipad, opad } = hmacPads(key);
  return `SET VARIABLE pk_ipad = unhex('${ipad}'); SET VARIABLE pk_opad = unhex('${opad}');`;
}

/** A short fingerprint of the key, safe to publish: it tells runs with different keys apart. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(`kpi-key-fingerprint:${key}`).digest('hex').slice(0, 12);
}
