import { newId } from '@haat/common';
import { AuthOtpRequestedV1, LowStockV1 } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, NotificationHarness, staff } from './support/notification-service.harness.js';

let h: NotificationHarness;
const shopA = newId();
const shopB = newId();
const vendor = newId();

type Page<T> = { items: T[]; nextCursor: string | null };
type Delivery = {
  status: string;
  lastError: string | null;
  sourceEventId: string | null;
  channel: string;
  destination: string;
};

const otp = (destination: string, code: string) => ({
  challengeId: newId(),
  channel: 'sms' as const,
  destination,
  code,
  purpose: 'sign-in' as const,
  expiresAt: new Date(Date.now() + 300_000).toISOString(),
});

async function deliveriesOf(tenant: string, eventId: string): Promise<Delivery[]> {
  const page = (await h.call('GET', '/v1/notifications/deliveries?limit=100', staff(tenant)))
    .json as Page<Delivery>;
  return page.items.filter((d) => d.sourceEventId === eventId);
}

beforeAll(async () => {
  h = await NotificationHarness.start();
});
afterAll(async () => {
  await h?.close();
});

describe('templates per tenant', () => {
  it('lists the shipped templates with their variables', async () => {
    const r = await h.call('GET', '/v1/notifications/templates?limit=2', staff(shopA));
    expect(r.status).toBe(200);
    const page = r.json as Page<{ key: string; channels: string[]; locales: string[] }>;
    expect(page.items.map((t) => t.key)).toEqual(['auth.otp', 'inventory.low-stock']);
    expect(page.items[0]).toMatchObject({ channels: ['email', 'sms'], locales: ['en', 'bn'] });
    const next = await h.call('GET', `/v1/notifications/templates?cursor=${page.nextCursor}`, staff(shopA));
    expect((next.json as Page<{ key: string }>).items.map((t) => t.key)).toContain('order.confirmed');
  });

  it('uses a tenant’s own wording for that tenant only, and goes back to the default', async () => {
    const put = await h.call('PUT', '/v1/notifications/templates/auth.otp/sms/en', staff(shopA), {
      text: 'Shop A code: {{ code }}',
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ source: 'tenant', text: 'Shop A code: {{ code }}', category: 'otp' });

    await h.publish(AuthOtpRequestedV1, shopA, otp('01712345678', '111111'));
    await h.publish(AuthOtpRequestedV1, shopB, otp('01812345678', '222222'));
    const a = await eventually(async () => h.sms.messages('01712345678')[0]);
    const b = await eventually(async () => h.sms.messages('01812345678')[0]);
    expect(a.text).toBe('Shop A code: 111111');
    expect(b.text).toBe('222222 is your Haat code. It expires in 5 minutes. Never share it.');

    expect((await h.call('DELETE', '/v1/notifications/templates/auth.otp/sms/en', staff(shopA))).status).toBe(
      204,
    );
    const reset = await h.call('GET', '/v1/notifications/templates/auth.otp/sms/en', staff(shopA));
    expect(reset.json).toMatchObject({ source: 'default' });
  });

  it('refuses a template that does not parse, naming the part', async () => {
    const r = await h.call('PUT', '/v1/notifications/templates/order.confirmed/email/bn', staff(shopA), {
      subject: 'Order {{ orderNumber }}',
      text: 'Total {% if %}',
    });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      error: { code: 'NOTIFICATION_TEMPLATE_INVALID', details: { fields: [{ field: 'text' }] } },
    });
    const noSubject = await h.call(
      'PUT',
      '/v1/notifications/templates/order.confirmed/email/bn',
      staff(shopA),
      {
        text: 'ok',
      },
    );
    expect(noSubject.json).toMatchObject({ error: { details: { fields: [{ field: 'subject' }] } } });
  });

  it('answers 404 for an unknown template or a channel it has no wording for', async () => {
    const unknown = await h.call(
      'GET',
      '/v1/notifications/templates/order.teleported/email/en',
      staff(shopA),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'NOTIFICATION_TEMPLATE_NOT_FOUND' } });
    expect((await h.call('GET', '/v1/notifications/templates/auth.otp/push/en', staff(shopA))).status).toBe(
      404,
    );
    expect((await h.call('GET', '/v1/notifications/templates/auth.otp/sms/fr', staff(shopA))).status).toBe(
      400,
    );
  });

  it('records a message whose template breaks at render time as failed, and goes on', async () => {
    const put = await h.call('PUT', '/v1/notifications/templates/auth.otp/sms/en', staff(shopB), {
      text: "{% include 'secrets.txt' %} {{ code }}",
    });
    expect(put.status, put.text).toBe(200);
    const broken = await h.publish(AuthOtpRequestedV1, shopB, otp('01912345678', '333333'));
    const [failed] = await eventually(async () => {
      const d = await deliveriesOf(shopB, broken.id);
      return d.length ? d : undefined;
    });
    expect(failed?.status).toBe('failed');
    expect(failed?.lastError).toMatch(/^NOTIFICATION_TEMPLATE_ERROR: text: /);

    const preview = await h.call(
      'POST',
      '/v1/notifications/templates/auth.otp/sms/en/preview',
      staff(shopB),
      {
        data: { code: '1' },
      },
    );
    expect(preview.status).toBe(422);
    expect(preview.json).toMatchObject({ error: { code: 'NOTIFICATION_TEMPLATE_RENDER_FAILED' } });

    await h.call('DELETE', '/v1/notifications/templates/auth.otp/sms/en', staff(shopB));
    await h.publish(AuthOtpRequestedV1, shopB, otp('01912345678', '444444'));
    const next = await eventually(async () =>
      h.sms.messages('01912345678').find((m) => m.text.includes('444444')),
    );
    expect(next.text).toContain('444444');
  });
});

