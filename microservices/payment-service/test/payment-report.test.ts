import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInternalRequest } from '@haat/tenant';
import { PaymentHarness, randomPhone, SECRET, type Shop } from './support/payment.harness.js';

const run = promisify(execFile);
let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('rep');
});
afterAll(async () => {
  await h?.close();
});

describe('PDF payment report', () => {
  it('renders the period’s payments by method and status, with refunds, in the background', async () => {
    const card = await h.createIntent(shop, {
      method: 'stripe',
      amountMinor: '12345',
      currency: 'USD',
      paymentToken: 'pm_card_visa',
    });
    await h.call('POST', `/v1/payments/intents/${card.json.id}/refunds`, shop.staff, {
      body: { amountMinor: '2345', reason: 'Late delivery' },
      idempotencyKey: newId(),
    });
    await h.createIntent(shop, {
      method: 'bkash',
      amountMinor: '50000',
      currency: 'BDT',
      customer: { phone: randomPhone() },
    });
    const today = new Date().toISOString().slice(0, 10);

    const bad = await h.call('POST', '/v1/payments/reports', shop.staff, {
      body: { kind: 'payments.summary', params: { from: today, to: '2020-01-01' } },
    });
    expect(bad.status).toBe(400);
    const accepted = await h.call<{ id: string; location: string }>(
      'POST',
      '/v1/payments/reports',
      shop.staff,
      {
        body: { kind: 'payments.summary', params: { from: today, to: today } },
      },
    );
    expect(accepted.status, accepted.text).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/v1/payments/reports/${accepted.json.id}`);

    let status = '';
    for (let i = 0; i < 200 && status !== 'ready' && status !== 'failed'; i++) {
      status = (
        await h.call<{ status: string }>('GET', `/v1/payments/reports/${accepted.json.id}`, shop.staff)
      ).json.status;
      if (status !== 'ready') await sleep(100);
    }
    expect(status).toBe('ready');
    const file = await fetch(`${h.svc.url}/v1/payments/reports/${accepted.json.id}/file`, {
      headers: signInternalRequest({
        method: 'GET',
        path: `/v1/payments/reports/${accepted.json.id}/file`,
        secret: SECRET,
        context: { tenantId: shop.tenantId, userId: 'u', roles: [], permissions: ['*'], requestId: 'r' },
      }),
    });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await file.arrayBuffer());
    const path = join(tmpdir(), `payments-${accepted.json.id}.pdf`);
    await writeFile(path, pdf);
    const { stdout: text } = await run('pdftotext', ['-layout', path, '-']);
    expect(text).toContain(`Payments ${today} to ${today}`);
    expect(text).toMatch(/stripe\s+1\s+1\s+123\.45 USD\s+23\.45 USD/);
    expect(text).toMatch(/bkash\s+1\s+0\s+0\.00 BDT/);
    expect(text).toMatch(/partially_refunded\s+1\s+123\.45 USD/);
    expect(text).toContain('Late delivery');
    expect(
      (await h.call('GET', `/v1/payments/reports/${accepted.json.id}`, (await h.shop('rep-other')).staff))
        .status,
    ).toBe(404);
  });
});
