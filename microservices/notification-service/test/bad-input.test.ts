import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationHarness, staff } from './support/notification-service.harness.js';

let h: NotificationHarness;
let distributed: NotificationHarness;
const tenant = newId();

beforeAll(async () => {
  h = await NotificationHarness.start();
  distributed = await NotificationHarness.start({
    HAAT_MODE: 'distributed',
    MAILBOX_ENABLED: 'false',
    SMTP_URL: 'smtp://127.0.0.1:9',
  });
});
afterAll(async () => {
  await h?.close();
  await distributed?.close();
});

const send = (body: unknown) => h.call('POST', '/v1/notifications', staff(tenant), body);

function fieldOf(json: unknown): string | undefined {
  return (json as { error?: { details?: { fields?: { field: string }[] } } }).error?.details?.fields?.[0]
    ?.field;
}

describe('bad input', () => {
  it('names an invalid phone or email', async () => {
    const phone = await send({ templateKey: 'order.shipped', phone: '12345', data: { orderNumber: 'X' } });
    expect(phone.status).toBe(400);
    expect(fieldOf(phone.json)).toBe('phone');
    const email = await send({
      templateKey: 'order.shipped',
      email: 'not-an-email',
      data: { orderNumber: 'X' },
    });
    expect(email.status).toBe(400);
    expect(fieldOf(email.json)).toBe('email');
    const contact = await h.call('PUT', `/v1/notifications/recipients/vendor/${newId()}`, staff(tenant), {
      phone: '+88029876543',
    });
    expect(contact.status).toBe(400);
    expect(fieldOf(contact.json)).toBe('phone');
  });

  it('answers 404 for an unknown template and 422 for one the platform sends itself', async () => {
    const unknown = await send({ templateKey: 'order.teleported', email: 'a@example.com' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'NOTIFICATION_TEMPLATE_NOT_FOUND' } });
    const otp = await send({ templateKey: 'auth.otp', phone: '01712345678', data: { code: '1234' } });
    expect(otp.status).toBe(422);
    expect(otp.json).toMatchObject({ error: { code: 'NOTIFICATION_TEMPLATE_NOT_SENDABLE' } });
    const marketing = await send({ templateKey: 'marketing.announcement', email: 'a@example.com' });
    expect(marketing.status).toBe(422);
    expect(marketing.json).toMatchObject({ error: { code: 'NOTIFICATION_RECIPIENT_REQUIRED' } });
  });

  it('refuses a body with no addressee, unknown fields or a channel the template lacks', async () => {
    expect(fieldOf((await send({ templateKey: 'order.shipped' })).json)).toBe('recipient');
    const extra = await send({ templateKey: 'order.shipped', email: 'a@example.com', cc: 'b@example.com' });
    expect(extra.status).toBe(400);
    const channel = await send({
      templateKey: 'inventory.low-stock',
      recipient: { kind: 'vendor', ref: 'v1' },
      channels: ['email', 'fax'],
    });
    expect(channel.status).toBe(400);
    expect(fieldOf(channel.json)).toBe('channels.1');
  });

  it('answers malformed JSON, bad ids and bad cursors with 400, never 500', async () => {
    expect((await send('{"templateKey": ')).status).toBe(400);
    expect((await h.call('GET', '/v1/notifications/deliveries/not-a-uuid', staff(tenant))).status).toBe(400);
    expect((await h.call('GET', '/v1/notifications/deliveries?cursor=%%%', staff(tenant))).status).toBe(400);
    expect((await h.call('GET', '/v1/notifications/deliveries?status=lost', staff(tenant))).status).toBe(400);
    expect((await h.call('GET', '/v1/mailbox/messages/not-a-uuid', staff(tenant))).status).toBe(400);
    expect(
      (await h.call('POST', `/v1/notifications/deliveries/${newId()}/retry`, staff(tenant))).status,
    ).toBe(404);
  });

  it('refuses push endpoints that are not https', async () => {
    const point = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
    const r = await h.call(
      'POST',
      '/v1/notifications/push/subscriptions',
      { ...staff(tenant), permissions: ['notification-preference:update'] },
      {
        endpoint: 'http://push.example.com/x',
        keys: { p256dh: point, auth: Buffer.alloc(16).toString('base64url') },
      },
    );
    expect(r.status).toBe(400);
    expect(fieldOf(r.json)).toBe('endpoint');
  });

  it('hides the mailbox and refuses web push without keys outside embedded mode', async () => {
    const page = await distributed.call('GET', '/mailbox', null);
    expect(page.status).toBe(404);
    expect(page.json).toMatchObject({ error: { code: 'NOTIFICATION_MAILBOX_DISABLED' } });
    const api = await distributed.call('GET', '/v1/mailbox/messages', staff(tenant));
    expect(api.status).toBe(404);
    const key = await distributed.call('GET', '/v1/notifications/push/public-key', staff(tenant));
    expect(key.status).toBe(503);
    expect(key.json).toMatchObject({ error: { code: 'NOTIFICATION_PUSH_DISABLED' } });
  });

  it('sends once for a repeated Idempotency-Key and replays the first answer', async () => {
    const body = { templateKey: 'order.shipped', phone: '01812345678', data: { orderNumber: 'IDEM-1' } };
    const headers = { 'idempotency-key': `send-${newId()}` };
    const first = await h.call('POST', '/v1/notifications', staff(tenant), body, headers);
    const again = await h.call('POST', '/v1/notifications', staff(tenant), body, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const page = (await h.call('GET', '/v1/notifications/deliveries', staff(tenant))).json as {
      items: unknown[];
    };
    expect(page.items).toHaveLength(1);
  });
});
