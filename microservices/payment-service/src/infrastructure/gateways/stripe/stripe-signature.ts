import { createHmac, timingSafeEqual } from 'node:crypto';
import { signatureInvalid } from '../gateway.errors.js';

/**
 * Verifies a `Stripe-Signature` header exactly as stripe-node's `Webhooks.ts` does: `t` and every
 * `v1` from the header, HMAC-SHA256 of `"{t}.{raw body}"` keyed with the whole `whsec_…` string,
 * accepted when any `v1` matches any of `secrets` (constant time) and `t` is not older than the
 * tolerance. Throws `PAYMENT_WEBHOOK_SIGNATURE_INVALID` naming the reason.
 */
export function verifyStripeSignature(options: {
  header: string | undefined;
  rawBody: Buffer;
  secrets: readonly string[];
  toleranceMs: number;
  nowMs: number;
}): void {
  if (!options.header) throw signatureInvalid('stripe', 'no Stripe-Signature header');
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const item of options.header.split(',')) {
    const [key, value] = item.split('=', 2).map((s) => s.trim());
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined) throw signatureInvalid('stripe', 'no timestamp in Stripe-Signature');
  if (signatures.length === 0) throw signatureInvalid('stripe', 'no v1 signature in Stripe-Signature');
  const signedPayload = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), options.rawBody]);
  const matched = options.secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(signedPayload).digest();
    return signatures.some((given) => timingSafeEqual(given, expected));
  });
  if (!matched) throw signatureInvalid('stripe', 'no signature matches the payload');
  if (options.toleranceMs > 0 && options.nowMs - timestamp * 1000 > options.toleranceMs) {
    throw signatureInvalid('stripe', 'the timestamp is outside the tolerance');
  }
}
