/** Stable error codes of `@haat/resilience`. */
export const UPSTREAM_ERRORS = {
  /** The circuit is open: the upstream failed repeatedly; `details.retryAfterMs` says when to try. */
  unavailable: 'UPSTREAM_UNAVAILABLE',
  /** One attempt took longer than `timeoutMs`. */
  timeout: 'UPSTREAM_TIMEOUT',
  /** No connection, or the connection broke. */
  unreachable: 'UPSTREAM_UNREACHABLE',
  /** The upstream answered 5xx (after any retries). */
  failed: 'UPSTREAM_ERROR',
  /** The upstream answered 2xx with a body that is not the agreed JSON. */
  badResponse: 'UPSTREAM_BAD_RESPONSE',
  /** The upstream refused our credentials (401): the internal signature is misconfigured. */
  credentialsRejected: 'UPSTREAM_CREDENTIALS_REJECTED',
  /** The upstream answered a 4xx without its own error code. */
  rejected: 'UPSTREAM_REJECTED',
  /** The upstream answered a status this client does not expect (3xx, 405, …). */
  unexpectedStatus: 'UPSTREAM_UNEXPECTED_STATUS',
  /** The request given to the client is malformed: a programming error. */
  invalidRequest: 'UPSTREAM_REQUEST_INVALID',
  /** `createServiceClient` was given bad options: a configuration error. */
  invalidOptions: 'UPSTREAM_CLIENT_OPTIONS_INVALID',
} as const;
