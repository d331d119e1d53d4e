import { createHash } from 'crypto';

export const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A string of `length` characters of `alphabet` derived from `seed` alone, so that ids, URLs and generated values
 * are the same on every run for the same stack and logical id.
 */
export function stableToken(seed: readonly string[], length: number, alphabet: string = LOWER_ALPHANUMERIC): string {
  let token = '';
  for (let block = 0; token.length < length; block++) {
    const digest = createHash('sha256').update([...seed, String(block)].join('\u0000')).digest();
    for (const byte of digest) {
      if (token.length === length) break;
      token += alphabet[byte % alphabet.length];
    }
  }
  return token;
}

/** A UUID-shaped token (`8-4-4-4-12` lowercase hex) derived from `seed`. */
export function stableUuid(seed: readonly string[]): string {
  const hex = stableToken(seed, 32, '0123456789abcdef');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
