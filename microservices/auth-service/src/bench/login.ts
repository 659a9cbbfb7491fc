import { availableParallelism, cpus } from 'node:os';
import { newId } from '@haat/common';
import { createThrowawayDatabase } from '@haat/database';
import { startService } from '@haat/service';
import { signInternalRequest } from '@haat/tenant';
import { ARGON2_PARAMETERS } from '../modules/passwords/password.hasher.js';
import { authService } from '../service.js';

/*
 * Password sign-in latency through auth-service's HTTP API (signed as the gateway would),
 * one at a time and with one request in flight per core. argon2id dominates: the parameters are
 * printed with the result. `npm run bench` (after a build); HAAT_TEST_ADMIN_URL points at the
 * PostgreSQL to use, HAAT_BENCH_LOGINS sets how many sign-ins each phase measures.
 */

const LOGINS = Number(process.env.HAAT_BENCH_LOGINS ?? 200);
const SECRET = 'auth-bench-secret-0123456789abcdef';
const PASSWORD = 'bench-mark-password-2026';
const tenantId = newId();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const db = await createThrowawayDatabase('auth-service');
const svc = await startService(authService, {
  env: {
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATION_URL: db.ownerUrl,
    INTERNAL_SIGNING_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    HTTP_PORT: '0',
  },
});

async function call(path: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  const headers = signInternalRequest({
    method: 'POST',
    path,
    body: text,
    secret: SECRET,
    context: { tenantId, userId: null, roles: [], permissions: [], requestId: newId() },
  });
  const res = await fetch(svc.url + path, {
    method: 'POST',
    body: text,
    headers: { ...headers, 'content-type': 'application/json' },
  });
  await res.arrayBuffer();
  return res.status;
}

async function timedLogin(email: string): Promise<number> {
  const t = performance.now();
  const status = await call('/v1/auth/login', { identifier: email, password: PASSWORD });
  if (status !== 200) throw new Error(`login answered ${status}`);
  return performance.now() - t;
}

async function phase(concurrency: number, emails: string[]) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < LOGINS) {
        const i = next++;
        latencies.push(await timedLogin(emails[i % emails.length] as string));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    logins: LOGINS,
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    perSecond: Number((LOGINS / seconds).toFixed(1)),
  };
}

try {
  const cores = availableParallelism();
  const emails = Array.from({ length: 20 }, (_, i) => `bench.${i}@example.com`);
  for (const email of emails) {
    const status = await call('/v1/auth/register', { email, password: PASSWORD });
    if (status !== 201) throw new Error(`register answered ${status}`);
  }
  await timedLogin(emails[0] as string);
  const sequential = await phase(1, emails);
  const parallel = await phase(cores, emails);
  console.log(
    JSON.stringify(
      {
        benchmark: 'auth-service password login (HTTP, signed as by the gateway)',
        argon2id: {
          memoryKiB: ARGON2_PARAMETERS.memoryCost,
          iterations: ARGON2_PARAMETERS.timeCost,
          parallelism: ARGON2_PARAMETERS.parallelism,
        },
        cores,
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        results: [sequential, parallel],
      },
      null,
      2,
    ),
  );
} finally {
  await svc.close();
  await db.drop();
}
