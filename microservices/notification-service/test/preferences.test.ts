import { newId } from '@haat/common';
import { AuthAccountRegisteredV1, AuthOtpRequestedV1 } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, eventually, NotificationHarness, staff } from './support/notification-service.harness.js';

let h: NotificationHarness;
const tenant = newId();
const accountId = newId();
const me = () => customer(tenant, accountId);

type Sent = { deliveries: { channel: string; status: string; reason: string | null; destination: string }[] };

beforeAll(async () => {
  h = await NotificationHarness.start();
  await h.publish(AuthAccountRegisteredV1, tenant, {
    accountId,
    email: 'Karim@Example.com',
    phone: '01712345678',
    displayName: 'Karim',
    roles: ['customer'],
    method: 'password',
  });
  await eventually(async () => {
    const r = await h.call('GET', '/v1/notifications/preferences', me());
    return (r.json as { email: string | null }).email ? true : undefined;
  });
});
afterAll(async () => {
  await h?.close();
});

function announce(): Promise<{ status: number; json: unknown }> {
  return h.call('POST', '/v1/notifications', staff(tenant), {
    templateKey: 'marketing.announcement',
    recipient: { kind: 'user', ref: accountId },
    channels: ['email', 'sms'],
    data: { title: 'Eid sale', message: '20% off everything' },
  });
}

describe('preferences and opt-out', () => {
  it('knows the person’s addresses from their account and lists what they can turn off', async () => {
    const r = await h.call('GET', '/v1/notifications/preferences', me());
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      email: 'karim@example.com',
      phone: '+8801712345678',
      optOuts: [],
      categories: expect.arrayContaining([
        { category: 'otp', mandatory: true },
        { category: 'marketing', mandatory: false },
      ]),
    });
  });

  it('refuses to turn off one-time codes, naming the field', async () => {
    const r = await h.call('PUT', '/v1/notifications/preferences', me(), {
      optOuts: [
        { channel: 'sms', category: 'marketing' },
        { channel: 'sms', category: 'otp' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      error: {
        code: 'NOTIFICATION_CATEGORY_MANDATORY',
        details: { fields: [{ field: 'optOuts.1.category' }] },
      },
    });
  });

  it('sends marketing until the person opts out, then records it as suppressed', async () => {
    const before = await announce();
    expect(before.status).toBe(202);
    expect((before.json as Sent).deliveries.map((d) => [d.channel, d.status])).toEqual([
      ['email', 'pending'],
      ['sms', 'pending'],
    ]);
    await eventually(async () => (h.sms.messages('01712345678').length === 1 ? true : undefined));

    const put = await h.call('PUT', '/v1/notifications/preferences', me(), {
      locale: 'bn',
      optOuts: [
        { channel: 'sms', category: 'marketing' },
        { channel: 'email', category: 'marketing' },
      ],
    });
    expect(put.status, put.text).toBe(200);
    const after = await announce();
    expect((after.json as Sent).deliveries).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'suppressed',
        reason: expect.stringMatching(/OPTED_OUT/),
      }),
      expect.objectContaining({ channel: 'sms', status: 'suppressed' }),
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.sms.messages('01712345678')).toHaveLength(1);
    const mailbox = await h.call('GET', '/v1/mailbox/messages?to=karim%40example.com', staff(tenant));
    expect((mailbox.json as { items: unknown[] }).items).toHaveLength(1);
  });

  it('still sends a one-time code to someone who opted out of everything optional', async () => {
    await h.publish(AuthOtpRequestedV1, tenant, {
      challengeId: newId(),
      channel: 'sms',
      destination: '+8801712345678',
      code: '246810',
      purpose: 'sign-in',
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
    });
    const sms = await eventually(async () =>
      h.sms.messages('01712345678').find((m) => m.text.includes('246810')),
    );
    expect(sms.text).toContain('246810');
  });

  it('sends order updates in the language the person chose', async () => {
    const r = await h.call('POST', '/v1/notifications', staff(tenant), {
      templateKey: 'order.delivered',
      recipient: { kind: 'user', ref: accountId },
      channels: ['email'],
      data: { orderNumber: 'HT-77' },
    });
    expect((r.json as Sent).deliveries).toMatchObject([{ channel: 'email', status: 'pending' }]);
    const subject = await eventually(async () => {
      const page = (await h.call('GET', '/v1/mailbox/messages?to=karim%40example.com', staff(tenant)))
        .json as {
        items: { subject: string }[];
      };
      return page.items.find((m) => m.subject.includes('HT-77'))?.subject;
    });
    expect(subject).toBe('অর্ডার HT-77 পৌঁছে গেছে');
  });

  it('lets only the person manage their own preferences', async () => {
    expect((await h.call('GET', '/v1/notifications/preferences', { ...me(), userId: null })).status).toBe(
      401,
    );
    // Vendor staff manage their own preferences too; a user holding no role that grants it does not.
    expect(
      (await h.call('GET', '/v1/notifications/preferences', { ...me(), roles: ['vendor_staff'] })).status,
    ).toBe(200);
    expect(
      (await h.call('GET', '/v1/notifications/preferences', { ...me(), roles: [], permissions: [] })).status,
    ).toBe(403);
  });
});
