import {
  type AppError,
  ConflictError,
  type ErrorDetails,
  ErrorBodySchema,
  ForbiddenError,
  InternalError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnavailableError,
  UnprocessableError,
  ValidationError,
  fieldIssues,
} from '@haat/common';
import type { z } from 'zod';
import { UPSTREAM_ERRORS } from './resilience.errors.js';
import type { ServiceResponse } from './service-client.types.js';

type AppErrorClass = new (code: string, message: string, details?: ErrorDetails) => AppError;

/**
 * 4xx answers the caller's own client should see as-is (the upstream's code included): the
 * request carried the user's identity and data, so "not found", "conflict" or "forbidden" are
 * about the user's request. 401 is absent: it means our signature was refused, a platform fault.
 */
const PASSED_THROUGH: Record<number, AppErrorClass> = {
  400: ValidationError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  422: UnprocessableError,
  429: RateLimitedError,
};

function upstreamError(
  response: ServiceResponse,
): { code: string; message: string; details: ErrorDetails } | undefined {
  try {
    const parsed = ErrorBodySchema.safeParse(response.json());
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

/** The `AppError` a non-2xx answer becomes in the JSON helpers. */
export function responseToAppError(response: ServiceResponse, upstream: string): AppError {
  const { status } = response;
  const remote = upstreamError(response);
  const details: ErrorDetails = { ...remote?.details, upstream, status };
  if (status >= 500) {
    return new UnavailableError(UPSTREAM_ERRORS.failed, `${upstream} failed with ${status}`, details);
  }
  if (status === 401) {
    return new InternalError(
      UPSTREAM_ERRORS.credentialsRejected,
      `${upstream} refused our credentials`,
      details,
    );
  }
  const Kind = PASSED_THROUGH[status];
  if (Kind) {
    return new Kind(
      remote?.code ?? UPSTREAM_ERRORS.rejected,
      remote?.message ?? `${upstream} answered ${status}`,
      details,
    );
  }
  return new InternalError(UPSTREAM_ERRORS.unexpectedStatus, `${upstream} answered ${status}`, details);
}

/**
 * The JSON of a 2xx answer, checked against `schema` when given. A body that breaks the
 * contract is an `InternalError`: retrying will not fix it.
 */
export function parseJsonResponse<T>(response: ServiceResponse, upstream: string, schema?: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = response.body.length === 0 ? undefined : response.json();
  } catch {
    throw new InternalError(UPSTREAM_ERRORS.badResponse, `${upstream} answered with invalid JSON`, {
      upstream,
    });
  }
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InternalError(UPSTREAM_ERRORS.badResponse, `${upstream} answered outside its contract`, {
    upstream,
    fields: fieldIssues(result.error),
  });
}
