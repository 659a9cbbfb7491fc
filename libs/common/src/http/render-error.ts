import { ZodError } from 'zod';
import { AppError, ERROR_KINDS } from '../errors/app-error.js';
import { type ErrorBody, internalErrorBody, toErrorBody } from '../errors/error-body.js';
import { fieldIssues } from '../errors/zod-parse.js';

export interface RenderedError {
  status: number;
  body: ErrorBody;
  /** True when the error is a bug (500) and must be logged with its stack. */
  unexpected: boolean;
  headers: Record<string, string>;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/** Well-known framework errors (Fastify body parsing, Nest HTTP exceptions) by their own codes. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

function frameworkStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; getStatus?: unknown };
  if (typeof e.getStatus === 'function') {
    const s: unknown = (e.getStatus as () => unknown).call(err);
    if (typeof s === 'number') return s;
  }
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.status === 'number') return e.status;
  return undefined;
}

/** Fastify's own code, also when Nest wrapped the Fastify error as an HttpException's cause. */
function frameworkCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.cause?.code === 'string') return e.cause.code;
  if (err instanceof Error && /not valid JSON/i.test(err.message)) return 'FST_ERR_CTP_INVALID_JSON_BODY';
  return undefined;
}

function retryAfterHeaders(details: Record<string, unknown>): Record<string, string> {
  const ms = details.retryAfterMs;
  return typeof ms === 'number' && ms >= 0
    ? { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) }
    : {};
}

/**
 * Maps anything thrown to the one error shape. App errors keep their code; Zod errors become
 * 400 VALIDATION_FAILED naming the fields; framework 4xx errors keep their status with a stable
 * code; everything else is a 500 INTERNAL that reveals nothing.
 */
export function renderError(err: unknown, requestId?: string): RenderedError {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: toErrorBody(err, requestId),
      unexpected: err.status >= 500 && err.kind === 'internal',
      headers: retryAfterHeaders(err.details),
    };
  }
  if (err instanceof ZodError) {
    const fields = fieldIssues(err);
    return {
      status: ERROR_KINDS.validation,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: `Invalid request: ${fields[0]?.field ?? ''}`,
          details: { fields },
          requestId,
        },
      },
      unexpected: false,
      headers: {},
    };
  }
  const status = frameworkStatus(err);
  if (status !== undefined && status >= 400 && status < 500) {
    const fwCode = frameworkCode(err);
    const code =
      (typeof fwCode === 'string' && FRAMEWORK_CODES[fwCode]) || CODE_BY_STATUS[status] || 'BAD_REQUEST';
    const message = code === 'MALFORMED_JSON' ? 'Request body is not valid JSON' : safeMessage(err, status);
    return {
      status,
      body: { error: { code, message, details: {}, requestId } },
      unexpected: false,
      headers: {},
    };
  }
  return { status: 500, body: internalErrorBody(requestId), unexpected: true, headers: {} };
}

function safeMessage(err: unknown, status: number): string {
  const m = err instanceof Error ? err.message : '';
  // Framework messages for 4xx are about the request itself; cap them so nothing large is echoed.
  return m ? m.slice(0, 200) : `Request failed with status ${status}`;
}
