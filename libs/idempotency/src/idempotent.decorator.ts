import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import {
  IdempotentMetadata,
  type IdempotentOptionsInput,
  IdempotentOptionsSchema,
} from './idempotent.metadata.js';

/**
 * Makes an unsafe route honour `Idempotency-Key`: the first request runs, a retry with the same
 * key and request gets the first response (`Idempotent-Replayed: true`). Required by default;
 * `@Idempotent({ required: false })` lets requests without the header through unprotected.
 * The route's module must import `IdempotencyModule`, and the `InternalAuthGuard` must run
 * before it (keys are scoped by the verified tenant and user).
 */
export function Idempotent(options: IdempotentOptionsInput = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    IdempotentMetadata(IdempotentOptionsSchema.parse(options)),
    UseInterceptors(IdempotencyInterceptor),
  );
}
