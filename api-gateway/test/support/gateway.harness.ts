import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { type Dispatcher, request } from 'undici';
import {
  type Gateway,
  type GatewayOptions,
  type GatewayRoute,
  ROUTES,
  UPSTREAM_SERVICES,
  createGateway,
  loadGatewayConfig,
} from '../../src/index.js';

export const SECRET = 'gateway-test-signing-secret-0123456789';
export const OPERATOR_TOKEN = 'operator-token-for-gateway-tests-000001';

/** The production routes plus a second upstream, for the tests. */
export const TEST_ROUTES: GatewayRoute[] = [
  ...ROUTES,
  {
    prefix: '/api/v1/test-catalog',
    service: 'catalog-service',
    upstreamPath: '/v1/products',
    scope: 'tenant',
    perClientPerMinute: 2,
  },
];

export interface StartedGateway {
  gateway: Gateway;
  url: string;
  /** JSON log lines the gateway wrote. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * Every production upstream plus the tests' catalog, each defaulting to a port nothing listens
 * on (a test points the ones it needs at its own servers; a platform running on this machine is
 * never reached by accident).
 */
const TEST_UPSTREAMS = [
  ...UPSTREAM_SERVICES.map((s) => ({
    ...s,
    url: { ...s.url, fallback: 'http://127.0.0.1:1' },
    ...(s.grpc ? { grpc: { ...s.grpc, fallback: '127.0.0.1:1' } } : {}),
  })),
  { name: 'catalog-service', url: { variable: 'CATALOG_SERVICE_URL', fallback: 'http://127.0.0.1:1' } },
];

/** Starts a real gateway on a free port with `env` on top of the test defaults. */
export async function startGateway(
  env: Record<string, string | undefined>,
  options: GatewayOptions = {},
): Promise<StartedGateway> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadGatewayConfig(
    {
      PORT: '0',
      HTTP_HOST: '127.0.0.1',
      INTERNAL_SIGNING_SECRET: SECRET,
      HAAT_OPERATOR_TOKEN: OPERATOR_TOKEN,
      LOG_LEVEL: 'info',
      ...env,
    },
    TEST_UPSTREAMS,
  );
  const gateway = await createGateway(config, {
    routes: TEST_ROUTES,
    logger: pino({ level: config.LOG_LEVEL }, sink),
    ...options,
  });
  const url = await gateway.listen();
  return { gateway, url, logs, close: () => gateway.close() };
}

export interface CallOptions {
  host?: string;
  method?: Dispatcher.HttpMethod;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

/** One request to the gateway as a client would send it (`Host` chosen by the test). */
export async function call(base: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const response = await request(`${base}${path}`, {
    method: options.method ?? 'GET',
    headers: { host: options.host ?? 'localhost', ...options.headers },
    body: options.body,
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    json: <T>() => JSON.parse(text) as T,
  };
}

/** The `{ error }` body of a failed call. */
export function errorOf(result: CallResult): {
  code: string;
  message: string;
  requestId?: string;
  details: Record<string, unknown>;
} {
  return result.json<{
    error: { code: string; message: string; requestId?: string; details: Record<string, unknown> };
  }>().error;
}

/** A GET whose path is sent byte for byte (undici normalises `%2e%2e` away, as browsers do). */
export function rawGet(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/`, { path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
