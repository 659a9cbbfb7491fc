import { newId } from '@haat/common';
import {
  CommitReservationRequestedV1,
  type EventEnvelope,
  ReleaseReservationRequestedV1,
  ReserveStockRequestedV1,
} from '@haat/contracts';
import { envelope } from '@haat/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWarehouse,
  receive,
  type ReservationJson,
  skuOf,
  uniqueSku,
} from './support/inventory.fixtures.js';
import { type Harness, platform, startHarness, vendorOwner } from './support/inventory.harness.js';

let h: Harness;
const tenant = newId();
const vendor = newId();
const owner = vendorOwner(tenant, vendor);
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
let sku: string;

beforeAll(async () => {
  h = await startHarness();
  sku = uniqueSku();
  await receive(h, owner, (await createWarehouse(h, owner)).id, [{ sku, quantity: 5 }]);
});
afterAll(async () => {
  await h?.close();
});

/** Publishes on the service's own transport, as the relay of order-service's outbox would. */
async function deliver(event: EventEnvelope) {
  await h.services[0]?.runtime.transport.publish(event);
}

const ctx = { tenantId: tenant, traceparent };
const reserveCommand = (orderId: string, quantity: number) =>
  envelope(ReserveStockRequestedV1, ctx, {
    aggregateType: 'order',
    aggregateId: orderId,
    payload: { orderId, lines: [{ sku, quantity }] },
  });

async function reservationOf(orderId: string) {
  return (await h.call<ReservationJson>('GET', `/v1/reservations/${orderId}`, { as: platform(tenant) })).json;
}

describe('checkout saga commands', () => {
  it('reserves on inventory.reserve-stock-requested.v1 and answers with inventory.stock-reserved.v1, once', async () => {
    const orderId = newId();
    const command = reserveCommand(orderId, 2);
    await deliver(command);
    await deliver(command); // redelivered by the bus: the inbox drops it
    await deliver(reserveCommand(orderId, 2)); // sent again by a retrying saga: idempotent by order id

    const reservation = await reservationOf(orderId);
    expect(reservation.status).toBe('active');
    expect(await skuOf(h, owner, sku)).toMatchObject({ reserved: 2 });
    const replies = await h.outbox('inventory.stock-reserved.v1', reservation.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ tenantId: tenant, payload: { orderId } });
    expect((replies[0] as unknown as { traceparent: string }).traceparent).toBe(traceparent);

    await deliver(
      envelope(CommitReservationRequestedV1, ctx, {
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId },
      }),
    );
    expect((await reservationOf(orderId)).status).toBe('committed');
    expect(await h.outbox('inventory.reservation-committed.v1', reservation.id)).toHaveLength(1);
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it('answers an order it cannot fill with inventory.stock-rejected.v1', async () => {
    const orderId = newId();
    await deliver(reserveCommand(orderId, 50));
    const reservation = await reservationOf(orderId);
    expect(reservation.status).toBe('rejected');
    const replies = await h.outbox('inventory.stock-rejected.v1', reservation.id);
    expect(replies.map((e) => e.payload)).toEqual([
      {
        orderId,
        reservationId: reservation.id,
        reason: 'insufficient-stock',
        shortages: [{ sku, requested: 50, available: 3 }],
      },
    ]);
  });

  it('compensates on inventory.release-reservation-requested.v1, even before the reserve arrived', async () => {
    const orderId = newId();
    await deliver(
      envelope(ReleaseReservationRequestedV1, ctx, {
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId, reason: 'payment failed' },
      }),
    );
    await deliver(reserveCommand(orderId, 1));
    const reservation = await reservationOf(orderId);
    expect(reservation).toMatchObject({ status: 'released', lines: [] });
    expect(await h.outbox('inventory.reservation-released.v1', reservation.id)).toHaveLength(1);
    expect(await h.outbox('inventory.stock-reserved.v1', reservation.id)).toHaveLength(0);
    expect(await skuOf(h, owner, sku)).toMatchObject({ reserved: 0 });
  });

  it('acknowledges a commit the reservation can no longer honour without retrying it', async () => {
    const orderId = newId();
    await deliver(
      envelope(ReleaseReservationRequestedV1, ctx, {
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId },
      }),
    );
    await deliver(
      envelope(CommitReservationRequestedV1, ctx, {
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId },
      }),
    );
    expect((await reservationOf(orderId)).status).toBe('released');
    const dead = await h.query<{ n: number }>(
      "select count(*)::int as n from dead_letters where consumer like 'inventory-service.%'",
    );
    expect(dead[0]?.n).toBe(0);
  });
});
