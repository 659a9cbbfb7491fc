import { type Dispatcher, errors } from 'undici';
import { AttemptTimeoutError, NetworkFailureError } from './attempt-failure.errors.js';
import { readServiceResponse } from './service-response.reader.js';
import type { HttpMethod, RequestSigner, ServiceResponse } from './service-client.types.js';

/** Socket-level error codes that mean "no usable connection", not "bad request". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function networkCode(error: unknown): string | undefined {
  if (error instanceof errors.InvalidArgumentError || error instanceof errors.NotSupportedError)
    return undefined;
  if (error instanceof errors.UndiciError) return error.code;
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    NETWORK_CODES.has(error.code)
  ) {
    return error.code;
  }
  return undefined;
}

/** One prepared request; `sign` runs per attempt so each retry carries a fresh timestamp. */
export interface PreparedRequest {
  method: HttpMethod;
  /** Request target (path and query) exactly as sent and signed. */
  target: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  sign: RequestSigner | undefined;
  /** The caller's own cancellation, told apart from our timeout. */
  callerSignal: AbortSignal | undefined;
}

/**
 * Sends one attempt and reads the whole body under `signal` (the timeout policy's), so a
 * slow body counts against the timeout too, and turns transport failures into the two
 * failure kinds the policies understand.
 */
export async function sendAttempt(
  dispatcher: Dispatcher,
  request: PreparedRequest,
  signal: AbortSignal,
): Promise<ServiceResponse> {
  const signed = request.sign?.({ method: request.method, path: request.target, body: request.body }) ?? {};
  try {
    const response = await dispatcher.request({
      method: request.method,
      path: request.target,
      headers: { ...request.headers, ...signed },
      body: request.body,
      signal,
    });
    return readServiceResponse(
      response.statusCode,
      response.headers,
      Buffer.from(await response.body.arrayBuffer()),
    );
  } catch (error) {
    if (request.callerSignal?.aborted) throw error;
    if (signal.aborted) throw new AttemptTimeoutError();
    const code = networkCode(error);
    if (code !== undefined) throw new NetworkFailureError(code, error);
    throw error;
  }
}
