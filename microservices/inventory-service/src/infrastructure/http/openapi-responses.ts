import type { ResponseConfig } from '@haat/contracts/openapi';
import { standardErrorResponses } from '@haat/service';
import { z } from 'zod';

/** A JSON response of `schema`. */
export function json(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

/** The standard error responses with these statuses. */
export function errors(...statuses: number[]): Record<number, ResponseConfig> {
  return Object.fromEntries(
    statuses.flatMap((s) => (standardErrorResponses[s] ? [[s, standardErrorResponses[s]]] : [])),
  );
}

/** A JSON request body of `schema`. */
export function jsonBody(schema: z.ZodType) {
  return { content: { 'application/json': { schema } } };
}

/** The `Idempotency-Key` header a route honours: retries with the same key get the first answer. */
export function idempotencyKeyHeader(required: boolean) {
  const key = z.string().min(1).max(255);
  return z.object({ 'idempotency-key': required ? key : key.optional() });
}
