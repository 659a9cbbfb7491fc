import { newId } from '@haat/common';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMailbox } from '../src/infrastructure/mailbox/local-mailbox.js';
import {
  customer,
  eventually,
  NotificationHarness,
  operator,
  staff,
} from './support/notification-service.harness.js';

let h: NotificationHarness;
const shopA = newId();
const shopB = newId();

type Page = {
  items: { id: string; tenantId: string | null; to: string[]; subject: string | null; kind: string }[];
};

async function mail(tenant: string, email: string, orderNumber: string): Promise<void> {
  const r = await h.call('POST', '/v1/notifications', staff(tenant), {
    templateKey: 'order.shipped',
    email,
    data: { orderNumber },
  });
  expect(r.status, r.text).toBe(202);
}

beforeAll(async () => {
  h = await NotificationHarness.start({ SMS_PROVIDER: 'mailbox' });
  await mail(shopA, 'a@example.com', 'A-1');
  await mail(shopB, 'b@example.com', 'B-1');
  const r = await h.call('POST', '/v1/notifications', staff(shopA), {
    templateKey: 'order.shipped',
    phone: '01712345678',
    data: { orderNumber: 'A-2' },
  });
  expect(r.status, r.text).toBe(202);
  await eventually(async () => {
    const all = (await h.call('GET', '/v1/mailbox/messages', operator())).json as Page;
    return all.items.length === 3 ? true : undefined;
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the local mailbox', () => {
  it('shows a tenant’s staff their own messages only', async () => {
    const a = (await h.call('GET', '/v1/mailbox/messages', staff(shopA))).json as Page;
    expect(a.items.map((m) => [m.kind, m.to[0], m.subject])).toEqual([
      ['sms', '+8801712345678', null],
      ['email', 'a@example.com', 'Order A-1 is on its way'],
    ]);
    const sms = (await h.call('GET', '/v1/mailbox/messages?to=01712345678', staff(shopA))).json as Page;
    expect(sms.items.map((m) => m.kind)).toEqual(['sms']);
    const b = (await h.call('GET', '/v1/mailbox/messages', staff(shopB))).json as Page;
    expect(b.items.map((m) => m.to[0])).toEqual(['b@example.com']);

    const aEmail = a.items[1]?.id as string;
    const fromB = await h.call('GET', `/v1/mailbox/messages/${aEmail}`, staff(shopB));
    expect(fromB.status).toBe(404);
    expect(fromB.json).toMatchObject({ error: { code: 'NOTIFICATION_MAILBOX_MESSAGE_NOT_FOUND' } });
    const rawFromB = await h.call('GET', `/v1/mailbox/messages/${aEmail}/raw`, staff(shopB));
    expect(rawFromB.status).toBe(404);
    expect(rawFromB.json).toMatchObject({ error: { code: 'NOTIFICATION_MAILBOX_MESSAGE_NOT_FOUND' } });
    const own = await h.call('GET', `/v1/mailbox/messages/${aEmail}`, staff(shopA));
    expect(own.json).toMatchObject({
      text: 'Your order A-1 is on its way.',
      html: expect.stringContaining('A-1'),
    });
  });

  it('shows an operator every tenant’s messages', async () => {
    const all = (await h.call('GET', '/v1/mailbox/messages?limit=2', operator())).json as Page & {
      nextCursor: string;
    };
    expect(all.items).toHaveLength(2);
    const rest = (await h.call('GET', `/v1/mailbox/messages?cursor=${all.nextCursor}`, operator()))
      .json as Page;
    expect(new Set([...all.items, ...rest.items].map((m) => m.tenantId))).toEqual(new Set([shopA, shopB]));
  });

  it('refuses unsigned callers and people without the permission', async () => {
    expect((await h.call('GET', '/v1/mailbox/messages', null)).status).toBe(401);
    const shopper = await h.call('GET', '/v1/mailbox/messages', customer(shopA, 'u1'));
    expect(shopper.status).toBe(403);
    expect(shopper.json).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
  });

  it('serves an unsigned HTML page of every message in embedded mode, escaping what they say', async () => {
    const page = await h.call('GET', '/mailbox', null);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page.text).toContain('a@example.com');
    expect(page.text).toContain('b@example.com');
    expect(page.text).toContain('Haat: order A-2 shipped.');
  });

  it('accepts mail from any SMTP client, filing it without a tenant when it has no tenant header', async () => {
    const smtp = nodemailer.createTransport({
      url: h.service.app.get(LocalMailbox, { strict: false }).smtpUrl,
    });
    await smtp.sendMail({
      from: 'x@example.com',
      to: 'outsider@example.com',
      subject: '<b>hi</b>',
      text: 'plain',
    });
    smtp.close();
    const all = (await h.call('GET', '/v1/mailbox/messages?to=outsider%40example.com', operator()))
      .json as Page;
    expect(all.items).toMatchObject([{ tenantId: null, subject: '<b>hi</b>' }]);
    const a = (await h.call('GET', '/v1/mailbox/messages?to=outsider%40example.com', staff(shopA)))
      .json as Page;
    expect(a.items).toEqual([]);
    const page = await h.call('GET', '/mailbox', null);
    expect(page.text).toContain('&lt;b&gt;hi&lt;/b&gt;');
    const raw = await h.call('GET', `/v1/mailbox/messages/${all.items[0]?.id}/raw`, operator());
    expect((await simpleParser(raw.body)).text?.trim()).toBe('plain');
  });
});
