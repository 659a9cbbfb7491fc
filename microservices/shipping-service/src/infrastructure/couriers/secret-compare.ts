import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two secrets (compared as SHA-256 digests, so lengths leak nothing). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
