import { InternalError } from '@haat/common';
import { CircuitState } from 'cockatiel';
import { Pool } from 'undici';
import type { z } from 'zod';
import { toBreakerState } from './breaker-state.mapper.js';
import { type PreparedRequest, sendAttempt } from './http-attempt.sender.js';
import { buildRequestTarget } from './request-path.builder.js';
import { UPSTREAM_ERRORS } from './resilience.errors.js';
import { buildPolicies } from './resilience.policy.js';
import { type ServiceClientOptions, parseServiceClientOptions } from './service-client.options.js';
import type {
  JsonRequestOptions,
  ServiceClient,
  ServiceRequest,
  ServiceResponse,
} from './service-client.types.js';
import { isRetryable } from './transient-failure.rule.js';
import { toUpstreamError } from './upstream-failure.mapper.js';
import { parseJsonResponse, responseToAppError } from './upstream-response.mapper.js';

function encodeBody(request: ServiceRequest): { body: Buffer | undefined; contentType: string | undefined } {
  if (request.json !== undefined && request.body !== undefined) {
    throw new InternalError(UPSTREAM_ERRORS.invalidRequest, 'Give a request either json or body, not both');
  }
  if (request.json !== undefined) {
    return { body: Buffer.from(JSON.stringify(request.json)), contentType: 'application/json' };
  }
  if (request.body !== undefined) {
    return {
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body),
      contentType: undefined,
    };
  }
  return { body: undefined, contentType: undefined };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

/**
 * Creates the client one service uses to call another over HTTP: an undici keep-alive pool to
 * `baseUrl`, every attempt bounded by `timeoutMs`, idempotent requests retried with jittered
 * exponential back-off on network errors and 502/503/504, and a circuit breaker that fails
 * calls fast (`UPSTREAM_UNAVAILABLE`) while the upstream is down.
 */
export function createServiceClient(input: ServiceClientOptions): ServiceClient {
  const options = parseServiceClientOptions(input);
  const base = new URL(options.baseUrl);
  const pool = new Pool(base.origin, {
    connections: options.connections ?? 64,
    connectTimeout: options.timeoutMs,
  });
  const policies = buildPolicies(options);
  let openedAt = 0;
  policies.breaker.onStateChange((state) => {
    if (state === CircuitState.Open) openedAt = Date.now();
  });
  const failureContext = {
    upstream: options.name,
    timeoutMs: options.timeoutMs,
    retryAfterMs: () => Math.max(0, openedAt + options.breaker.halfOpenAfterMs - Date.now()),
  };

  async function request(req: ServiceRequest): Promise<ServiceResponse> {
    const { body, contentType } = encodeBody(req);
    const headers = { ...req.headers };
    if (contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = contentType;
    const prepared: PreparedRequest = {
      method: req.method,
      target: buildRequestTarget(base.pathname, req.path, req.query),
      headers,
      body,
      sign: options.sign,
      callerSignal: req.signal,
    };
    const policy = isRetryable(req.method, req.headers) ? policies.retrying : policies.once;
    try {
      return await policy.execute(({ signal }) => sendAttempt(pool, prepared, signal), req.signal);
    } catch (error) {
      throw toUpstreamError(error, failureContext);
    }
  }

  async function requestJson<T>(req: ServiceRequest, schema?: z.ZodType<T>): Promise<T> {
    const headers = { ...req.headers };
    if (!hasHeader(headers, 'accept')) headers.accept = 'application/json';
    const response = await request({ ...req, headers });
    if (response.status < 200 || response.status >= 300) throw responseToAppError(response, options.name);
    return parseJsonResponse(response, options.name, schema);
  }

  return {
    name: options.name,
    get breakerState() {
      return toBreakerState(policies.breaker.state);
    },
    request,
    requestJson,
    getJson: <T>(path: string, schema?: z.ZodType<T>, opts: JsonRequestOptions = {}) =>
      requestJson({ method: 'GET', path, ...opts }, schema),
    onStateChange: (listener) => policies.breaker.onStateChange((state) => listener(toBreakerState(state))),
    close: () => pool.close(),
  };
}
