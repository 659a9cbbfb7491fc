import { Reflector } from '@nestjs/core';
import { z } from 'zod';

/** How a route uses `Idempotency-Key`. */
export const IdempotentOptionsSchema = z.object({
  /** Refuse an unsafe request without the header (400 `IDEMPOTENCY_KEY_REQUIRED`). Default true. */
  required: z.boolean().default(true),
});
export type IdempotentOptionsInput = z.input<typeof IdempotentOptionsSchema>;
export type IdempotentOptions = z.output<typeof IdempotentOptionsSchema>;

/** The route metadata `@Idempotent()` sets and the interceptor reads. */
export const IdempotentMetadata = Reflector.createDecorator<IdempotentOptions>();
