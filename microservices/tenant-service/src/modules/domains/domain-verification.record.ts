import { randomBytes } from 'node:crypto';

/** The TXT record a tenant publishes to prove it controls a custom domain. */
export function verificationRecord(
  hostname: string,
  token: string,
): { recordName: string; recordValue: string } {
  return { recordName: `_haat-verify.${hostname}`, recordValue: `haat-verify=${token}` };
}

/** 192 random bits, URL-safe: unguessable, and fits a TXT character-string. */
export function newVerificationToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Whether any TXT record carries the expected value. A record split into several
 * character-strings is joined first (RFC 7208 §3.3 reads them the same way); surrounding
 * whitespace is forgiven because DNS consoles add it.
 */
export function hasVerificationRecord(
  records: readonly (readonly string[])[],
  expectedValue: string,
): boolean {
  return records.some((chunks) => chunks.join('').trim() === expectedValue);
}
