import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AUTH_JWKS_PATH, SESSION_REVOCATIONS_PATH } from '@haat/contracts';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { type JWK, SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { Pool } from 'undici';
import { createGateway } from '../gateway.factory.js';
import { loadGatewayConfig } from '../config/gateway.config.js';

/**
 * Straight to a trivial upstream vs through the gateway, on one run: throughput and latency
 * under load (autocannon, `BENCH_CONNECTIONS` connections), and the latency one request adds on
 * an idle path (sequential requests timed with `process.hrtime`, sub-millisecond). The upstream,
 * the gateway and the load generator are separate processes, as in production; the gateway does
 * its full work per request: Host → tenant (cached), identity, rate limits (in-process),
 * signing, breaker and timeout, proxying. Then the same through the gateway with a valid access
 * token (the upstream also serves the JWKS and an empty revocation list, as auth-service would):
 * the cost of authentication per request, and of verifying one token the first time it is seen.
 */
const HOST = 'bench.localhost';
const SECRET = 'bench-signing-secret-0123456789abcdef';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SEQUENTIAL_REQUESTS = Number(process.env.BENCH_SEQUENTIAL ?? 2000);
const KID = 'bench-key';
/** Anonymous and JWT runs alternate this many times, so drift in the machine's load hits both. */
const AUTH_ROUNDS = Number(process.env.BENCH_AUTH_ROUNDS ?? 3);

const TENANT = {
  tenantId: '0190f5c2-7d3a-7b6e-9a1c-2f4e5d6c7b8a',
  slug: 'bench',
  name: 'Bench',
  status: 'active',
  plan: {
    code: 'bench',
    limits: { products: null, vendors: null, staff: null, ordersPerMonth: null },
    rateLimits: { tenantRequestsPerMinute: 1_000_000_000 },
  },
  domains: [HOST],
  features: {},
  defaultCurrency: 'BDT',
  defaultLocale: 'bn-BD',
};

function reportUrl(url: string): void {
  process.send?.({ url });
}

/** The upstream plays tenant-service's directory, auth-service's keys and revocations, and an API. */
async function runUpstream(publicJwk: string): Promise<void> {
  const tenant = JSON.stringify(TENANT);
  const jwks = JSON.stringify({ keys: [JSON.parse(publicJwk) as JWK] });
  const item = JSON.stringify({ id: 1, name: 'tea', price: { amount: '12000', currency: 'BDT' } });
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    const body = url.startsWith('/internal/v1/tenants/resolve')
      ? tenant
      : url === AUTH_JWKS_PATH
        ? jwks
        : url.startsWith(SESSION_REVOCATIONS_PATH)
          ? '{"items":[]}'
          : item;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'public, max-age=60',
    });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  reportUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

async function runGateway(upstreamUrl: string): Promise<void> {
  const config = loadGatewayConfig(
    {
      PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      INTERNAL_SIGNING_SECRET: SECRET,
      TENANT_SERVICE_URL: upstreamUrl,
      AUTH_SERVICE_URL: upstreamUrl,
      BENCH_SERVICE_URL: upstreamUrl,
      RATE_LIMIT_IP_PER_MINUTE: '1000000000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000000',
    },
    [
      { name: 'tenant-service', url: { variable: 'TENANT_SERVICE_URL', fallback: upstreamUrl } },
      { name: 'auth-service', url: { variable: 'AUTH_SERVICE_URL', fallback: upstreamUrl } },
      { name: 'bench-service', url: { variable: 'BENCH_SERVICE_URL', fallback: upstreamUrl } },
    ],
  );
  const gateway = await createGateway(config, {
    routes: [
      { prefix: '/api/v1/items', service: 'bench-service', upstreamPath: '/v1/items', scope: 'tenant' },
    ],
    rpcMethods: [],
  });
  reportUrl(await gateway.listen());
}

/**
 * The floor any Node proxy pays here: Fastify + an undici pool, no edge work at all. Printed
 * as a reference, so the gateway's own cost can be told from the cost of proxying in Node.
 */
async function runBareProxy(upstreamUrl: string): Promise<void> {
  const pool = new Pool(upstreamUrl, { connections: 128 });
  const app = Fastify();
  app.get('/api/v1/items/*', async (request, reply) => {
    const response = await pool.request({ method: 'GET', path: request.url.slice('/api'.length) });
    const body = Buffer.from(await response.body.arrayBuffer());
    return reply.code(response.statusCode).header('content-type', 'application/json').send(body);
  });
  reportUrl(await app.listen({ port: 0, host: '127.0.0.1' }));
}

