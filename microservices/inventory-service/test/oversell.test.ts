import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receive, skuOf, uniqueSku } from './support/inventory.fixtures.js';
import { embeddedPostgres, type Engine, machinePostgres } from './support/engines.js';
import {
  type ErrorJson,
  type Harness,
  platform,
  startHarness,
  vendorOwner,
} from './support/inventory.harness.js';

const ATTEMPTS = 500;
const UNITS = 50;

interface MovementJson {
  type: string;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  availableAfter: number;
}

describe.each([machinePostgres(), embeddedPostgres()])('no overselling on $name', (engine: Engine) => {
  let h: Harness;
  const tenant = newId();
  const vendor = newId();

  beforeAll(async () => {
    // Two instances on one database, one of them without group commit: the requests race as
    // separate transactions as well as inside batches.
    h = await startHarness({
      adminUrl: await engine.start(),
      instances: 2,
      instanceEnv: [{ RESERVATION_BATCH_SIZE: '1', RESERVATION_BATCH_CONCURRENCY: '8' }, {}],
    });
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await engine.stop();
  });

  it(`gives exactly ${UNITS} of ${ATTEMPTS} concurrent reservations the ${UNITS} units, never below zero`, async () => {
    const owner = vendorOwner(tenant, vendor);
    const sku = uniqueSku('HOT');
    const near = await createWarehouse(h, owner);
    const far = await createWarehouse(h, owner, { location: { latitude: 22.3569, longitude: 91.7832 } });
    await receive(h, owner, near.id, [{ sku, quantity: 30 }]);
    await receive(h, owner, far.id, [{ sku, quantity: 20 }]);

    let sampling = true;
    const samples: number[] = [];
    const sampler = (async () => {
      while (sampling) {
        samples.push((await skuOf(h, owner, sku)).available);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const replies = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        h.call<ErrorJson>('POST', '/v1/reservations', {
          as: platform(tenant),
          instance: i % 2,
          body: {
            orderId: newId(),
            lines: [{ sku, quantity: 1 }],
            shipTo: { latitude: 23.81, longitude: 90.41 },
          },
        }),
      ),
    );
    sampling = false;
    await sampler;

    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(UNITS);
    expect(statuses.filter((s) => s === 409)).toHaveLength(ATTEMPTS - UNITS);
    expect(
      replies.filter((r) => r.status === 409).every((r) => r.json.error.code === 'STOCK_INSUFFICIENT'),
    ).toBe(true);

    const after = await skuOf(h, owner, sku);
    expect(after).toMatchObject({ onHand: UNITS, reserved: UNITS, available: 0 });
    expect(after.warehouses.map((w) => w.available)).toEqual([0, 0]);
    expect(samples.length).toBeGreaterThan(0);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);

    // Every change is in the history, and no level was ever seen below zero available.
    const movements: MovementJson[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: MovementJson[]; nextCursor: string | null } } = await h.call(
        'GET',
        `/v1/skus/${sku}/movements?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { as: owner },
      );
      movements.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    const reservations = movements.filter((m) => m.type === 'reservation');
    expect(reservations).toHaveLength(UNITS);
    expect(reservations.reduce((n, m) => n + m.reservedDelta, 0)).toBe(UNITS);
    expect(movements.every((m) => m.availableAfter >= 0 && m.reservedAfter <= m.onHandAfter)).toBe(true);

    expect(await h.outbox('inventory.stock-reserved.v1')).toHaveLength(UNITS);
    expect(await h.outbox('inventory.stock-rejected.v1')).toHaveLength(ATTEMPTS - UNITS);
  }, 120_000);
});
