import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random bearer secret (256 bits), base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 of a high-entropy secret, hex: how refresh, reset and API tokens are stored. A slow
 * hash buys nothing for 256-bit secrets; it would only slow every request.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
