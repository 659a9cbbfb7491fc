import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalPushService } from './support/local-push.service.js';
import { signInternalRequest } from '@haat/tenant';
import {
  customer,
  eventually,
  NotificationHarness,
  SECRET,
  staff,
} from './support/notification-service.harness.js';
import { decryptPushMessage } from './support/push-message.decryptor.js';

let h: NotificationHarness;
let push: LocalPushService;
const tenant = newId();
const userId = newId();
const browser = createECDH('prime256v1');
browser.generateKeys();
const authSecret = randomBytes(16);

type Delivery = { id: string; status: string; lastError: string | null; providerMessageId: string | null };

beforeAll(async () => {
  push = await LocalPushService.start();
  // This machine trusts the local push service's certificate, as it trusts public ones.
  https.globalAgent.options.ca = [...rootCertificates, push.certificate];
  h = await NotificationHarness.start({ VAPID_SUBJECT: 'mailto:push@haat.test' });
});
afterAll(async () => {
  await h?.close();
  await push?.close();
});

async function subscribe(path: string): Promise<{ id: string }> {
  const r = await h.call('POST', '/v1/notifications/push/subscriptions', customer(tenant, userId), {
    endpoint: `${push.origin}${path}`,
    expirationTime: null,
    keys: { p256dh: browser.getPublicKey('base64url'), auth: authSecret.toString('base64url') },
    userAgent: 'Firefox/140',
  });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string };
}

async function notifyOrder(orderNumber: string): Promise<string[]> {
  const r = await h.call('POST', '/v1/notifications', staff(tenant), {
    templateKey: 'order.confirmed',
    recipient: { kind: 'user', ref: userId },
    channels: ['push'],
    data: { orderNumber, total: 125050, currency: 'BDT' },
  });
  expect(r.status, r.text).toBe(202);
  return (r.json as { deliveries: { id: string }[] }).deliveries.map((d) => d.id);
}

async function settled(id: string): Promise<Delivery> {
  return eventually(async () => {
    const d = (await h.call('GET', `/v1/notifications/deliveries/${id}`, staff(tenant))).json as Delivery;
    return d.status === 'pending' ? undefined : d;
  });
}

describe('web push', () => {
  it('delivers an encrypted message signed with VAPID to the browser’s push service', async () => {
    const key = (await h.call('GET', '/v1/notifications/push/public-key', customer(tenant, userId))).json as {
      publicKey: string;
    };
    expect(Buffer.from(key.publicKey, 'base64url')).toHaveLength(65);
    await subscribe('/push/browser-1');

    const [id] = await notifyOrder('HT-9');
    const delivery = await settled(id as string);
    expect(delivery.status).toBe('sent');
    const received = push.received.find((r) => r.path === '/push/browser-1');
    expect(received).toBeDefined();
    if (!received) return;
    expect(delivery.providerMessageId).toBe(`${push.origin}/message/1`);

    const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(received.headers.authorization));
    expect(match, String(received.headers.authorization)).not.toBeNull();
    const [, jwt = '', k = ''] = match ?? [];
    expect(k).toBe(key.publicKey);
    const [header = '', claims = '', signature = ''] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'ES256' });
    const payload = JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
      aud: string;
      sub: string;
      exp: number;
    };
    expect(payload).toMatchObject({ aud: push.origin, sub: 'mailto:push@haat.test' });
    expect(payload.exp * 1000).toBeGreaterThan(Date.now());
    const point = Buffer.from(k, 'base64url');
    const publicKey = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    const signed = verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(signed).toBe(true);

    expect(received.headers['content-encoding']).toBe('aes128gcm');
    expect(received.headers['content-type']).toBe('application/octet-stream');
    expect(Number(received.headers.ttl)).toBe(86_400);
    expect(received.body.toString('utf8')).not.toContain('HT-9');
    expect(JSON.parse(decryptPushMessage(received.body, browser, authSecret))).toEqual({
      title: 'Order HT-9 confirmed',
      body: 'Total ৳1,250.50',
      tag: 'order.confirmed',
      data: { deliveryId: id },
    });
  });

  it('forgets a subscription its push service says is gone', async () => {
    const gone = await subscribe('/gone/browser-2');
    const ids = await notifyOrder('HT-10');
    expect(ids).toHaveLength(2);
    const outcomes = await Promise.all(ids.map((id) => settled(id)));
    expect(outcomes.map((d) => d.status).sort()).toEqual(['failed', 'sent']);
    expect(outcomes.find((d) => d.status === 'failed')?.lastError).toMatch(/^PUSH_410/);
    const list = (await h.call('GET', '/v1/notifications/push/subscriptions', customer(tenant, userId)))
      .json as {
      items: { id: string }[];
    };
    expect(list.items.map((s) => s.id)).not.toContain(gone.id);
    expect(list.items).toHaveLength(1);
  });

  it('lets people remove only their own subscriptions', async () => {
    const [mine] = (
      (await h.call('GET', '/v1/notifications/push/subscriptions', customer(tenant, userId))).json as {
        items: { id: string }[];
      }
    ).items;
    const other = await h.call(
      'DELETE',
      `/v1/notifications/push/subscriptions/${mine?.id}`,
      customer(tenant, newId()),
    );
    expect(other.status).toBe(404);
    const own = await h.call(
      'DELETE',
      `/v1/notifications/push/subscriptions/${mine?.id}`,
      customer(tenant, userId),
    );
    expect(own.status).toBe(204);
  });

  it('keeps the generated VAPID key across instances and restarts', async () => {
    const first = await h.call('GET', '/v1/notifications/push/public-key', customer(tenant, userId));
    const other = await h.startAnother();
    const signed = await fetch(`${other.url}/v1/notifications/push/public-key`, {
      headers: signInternalRequest({
        method: 'GET',
        path: '/v1/notifications/push/public-key',
        secret: SECRET,
        context: { ...customer(tenant, userId), requestId: 'req-vapid' },
      }),
    });
    expect(await signed.json()).toEqual(first.json);
  });
});
