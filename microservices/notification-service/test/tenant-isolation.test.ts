import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, NotificationHarness, staff } from './support/notification-service.harness.js';

let h: NotificationHarness;
const shopA = newId();
const shopB = newId();
const vendor = newId();
let deliveryOfA: string;

beforeAll(async () => {
  h = await NotificationHarness.start();
  h.sms.failNext(3, 5000);
  const sent = await h.call('POST', '/v1/notifications', staff(shopA), {
    templateKey: 'order.shipped',
    phone: '01712345678',
    data: { orderNumber: 'A-1' },
  });
  deliveryOfA = (sent.json as { deliveries: { id: string }[] }).deliveries[0]?.id as string;
  await eventually(async () => {
    const d = await h.call('GET', `/v1/notifications/deliveries/${deliveryOfA}`, staff(shopA));
    return (d.json as { status: string }).status === 'dead' ? true : undefined;
  });
  await h.call('PUT', `/v1/notifications/recipients/vendor/${vendor}`, staff(shopA), {
    email: 'v@example.com',
  });
  await h.call('PUT', '/v1/notifications/rules/order.shipped.v1', staff(shopA), {
    templateKey: 'order.shipped',
    channels: ['sms'],
    enabled: true,
  });
});
afterAll(async () => {
  await h?.close();
});

describe('tenant isolation', () => {
  it('keeps one tenant’s delivery log from another', async () => {
    expect((await h.call('GET', `/v1/notifications/deliveries/${deliveryOfA}`, staff(shopB))).status).toBe(
      404,
    );
    const list = (await h.call('GET', '/v1/notifications/deliveries', staff(shopB))).json as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
    const retry = await h.call('POST', `/v1/notifications/deliveries/${deliveryOfA}/retry`, staff(shopB));
    expect(retry.status).toBe(404);
    const stillDead = await h.call('GET', `/v1/notifications/deliveries/${deliveryOfA}`, staff(shopA));
    expect(stillDead.json).toMatchObject({ status: 'dead' });
  });

  it('keeps one tenant’s recipients and rules from another', async () => {
    expect((await h.call('GET', `/v1/notifications/recipients/vendor/${vendor}`, staff(shopA))).status).toBe(
      200,
    );
    expect((await h.call('GET', `/v1/notifications/recipients/vendor/${vendor}`, staff(shopB))).status).toBe(
      404,
    );
    const rules = (await h.call('GET', '/v1/notifications/rules', staff(shopB))).json as {
      items: { eventType: string; source: string; channels: string[] }[];
    };
    expect(rules.items.find((r) => r.eventType === 'order.shipped.v1')).toMatchObject({
      source: 'default',
      channels: ['email', 'sms', 'push'],
    });
  });
});
