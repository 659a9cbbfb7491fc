import { z } from 'zod';
import { idempotencyKeyInvalid } from './idempotency.errors.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** A key as clients send it: 1..255 visible ASCII characters (a UUID is the usual choice). */
export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/);
export type IdempotencyKey = z.infer<typeof IdempotencyKeySchema>;

/**
 * Reads the `Idempotency-Key` header: undefined when absent, the key when well-formed, else a 400
 * `IDEMPOTENCY_KEY_INVALID`. The IETF draft sends the key as a structured-field string
 * (`"abc"`); Stripe-style clients send it bare. Both name the same key.
 */
export function parseIdempotencyKey(value: string | string[] | undefined): IdempotencyKey | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw idempotencyKeyInvalid();
  const unquoted = /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
  const parsed = IdempotencyKeySchema.safeParse(unquoted);
  if (!parsed.success) throw idempotencyKeyInvalid();
  return parsed.data;
}
