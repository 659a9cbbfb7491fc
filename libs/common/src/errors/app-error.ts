/** The closed set of error kinds; each maps to one HTTP status. */
export const ERROR_KINDS = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;
export type ErrorDetails = Record<string, unknown>;

/**
 * An expected failure with a stable `DOMAIN_REASON` code. Codes are part of the public API:
 * never rename one. Throw a subclass; the exception filter renders the one error shape.
 */
export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
  get status(): number {
    return ERROR_KINDS[this.kind];
  }
}

/** 400: the request is malformed; `details.fields` names each bad field. */
export class ValidationError extends AppError {
  readonly kind = 'validation';
}
/** 401: no or bad credentials. */
export class UnauthorizedError extends AppError {
  readonly kind = 'unauthorized';
}
/** 403: authenticated but not allowed. */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
}
/** 404: the thing does not exist (or is not visible to this tenant). */
export class NotFoundError extends AppError {
  readonly kind = 'not_found';
}
/** 409: the request conflicts with current state (illegal transition, duplicate, in flight). */
export class ConflictError extends AppError {
  readonly kind = 'conflict';
}
/** 413: the body is larger than allowed. */
export class PayloadTooLargeError extends AppError {
  readonly kind = 'payload_too_large';
}
/** 422: well-formed but semantically refused (e.g. an idempotency key reused with another body). */
export class UnprocessableError extends AppError {
  readonly kind = 'unprocessable';
}
/** 429: a limit was hit; `details.retryAfterMs` when known. */
export class RateLimitedError extends AppError {
  readonly kind = 'rate_limited';
}
/** 503: a dependency is down or overloaded; `details.retryAfterMs` when known. */
export class UnavailableError extends AppError {
  readonly kind = 'unavailable';
}
/** 500: a bug. Its message is never shown to clients. */
export class InternalError extends AppError {
  readonly kind = 'internal';
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
