import type { z } from 'zod';

/** Methods the client sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Circuit breaker state, as reported to metrics. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** What a signer sees: the method, the path with its query string as sent, the exact body bytes. */
export interface SignableRequest {
  method: string;
  path: string;
  body: Buffer | undefined;
}

/** Returns headers to add to one attempt (e.g. the internal-request signature of `@haat/tenant`). */
export type RequestSigner = (request: SignableRequest) => Record<string, string>;

/** A query parameter value; arrays repeat the name, `undefined` and `null` leave it out. */
export type QueryValue =
  string | number | boolean | bigint | null | undefined | readonly (string | number | bigint)[];

interface RequestBase {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Cancels the call (e.g. the caller's own client went away). */
  signal?: AbortSignal;
}

/** A request: a JSON body (`json`), raw bytes (`body`) or none. */
export type ServiceRequest =
  | (RequestBase & { json?: unknown; body?: undefined })
  | (RequestBase & { body?: Buffer | string; json?: undefined });

/** A fully read response. */
export interface ServiceResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
  /** `JSON.parse` of the body, unchecked: prefer `getJson` with a schema. */
  json<T = unknown>(): T;
}

/** Options of the JSON helpers. */
export interface JsonRequestOptions {
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The HTTP client one service uses to call another. */
export interface ServiceClient {
  readonly name: string;
  /**
   * Current breaker state. An open breaker stays `open` past its half-open delay until the next
   * call arrives and becomes the probe (`half-open`).
   */
  readonly breakerState: BreakerState;
  /**
   * Sends a request through retry → breaker → timeout and returns the response whatever its
   * status. Throws `UnavailableError` with `UPSTREAM_UNAVAILABLE` (breaker open; details
   * `{ upstream, retryAfterMs }`), `UPSTREAM_TIMEOUT` or `UPSTREAM_UNREACHABLE`.
   */
  request(request: ServiceRequest): Promise<ServiceResponse>;
  /** GETs JSON, validated by `schema` when given; a non-2xx answer throws the matching `AppError`. */
  getJson<T>(path: string, schema?: z.ZodType<T>, options?: JsonRequestOptions): Promise<T>;
  /** Sends a request and returns its JSON like {@link ServiceClient.getJson}. */
  requestJson<T>(request: ServiceRequest, schema?: z.ZodType<T>): Promise<T>;
  /** Calls `listener` on every breaker transition; returns a handle whose `dispose()` stops it. */
  onStateChange(listener: (state: BreakerState) => void): { dispose(): void };
  /** Closes the connection pool. */
  close(): Promise<void>;
}
