import { newId } from '@haat/common';
import { AuthOtpRequestedV1, TenantCreatedV1 } from '@haat/contracts';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtpRequestedEvent } from '../src/modules/otp/otp-requested.event.js';
import { eventually, NotificationHarness, staff } from './support/notification-service.harness.js';

let h: NotificationHarness;
const tenant = newId();

type Page<T> = { items: T[]; nextCursor: string | null };
type Delivery = {
  id: string;
  status: string;
  channel: string;
  destination: string;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  redacted: boolean;
  sourceEventId: string | null;
};

const otp = (
  over: Partial<{ channel: 'sms' | 'email'; destination: string; code: string; locale: string }>,
) => ({
  challengeId: newId(),
  channel: over.channel ?? 'sms',
  destination: over.destination ?? '01712345678',
  code: over.code ?? '482913',
  purpose: 'sign-in' as const,
  expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  ...(over.locale ? { locale: over.locale } : {}),
});

async function deliveriesOf(eventId: string): Promise<Delivery[]> {
  const page = (await h.call('GET', '/v1/notifications/deliveries?limit=100', staff(tenant)))
    .json as Page<Delivery>;
  return page.items.filter((d) => d.sourceEventId === eventId);
}

/** Waits until the service has heard of the shop (its name shows in rendered templates). */
async function shopKnown(tenantId: string, name: string): Promise<void> {
  await eventually(async () => {
    const r = await h.call('POST', '/v1/notifications/templates/auth.otp/sms/en/preview', staff(tenantId), {
      data: { code: '1' },
    });
    return (r.json as { text?: string }).text?.includes(name) ? true : undefined;
  });
}

beforeAll(async () => {
  h = await NotificationHarness.start();
  await h.publish(TenantCreatedV1, tenant, {
    tenantId: tenant,
    slug: 'bazaar',
    name: 'Bazaar BD',
    status: 'active',
    planCode: 'starter',
    defaultCurrency: 'BDT',
    defaultLocale: 'en',
  });
  await shopKnown(tenant, 'Bazaar BD');
});
afterAll(async () => {
  await h?.close();
});

describe('one-time codes', () => {
  it('sends an SMS code through the SMS gateway to the number auth asked for', async () => {
    const event = await h.publish(
      AuthOtpRequestedV1,
      tenant,
      otp({ destination: '01712-345678', code: '482913' }),
    );
    const [sms] = await eventually(async () => {
      const m = h.sms.messages('8801712345678').filter((x) => x.text.includes('482913'));
      return m.length ? m : undefined;
    });
    expect(sms?.text).toBe('482913 is your Bazaar BD code. It expires in 5 minutes. Never share it.');
    expect(sms?.smsType).toBe('EN');

    const [delivery] = await eventually(async () => {
      const d = await deliveriesOf(event.id);
      return d[0]?.status === 'sent' ? d : undefined;
    });
    expect(delivery).toMatchObject({
      channel: 'sms',
      destination: '+8801712345678',
      attempts: 1,
      providerMessageId: sms?.referenceId,
      redacted: true,
    });
    const detail = (await h.call('GET', `/v1/notifications/deliveries/${delivery?.id}`, staff(tenant))).json;
    expect(detail).toMatchObject({
      body: null,
      log: [{ attempt: 1, provider: 'sslwireless', outcome: 'sent' }],
    });
  });

  it('sends an email code into the local mailbox, in Bangla for a Bangla speaker', async () => {
    await h.publish(
      OtpRequestedEvent,
      tenant,
      otp({ channel: 'email', destination: 'Rahima@Example.com', code: '771203', locale: 'bn-BD' }),
    );
    const listed = await eventually(async () => {
      const r = await h.call('GET', '/v1/mailbox/messages?to=rahima%40example.com', staff(tenant));
      const page = r.json as Page<{ id: string; subject: string; kind: string; tenantId: string }>;
      return page.items.length ? page.items : undefined;
    });
    expect(listed[0]).toMatchObject({
      kind: 'email',
      tenantId: tenant,
      subject: 'আপনার Bazaar BD কোড: 771203',
    });

    const raw = await h.call('GET', `/v1/mailbox/messages/${listed[0]?.id}/raw`, staff(tenant));
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^message\/rfc822/);
    const mail = await simpleParser(raw.body);
    expect(mail.subject).toBe('আপনার Bazaar BD কোড: 771203');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Bazaar BD', address: 'no-reply@haat.localhost' });
    expect(mail.text).toContain('আপনার এককালীন কোড 771203।');
    expect(mail.html).toContain('<b>771203</b>');
    expect(mail.html).toContain('lang="bn"');
  });

  it('falls back to the shop’s language when the event names none', async () => {
    const bnShop = newId();
    await h.publish(TenantCreatedV1, bnShop, {
      tenantId: bnShop,
      slug: 'dokan',
      name: 'দোকান',
      status: 'active',
      planCode: 'starter',
      defaultCurrency: 'BDT',
      defaultLocale: 'bn-BD',
    });
    await shopKnown(bnShop, 'দোকান');
    await h.publish(AuthOtpRequestedV1, bnShop, otp({ destination: '01812345678', code: '556677' }));
    const [sms] = await eventually(async () => {
      const m = h.sms.messages('8801812345678');
      return m.length ? m : undefined;
    });
    expect(sms?.text).toBe('দোকান-এ আপনার কোড 556677। কোডটি 5 মিনিটে মেয়াদোত্তীর্ণ হবে। কাউকে জানাবেন না।');
    expect(sms?.smsType).toBe('UNICODE');
  });

  it('sends a redelivered event once', async () => {
    const event = await h.publish(
      AuthOtpRequestedV1,
      tenant,
      otp({ destination: '01912345678', code: '101010' }),
    );
    await eventually(async () => ((await deliveriesOf(event.id))[0]?.status === 'sent' ? true : undefined));
    await h.redeliver(event);
    await h.redeliver(event);
    expect(h.sms.messages('8801912345678')).toHaveLength(1);
    expect(await deliveriesOf(event.id)).toHaveLength(1);
  });

  it('records a code for an impossible number as failed, without blocking or retrying', async () => {
    const event = await h.publish(AuthOtpRequestedV1, tenant, otp({ destination: '12345', code: '999999' }));
    const [failed] = await eventually(async () => {
      const d = await deliveriesOf(event.id);
      return d.length ? d : undefined;
    });
    expect(failed).toMatchObject({ status: 'failed', attempts: 0, destination: '12345' });
    expect(failed?.lastError).toMatch(/^NOTIFICATION_DESTINATION_INVALID/);
    expect(h.sms.messages().some((m) => m.text.includes('999999'))).toBe(false);
  });
});
