import { createHmac } from 'node:crypto';

/**
 * Keyed hashes (HMAC-SHA256) of identifiers for equality lookups without storing them: the
 * blocklist keeps `hash(kind, normalized value)` and finds a vendor's NID, TIN or phone by the
 * same hash. Without the key, the hashes cannot be brute-forced over the small NID space.
 */
export class LookupHasher {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('The lookup key must be 32 bytes');
  }

  hash(kind: string, normalizedValue: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${normalizedValue}`).digest('hex');
  }
}
