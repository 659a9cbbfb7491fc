import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { newId } from '@haat/common';
import { createThrowawayDatabase } from '@haat/database';
import { startService } from '@haat/service';
import { signInternalRequest } from '@haat/tenant';
import { startPaymentSandboxes, stripeSignatureHeader } from '@haat/testing';
import { seedPaymentAccounts } from '../modules/accounts/payment-accounts.seed.js';
import { paymentService } from '../service.js';
import { type LoadJob, type LoadResult, runLoad } from './webhook-load.process.js';

/*
 * Webhook handling on PostgreSQL: signed Stripe `payment_intent.succeeded` events for distinct
 * payments (verify → inbox claim → row lock → transition → outbox), then the same events again
 * (verify → found in the inbox → 200), then forged ones (refused at the signature). Prints p50,
 * p99 and events per second per phase with the core count. `npm run bench` after a build;
 * HAAT_BENCH_EVENTS sizes the run, HAAT_BENCH_CONCURRENCY the parallel senders.
 */

const EVENTS = Number(process.env.HAAT_BENCH_EVENTS ?? 2_000);
const CONCURRENCY = Number(process.env.HAAT_BENCH_CONCURRENCY ?? 16);
const SECRET = 'bench-internal-secret-0123456789';

interface Phase {
  events: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function drive<T>(items: readonly T[], send: (item: T) => Promise<number>): Promise<Phase> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        const t0 = performance.now();
        const status = await send(item);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    events: items.length,
    seconds: round(seconds),
    perSecond: Math.round(items.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    statuses,
  };
}

/** Sends `deliveries` from a child process (autocannon), so load and service do not share an event loop. */
async function load(dir: string, url: string, deliveries: LoadJob['deliveries']): Promise<Phase> {
  const jobFile = join(dir, `load-${newId()}.json`);
  const job: LoadJob = { url, connections: CONCURRENCY, deliveries };
  await writeFile(jobFile, JSON.stringify(job));
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['load', jobFile], { stdio: 'inherit' });
    child.once('message', (message) => resolve(message as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load process exited ${code}`))));
  });
  return {
    events: result.requests,
    seconds: result.seconds,
    perSecond: Math.round(result.requests / result.seconds),
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    statuses: result.statuses,
  };
}

async function main(): Promise<void> {
  const sandboxes = await startPaymentSandboxes();
  const db = await createThrowawayDatabase('payment-bench');
  const reportsDir = await mkdtemp(join(tmpdir(), 'payment-bench-'));
  const svc = await startService(paymentService, {
    env: {
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATION_URL: db.ownerUrl,
      INTERNAL_SIGNING_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      HTTP_PORT: '0',
      PAYMENT_PUBLIC_PATH_PREFIX: '/',
      REPORTS_DIR: reportsDir,
      ...sandboxes.env(),
    },
  });
  try {
    const tenantId = newId();
    const credentials = sandboxes.accountsFor('bench');
    await seedPaymentAccounts(svc.app, tenantId, credentials);
    const origin = new URL(svc.url).host;

    // The payments the events are about: created through the API (each starts a Stripe PaymentIntent).
    const indexes = Array.from({ length: EVENTS }, (_, i) => i);
    const intents: { pi: string; amount: number }[] = [];
    await drive(indexes, async (i) => {
      const body = JSON.stringify({
        orderId: newId(),
        method: 'stripe',
        amountMinor: String(1000 + i),
        currency: 'USD',
      });
      const path = '/v1/payments/intents';
      const headers = signInternalRequest({
        method: 'POST',
        path,
        body,
        secret: SECRET,
        context: {
          tenantId,
          userId: `bench-${i}`,
          roles: ['system'],
          permissions: ['*'],
          requestId: `bench-${i}`,
        },
      });
      const res = await fetch(svc.url + path, {
        method: 'POST',
        body,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'idempotency-key': newId(),
          'x-forwarded-host': origin,
          'x-forwarded-for': `10.0.${i >> 8}.${i & 255}`,
        },
      });
      const json = (await res.json()) as { providerReference: string; amountMinor: string };
      intents.push({ pi: json.providerReference, amount: Number(json.amountMinor) });
      return res.status;
    });

    const url = `${svc.url}/v1/payments/webhooks/stripe/${tenantId}`;
    const deliveries = intents.map(({ pi, amount }) => {
      const body = JSON.stringify({
        id: `evt_bench_${newId().replace(/-/g, '')}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: pi,
            object: 'payment_intent',
            status: 'succeeded',
            amount,
            amount_received: amount,
            currency: 'usd',
            latest_charge: `ch_${pi.slice(3)}`,
          },
        },
      });
      return {
        body,
        signature: stripeSignatureHeader(
          body,
          [credentials.stripe.webhookSecret],
          Math.floor(Date.now() / 1000),
        ),
      };
    });
    const fresh = await load(reportsDir, url, deliveries);
    const replayed = await load(reportsDir, url, deliveries);
    const forged = await load(
      reportsDir,
      url,
      deliveries.map((d) => ({ ...d, signature: d.signature.replace(/v1=[0-9a-f]{4}/, 'v1=0000') })),
    );
    console.log(
      JSON.stringify(
        {
          benchmark: 'payment-service webhooks (Stripe, verified + idempotent, PostgreSQL)',
          cores: availableParallelism(),
          cpu: cpus()[0]?.model,
          node: process.version,
          concurrency: CONCURRENCY,
          phases: { firstDelivery: fresh, replay: replayed, forgedSignature: forged },
        },
        null,
        2,
      ),
    );
  } finally {
    await svc.close();
    await sandboxes.close();
    await db.drop();
    await rm(reportsDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'load') {
  process.send?.(await runLoad(process.argv[3] as string));
} else {
  await main();
}
