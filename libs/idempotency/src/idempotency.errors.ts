import { ConflictError, UnprocessableError, ValidationError } from '@haat/common';

/** Stable error codes of the `Idempotency-Key` protocol. Never rename one. */
export const IDEMPOTENCY_ERROR = {
  keyRequired: 'IDEMPOTENCY_KEY_REQUIRED',
  keyInvalid: 'IDEMPOTENCY_KEY_INVALID',
  keyReused: 'IDEMPOTENCY_KEY_REUSED',
  requestInProgress: 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
} as const;

/** 400: the route requires an `Idempotency-Key` and the request has none. */
export function idempotencyKeyRequired(): ValidationError {
  return new ValidationError(
    IDEMPOTENCY_ERROR.keyRequired,
    'This request needs an Idempotency-Key header (a unique value per operation, e.g. a UUID)',
    { in: 'headers', fields: [{ field: 'idempotency-key', message: 'Required', code: 'required' }] },
  );
}

/** 400: the header is not 1..255 printable ASCII characters, or was sent more than once. */
export function idempotencyKeyInvalid(): ValidationError {
  return new ValidationError(
    IDEMPOTENCY_ERROR.keyInvalid,
    'The Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces',
    { in: 'headers', fields: [{ field: 'idempotency-key', message: 'Invalid', code: 'invalid_format' }] },
  );
}

/** 422: the key was first used for a different method, path or body. */
export function idempotencyKeyReused(): UnprocessableError {
  return new UnprocessableError(
    IDEMPOTENCY_ERROR.keyReused,
    'This Idempotency-Key was already used for a different request; use a new key for a new operation',
  );
}

/** 409: the first request with this key is still running; `Retry-After` says when to try again. */
export function idempotencyRequestInProgress(retryAfterMs: number): ConflictError {
  return new ConflictError(
    IDEMPOTENCY_ERROR.requestInProgress,
    'A request with this Idempotency-Key is still in progress; retry later',
    { retryAfterMs },
  );
}