describe('event rules and alerts', () => {
  const lowStock = (vendorId: string | null) => ({
    sku: 'TEA-500G',
    vendorId,
    threshold: 5,
    available: 3,
    onHand: 4,
  });

  it('lists every event rule with its defaults', async () => {
    const r = await h.call('GET', '/v1/notifications/rules', staff(shopA));
    expect((r.json as { items: unknown[] }).items).toContainEqual({
      eventType: 'inventory.low-stock.v1',
      description: expect.any(String),
      templateKey: 'inventory.low-stock',
      category: 'alert',
      channels: ['email'],
      enabled: true,
      source: 'default',
    });
  });

  it('alerts the vendor of a low-stock SKU in their language, over the channels the tenant chose', async () => {
    const contact = await h.call('PUT', `/v1/notifications/recipients/vendor/${vendor}`, staff(shopA), {
      email: 'vendor@example.com',
      phone: '01612345678',
      locale: 'bn',
    });
    expect(contact.status, contact.text).toBe(200);
    const rule = await h.call('PUT', '/v1/notifications/rules/inventory.low-stock.v1', staff(shopA), {
      templateKey: 'inventory.low-stock',
      channels: ['email', 'sms'],
      enabled: true,
    });
    expect(rule.json).toMatchObject({ channels: ['email', 'sms'], source: 'tenant' });

    await h.publish(LowStockV1, shopA, lowStock(vendor));
    const sms = await eventually(async () => h.sms.messages('01612345678')[0]);
    expect(sms.text).toBe('Haat: স্টক কম, TEA-500G-এর 3টি বাকি।');
    const mail = await eventually(async () => {
      const page = (await h.call('GET', '/v1/mailbox/messages?to=vendor%40example.com', staff(shopA)))
        .json as Page<{
        subject: string;
      }>;
      return page.items[0];
    });
    expect(mail.subject).toBe('স্টক কম: TEA-500G (3টি বাকি)');
  });

  it('alerts the shop’s alert desk for its own stock, and nobody once the rule is off', async () => {
    await h.call('PUT', '/v1/notifications/recipients/tenant/alerts', staff(shopA), {
      email: 'desk@example.com',
    });
    await h.publish(LowStockV1, shopA, lowStock(null));
    await eventually(async () => {
      const page = (await h.call('GET', '/v1/mailbox/messages?to=desk%40example.com', staff(shopA)))
        .json as Page<unknown>;
      return page.items.length === 1 ? true : undefined;
    });

    await h.call('PUT', '/v1/notifications/rules/inventory.low-stock.v1', staff(shopA), {
      templateKey: 'inventory.low-stock',
      channels: ['email'],
      enabled: false,
    });
    const quiet = await h.publish(LowStockV1, shopA, lowStock(null));
    await eventually(async () => {
      const handled = await h.service.runtime.database.pool.query(
        'select 1 from inbox_events where event_id = $1',
        [quiet.id],
      );
      return handled.rowCount ? true : undefined;
    });
    expect(await deliveriesOf(shopA, quiet.id)).toEqual([]);
  });

  it('answers 404 for an event that notifies nobody and 400 for a channel the template lacks', async () => {
    const unknown = await h.call('PUT', '/v1/notifications/rules/order.teleported.v1', staff(shopA), {
      templateKey: 'order.confirmed',
      channels: ['email'],
      enabled: true,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'NOTIFICATION_EVENT_UNKNOWN' } });
    const badChannel = await h.call('PUT', '/v1/notifications/rules/order.confirmed.v1', staff(shopA), {
      templateKey: 'auth.otp',
      channels: ['email', 'push'],
      enabled: true,
    });
    expect(badChannel.status).toBe(400);
    expect(badChannel.json).toMatchObject({ error: { details: { fields: [{ field: 'channels.1' }] } } });
  });
});