function start(role: string, ...args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), [role, ...args], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve({ child, url: message.url }));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, durationS: number, token?: string): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    headers: { host: HOST, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function mean(runs: readonly Figures[]): Figures {
  const avg = (pick: (f: Figures) => number) => runs.reduce((sum, f) => sum + pick(f), 0) / runs.length;
  return {
    rps: avg((f) => f.rps),
    p50: avg((f) => f.p50),
    p99: avg((f) => f.p99),
    errors: avg((f) => f.errors),
  };
}

/** p50 and p99 in ms of `count` requests sent one after another over one keep-alive connection. */
async function idleLatency(url: string, count: number): Promise<{ p50: number; p99: number }> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 1 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < count + 200; i += 1) {
      const started = process.hrtime.bigint();
      const response = await pool.request({ method: 'GET', path: target.pathname, headers: { host: HOST } });
      await response.body.dump();
      if (i >= 200) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await pool.close();
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** An access token as auth-service issues it, for the bench tenant, valid for an hour. */
async function accessToken(
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    tenant: TENANT.tenantId,
    session: '0190f5c2-7d3a-7b6e-9a1c-000000000001',
    roles: ['customer'],
    permissions: ['order:read', 'address:*'],
    vendors: [],
    amr: ['pwd'],
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: KID, typ: 'at+jwt' })
    .setIssuer('haat-auth')
    .setAudience('haat-api')
    .setSubject('0190f5c2-7d3a-7b6e-9a1c-000000000002')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .setJti(`bench-${now}`)
    .sign(privateKey);
}

/** Microseconds per first-time verification of a token (signature + claims), in this process. */
async function verificationCostUs(token: string, jwk: JWK, count = 2000): Promise<number> {
  const keys = createLocalJWKSet({ keys: [jwk] });
  const options = { algorithms: ['EdDSA'], typ: 'at+jwt', issuer: 'haat-auth', audience: 'haat-api' };
  for (let i = 0; i < 200; i += 1) await jwtVerify(token, keys, options);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await jwtVerify(token, keys, options);
  return Number(process.hrtime.bigint() - started) / 1e3 / count;
}

async function main(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: 'EdDSA', use: 'sig' };
  const token = await accessToken(privateKey);
  const upstream = await start('upstream', JSON.stringify(jwk));
  const gateway = await start('gateway', upstream.url);
  const bare = await start('bare-proxy', upstream.url);
  try {
    const direct = `${upstream.url}/v1/items/1`;
    const viaGateway = `${gateway.url}/api/v1/items/1`;
    await load(direct, 2);
    const viaBare = `${bare.url}/api/v1/items/1`;
    await load(viaGateway, 2);
    await load(viaBare, 2);
    await load(viaGateway, 2, token);
    const a = await load(direct, DURATION_S);
    const b = await load(viaGateway, DURATION_S);
    const c = await load(viaBare, DURATION_S);
    const anonymousRuns: Figures[] = [];
    const jwtRuns: Figures[] = [];
    for (let round = 0; round < AUTH_ROUNDS; round += 1) {
      anonymousRuns.push(await load(viaGateway, DURATION_S));
      jwtRuns.push(await load(viaGateway, DURATION_S, token));
    }
    const anonymous = mean(anonymousRuns);
    const withJwt = mean(jwtRuns);
    const idleA = await idleLatency(direct, SEQUENTIAL_REQUESTS);
    const idleB = await idleLatency(viaGateway, SEQUENTIAL_REQUESTS);
    const ms = (n: number, digits: number) => n.toFixed(digits).padStart(7);
    const row = (name: string, f: Figures) =>
      `${name.padEnd(16)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${ms(f.p50, 2)} ms   p99 ${ms(f.p99, 2)} ms   errors ${f.errors}`;
    const idleRow = (name: string, f: { p50: number; p99: number }) =>
      `${name.padEnd(16)} p50 ${ms(f.p50, 3)} ms   p99 ${ms(f.p99, 3)} ms`;
    console.log(`under load: ${CONNECTIONS} connections, ${DURATION_S} s each, ${cpus().length} CPUs`);
    console.log(row('upstream direct', a));
    console.log(row('through gateway', b));
    console.log(row('bare proxy (ref)', c));
    console.log(
      `throughput kept: ${((b.rps / a.rps) * 100).toFixed(1)} % (aim >= 60 %); bare proxy ${((c.rps / a.rps) * 100).toFixed(1)} %`,
    );
    console.log(`idle path: ${SEQUENTIAL_REQUESTS} sequential requests on one connection`);
    console.log(idleRow('upstream direct', idleA));
    console.log(idleRow('through gateway', idleB));
    console.log(
      `added latency: p50 ${(idleB.p50 - idleA.p50).toFixed(3)} ms (aim < 1 ms), p99 ${(idleB.p99 - idleA.p99).toFixed(3)} ms`,
    );
    console.log(`authentication: ${AUTH_ROUNDS} alternating rounds through the gateway, mean`);
    console.log(row('no credentials', anonymous));
    console.log(row('valid JWT', withJwt));
    console.log(
      `a valid JWT keeps ${((withJwt.rps / anonymous.rps) * 100).toFixed(1)} % of the anonymous throughput; ` +
        `verifying a token the first time costs ${(await verificationCostUs(token, jwk)).toFixed(0)} µs ` +
        '(then it is cached until it expires; the revocation check runs on every request)',
    );
  } finally {
    bare.child.kill();
    gateway.child.kill();
    upstream.child.kill();
  }
}

const [role, arg] = process.argv.slice(2);
const roles: Record<string, () => Promise<void>> = {
  upstream: () => runUpstream(arg ?? '{}'),
  gateway: () => runGateway(arg ?? ''),
  'bare-proxy': () => runBareProxy(arg ?? ''),
};
const run = (role ? roles[role] : undefined)?.() ?? main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
