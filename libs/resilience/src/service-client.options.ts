import { InternalError, fieldIssues } from '@haat/common';
import { z } from 'zod';
import { UPSTREAM_ERRORS } from './resilience.errors.js';
import type { RequestSigner } from './service-client.types.js';

const positiveMs = z.number().int().positive();

/**
 * When the breaker opens: after `consecutiveFailures` failures in a row (`ConsecutiveBreaker`),
 * or when the failure rate over a sliding window of `durationMs` passes `threshold` (0..1)
 * with at least `minimumRps` requests per second (`SamplingBreaker`). `halfOpenAfterMs` is how
 * long it stays open before one probe is let through.
 */
export const BreakerOptionsSchema = z.union([
  z.object({ halfOpenAfterMs: positiveMs, consecutiveFailures: z.number().int().positive() }),
  z.object({
    halfOpenAfterMs: positiveMs,
    sampling: z.object({
      threshold: z.number().gt(0).max(1),
      durationMs: positiveMs,
      minimumRps: z.number().positive().optional(),
    }),
  }),
]);

/** Options of `createServiceClient`. */
export const ServiceClientOptionsSchema = z.object({
  /** The upstream's name, e.g. `catalog-service`: used in errors, details and metrics. */
  name: z.string().min(1),
  /** `http(s)://host:port` with an optional path prefix every request path is appended to. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Bound of one attempt, response body included. */
  timeoutMs: positiveMs,
  /** Retries after the first attempt (idempotent requests only). */
  retries: z.number().int().min(0).max(10),
  breaker: BreakerOptionsSchema,
  /** Exponential back-off with decorrelated jitter between retries. Defaults: 100 ms, at most 2 s. */
  backoff: z.object({ initialDelayMs: positiveMs.optional(), maxDelayMs: positiveMs.optional() }).optional(),
  /** Keep-alive connections to the upstream. Default 64. */
  connections: z.number().int().positive().optional(),
  /** Called for every attempt; its headers are sent with it (the internal-request signature). */
  sign: z.custom<RequestSigner>((v) => typeof v === 'function', 'must be a function').optional(),
});

export type BreakerOptions = z.infer<typeof BreakerOptionsSchema>;
export type ServiceClientOptions = z.infer<typeof ServiceClientOptionsSchema>;

/** Checks options once at start-up; a bad one stops the service naming the field. */
export function parseServiceClientOptions(input: ServiceClientOptions): ServiceClientOptions {
  const result = ServiceClientOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldIssues(result.error);
  throw new InternalError(
    UPSTREAM_ERRORS.invalidOptions,
    `Invalid service client options for ${input.name}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    { fields },
  );
}
