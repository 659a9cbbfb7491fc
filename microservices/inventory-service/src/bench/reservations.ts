import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { newId } from '@haat/common';
import { createThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { ReservationsService } from '../modules/reservations/reservations.service.js';
import { StockService } from '../modules/stock/stock.service.js';
import { WarehousesService } from '../modules/warehouses/warehouses.service.js';
import { inventoryService } from '../service.js';

/*
 * Reservations per second on PostgreSQL, through the service's own ReservationsService (its
 * group commit, locks and outbox; no HTTP): one hot SKU under contention, then many SKUs.
 * Every run ends with an exact count: successes equal the units stocked, never more.
 * `npm run bench` after a build; HAAT_TEST_ADMIN_URL picks the server, HAAT_BENCH_ATTEMPTS the size,
 * HAAT_BENCH_CONCURRENCY the callers (contention), HAAT_BENCH_BATCH_SIZE the group-commit size
 * (1 = one transaction per reservation), HAAT_BENCH_BATCH_CONCURRENCY the reservation transactions.
 */

const ATTEMPTS = Number(process.env.HAAT_BENCH_ATTEMPTS ?? 10_000);
const CONCURRENCY = Number(process.env.HAAT_BENCH_CONCURRENCY ?? 512);
const BATCH_SIZE = process.env.HAAT_BENCH_BATCH_SIZE ?? '500';
const BATCH_CONCURRENCY = process.env.HAAT_BENCH_BATCH_CONCURRENCY ?? '4';
const SPREAD_SKUS = 200;

interface Outcome {
  name: string;
  attempts: number;
  stocked: number;
  succeeded: number;
  rejected: number;
  reservedAfter: number;
  seconds: number;
}

async function main(): Promise<void> {
  const db = await createThrowawayDatabase('inventory-bench');
  const reportsDir = await mkdtemp(join(tmpdir(), 'haat-inventory-bench-'));
  let svc: RunningService | undefined;
  try {
    svc = await startService(inventoryService, {
      env: {
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        INTERNAL_SIGNING_SECRET: 'inventory-bench-secret-0123456789',
        LOG_LEVEL: 'error',
        HTTP_PORT: '0',
        GRPC_PORT: '0',
        REPORTS_DIR: reportsDir,
        RESERVATION_BATCH_SIZE: BATCH_SIZE,
        RESERVATION_BATCH_CONCURRENCY: BATCH_CONCURRENCY,
      },
    });
    const results = [await hotSku(svc), await spreadSkus(svc)];
    const version = await svc.runtime.database.pool.query<{ server_version: string }>('show server_version');
    const grouping =
      BATCH_SIZE === '1'
        ? `no group commit (one transaction per reservation, ${BATCH_CONCURRENCY} at once)`
        : `group commit up to ${BATCH_SIZE} (one transaction per tenant, ${BATCH_CONCURRENCY} tenants at once)`;
    console.log(
      `inventory-service reservations — PostgreSQL ${version.rows[0]?.server_version}, ${cpus().length} CPUs ` +
        `(load average ${loadavg()[0]?.toFixed(1)}), ${grouping}, ${CONCURRENCY} concurrent callers`,
    );
    for (const r of results) {
      const exact = r.succeeded === Math.min(r.stocked, r.attempts) && r.reservedAfter === r.succeeded;
      console.log(
        `${r.name.padEnd(10)} ${Math.round(r.attempts / r.seconds)
          .toString()
          .padStart(6)} reservations/s ` +
          `(${Math.round(r.succeeded / r.seconds)} granted/s) — ${r.attempts} attempts on ${r.stocked} units: ` +
          `${r.succeeded} granted, ${r.rejected} refused, ${r.reservedAfter} reserved in the database ` +
          `${exact ? '(exact)' : '(MISMATCH)'}`,
      );
      if (!exact) process.exitCode = 1;
    }
  } finally {
    await svc?.close();
    await db.drop();
    await rm(reportsDir, { recursive: true, force: true });
  }
}

function contextOf(tenantId: string): TenantContext {
  return { tenantId, userId: null, roles: ['system'], permissions: ['*'], requestId: `bench-${newId()}` };
}

async function stock(
  svc: RunningService,
  tenantId: string,
  skus: string[],
  unitsEach: number,
  warehouses: number,
) {
  const ctx = contextOf(tenantId);
  const ids: string[] = [];
  for (let w = 0; w < warehouses; w++) {
    const wh = await svc.app.get(WarehousesService, { strict: false }).create(ctx, {
      code: `BENCH-${w}`,
      name: `Bench ${w}`,
      address: { line1: 'Road 1', city: 'Dhaka', country: 'BD' },
      location: { latitude: 23.8 + w / 10, longitude: 90.4 },
      active: true,
    });
    ids.push(wh.id);
  }
  const receipts = svc.app.get(StockService, { strict: false });
  for (let w = 0; w < warehouses; w++) {
    const share = Math.floor(unitsEach / warehouses) + (w < unitsEach % warehouses ? 1 : 0);
    for (let i = 0; i < skus.length; i += 500) {
      await receipts.receive(ctx, {
        warehouseId: ids[w] as string,
        lines: skus.slice(i, i + 500).map((sku) => ({ sku, quantity: share })),
      });
    }
  }
}

/** Runs `attempts` reservations of one unit with `CONCURRENCY` callers; `skuOf(i)` picks each SKU. */
async function run(
  svc: RunningService,
  tenantId: string,
  name: string,
  stocked: number,
  skuOf: (i: number) => string,
): Promise<Outcome> {
  const reservations = svc.app.get(ReservationsService, { strict: false });
  let next = 0;
  let succeeded = 0;
  let rejected = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ATTEMPTS) {
        const i = next++;
        try {
          await reservations.reserve(contextOf(tenantId), {
            orderId: newId(),
            lines: [{ sku: skuOf(i), quantity: 1 }],
            shipTo: { latitude: 23.81, longitude: 90.41 },
          });
          succeeded++;
        } catch (err) {
          if ((err as { code?: string }).code !== 'STOCK_INSUFFICIENT') throw err;
          rejected++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await svc.runtime.database.withTenant(tenantId, (tx) =>
    // Summed from the levels themselves, not from what the callers were told.
    tx.execute<{ reserved: number }>(
      sql`select coalesce(sum(reserved), 0)::int as reserved from stock_levels`,
    ),
  );
  return {
    name,
    attempts: ATTEMPTS,
    stocked,
    succeeded,
    rejected,
    reservedAfter: Number(rows[0]?.reserved ?? 0),
    seconds,
  };
}

async function hotSku(svc: RunningService): Promise<Outcome> {
  const tenantId = newId();
  const stocked = Math.floor(ATTEMPTS * 0.9);
  await stock(svc, tenantId, ['HOT-1'], stocked, 1);
  return run(svc, tenantId, 'hot SKU', stocked, () => 'HOT-1');
}

async function spreadSkus(svc: RunningService): Promise<Outcome> {
  const tenantId = newId();
  const skus = Array.from({ length: SPREAD_SKUS }, (_, i) => `SPREAD-${i}`);
  const perSku = Math.floor((ATTEMPTS * 0.9) / SPREAD_SKUS);
  await stock(svc, tenantId, skus, perSku, 4);
  // Every SKU is asked for the same number of times, in a shuffled order.
  const order = Array.from({ length: ATTEMPTS }, (_, i) => skus[i % SPREAD_SKUS] as string).sort(
    () => Math.random() - 0.5,
  );
  return run(svc, tenantId, 'spread', perSku * SPREAD_SKUS, (i) => order[i] as string);
}

await main();
