import { newId } from '@haat/common';
import { type EventPayload, OrderConfirmedV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { TestService } from '@haat/testing';

type OrderConfirmed = EventPayload<typeof OrderConfirmedV1>;
type SubOrderInput = {
  vendorId: string;
  lines: { sku: string; quantity: number; weightGrams: number }[];
  subtotalMinor: string;
  codAmountMinor: string;
};

/** An `order.confirmed.v1` payload for a Dhaka customer; override what a test cares about. */
export function confirmedOrder(
  tenantId: string,
  subOrders: SubOrderInput[],
  overrides: Partial<OrderConfirmed> = {},
): OrderConfirmed {
  const cod = subOrders.reduce((sum, s) => sum + BigInt(s.codAmountMinor), 0n);
  return {
    orderId: newId(),
    tenantId,
    orderNumber: `HT-${Math.floor(Math.random() * 1e6)}`,
    customer: { userId: 'u-1', name: 'Rahim Uddin', phone: '+8801712345678', email: 'rahim@example.com' },
    shippingAddress: {
      line1: 'House 12, Road 7',
      area: 'Dhanmondi',
      district: 'Dhaka',
      division: 'Dhaka',
      country: 'BD',
      coordinates: { latitude: 23.7465, longitude: 90.376 },
    },
    locale: 'bn',
    currency: 'BDT',
    paymentMethod: cod > 0n ? 'cod' : 'bkash',
    codAmountMinor: cod.toString(),
    subOrders: subOrders.map((s) => ({ subOrderId: newId(), ...s })),
    confirmedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Publishes the event on the service's transport, as order-service's outbox relay would. */
export async function publishOrderConfirmed(h: TestService, order: OrderConfirmed): Promise<void> {
  await h.service.runtime.transport.publish(
    envelope(
      OrderConfirmedV1,
      { tenantId: order.tenantId },
      { aggregateType: 'order', aggregateId: order.orderId, payload: order },
    ),
  );
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
