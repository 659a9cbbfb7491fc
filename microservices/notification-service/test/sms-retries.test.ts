import { newId } from '@haat/common';
import { AuthOtpRequestedV1 } from '@haat/contracts';
import { outboxEvents } from '@haat/messaging';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, NotificationHarness, staff } from './support/notification-service.harness.js';

let h: NotificationHarness;
const tenant = newId();

type Delivery = {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sourceEventId: string | null;
  log: { attempt: number; outcome: string; errorCode: string | null }[];
};

beforeAll(async () => {
  h = await NotificationHarness.start({}, { blockedNumbers: ['8801555555555'] });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.sms.reset());

/** Sends the order-confirmed SMS to a bare phone number through the send API; its delivery id. */
async function sendOrderSms(phone: string, orderNumber: string): Promise<string> {
  const r = await h.call('POST', '/v1/notifications', staff(tenant), {
    templateKey: 'order.confirmed',
    phone,
    data: { orderNumber, total: 125050, currency: 'BDT' },
  });
  expect(r.status, r.text).toBe(202);
  return (r.json as { deliveries: { id: string }[] }).deliveries[0]?.id as string;
}

async function delivery(id: string): Promise<Delivery> {
  return (await h.call('GET', `/v1/notifications/deliveries/${id}`, staff(tenant))).json as Delivery;
}

async function settled(id: string): Promise<Delivery> {
  return eventually(async () => {
    const d = await delivery(id);
    return d.status === 'pending' ? undefined : d;
  });
}

describe('SMS retries and dead letters', () => {
  it('retries a gateway error with backoff, then dead-letters the delivery and announces it', async () => {
    h.sms.failNext(3, 5000);
    const id = await sendOrderSms('01712345678', 'HT-1');
    const dead = await settled(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(dead.lastError).toMatch(/gave up after 3 attempts: SSL_5000/);
    expect(dead.log.map((a) => [a.attempt, a.outcome, a.errorCode])).toEqual([
      [1, 'retryable_error', 'SSL_5000'],
      [2, 'retryable_error', 'SSL_5000'],
      [3, 'retryable_error', 'SSL_5000'],
    ]);
    expect(h.sms.messages()).toHaveLength(0);
    const events = await h.service.runtime.database.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.aggregateId, id));
    expect(events.map((e) => [e.eventType, (e.payload.payload as { status: string }).status])).toEqual([
      ['notification.delivery-failed.v1', 'dead'],
    ]);

    const retried = await h.call('POST', `/v1/notifications/deliveries/${id}/retry`, staff(tenant));
    expect(retried.status).toBe(202);
    expect(await settled(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(h.sms.messages('01712345678')).toMatchObject([
      { text: 'Haat: order HT-1 (৳1,250.50) is confirmed.' },
    ]);
  });

  it('dead-letters a one-time code too, erases it, and refuses to replay it', async () => {
    h.sms.failNext(3, 4029);
    const event = await h.publish(AuthOtpRequestedV1, tenant, {
      challengeId: newId(),
      channel: 'sms',
      destination: '01812345678',
      code: '123456',
      purpose: 'sign-in',
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
    });
    const id = await eventually(async () => {
      const page = (await h.call('GET', '/v1/notifications/deliveries?status=dead', staff(tenant))).json as {
        items: Delivery[];
      };
      return page.items.find((d) => d.sourceEventId === event.id)?.id;
    });
    expect(await delivery(id)).toMatchObject({ status: 'dead', body: null, redacted: true });
    const retried = await h.call('POST', `/v1/notifications/deliveries/${id}/retry`, staff(tenant));
    expect(retried.status).toBe(409);
    expect(retried.json).toMatchObject({ error: { code: 'NOTIFICATION_DELIVERY_NOT_RETRYABLE' } });
  });

  it('sends after a passing rate limit, keeping every attempt in the log', async () => {
    h.sms.failNext(1, 4029);
    const id = await sendOrderSms('01712345678', 'HT-2');
    const sent = await settled(id);
    expect(sent.status).toBe('sent');
    expect(sent.log.map((a) => [a.outcome, a.errorCode])).toEqual([
      ['retryable_error', 'SSL_4029'],
      ['sent', null],
    ]);
  });

  it('fails a refused number at once, without retrying', async () => {
    const id = await sendOrderSms('01555555555', 'HT-3');
    const failed = await settled(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/^SSL_4026/);
    expect(h.sms.requests).toBe(1);
  });

  it('counts a timed-out send the gateway had accepted as sent, without sending it twice', async () => {
    h.sms.delayNextAcceptance(3_000);
    const id = await sendOrderSms('01912345678', 'HT-4');
    const sent = await eventually(async () => {
      const d = await delivery(id);
      return d.status === 'sent' ? d : undefined;
    }, 15_000);
    expect(sent.log.map((a) => [a.outcome, a.errorCode])).toEqual([
      ['retryable_error', 'SMS_TIMEOUT'],
      ['sent', null],
    ]);
    expect(h.sms.messages('01912345678')).toHaveLength(1);
  });

  it('shares the queue between two instances without sending anything twice', async () => {
    await h.startAnother();
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sendOrderSms(`0171${String(1_000_000 + i).slice(1)}0`, `HT-P${i}`),
      ),
    );
    await eventually(async () => (h.sms.messages().length >= 30 ? true : undefined), 15_000);
    const messages = h.sms.messages();
    expect(messages).toHaveLength(30);
    expect(new Set(messages.map((m) => m.csmsId)).size).toBe(30);
    const done = await Promise.all(ids.map((id) => settled(id)));
    expect(done.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
  });
});
