import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { COURIER_SANDBOX_CREDENTIALS, startCourierSandboxes } from './courier-sandboxes.js';
import { PATHAO_INTEGRATION_SECRET } from './pathao/fake-pathao.state.js';

/** A webhook listener recording bodies; answers like a Pathao-ready endpoint unless told not to. */
async function listener(
  pathaoReady = true,
): Promise<{ url: string; bodies: Record<string, unknown>[]; server: Server }> {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(raw) as Record<string, unknown>);
      res.writeHead(
        pathaoReady ? 202 : 200,
        pathaoReady ? { 'x-pathao-merchant-webhook-integration-secret': PATHAO_INTEGRATION_SECRET } : {},
      );
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, server };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function token(url: string): Promise<string> {
  const p = COURIER_SANDBOX_CREDENTIALS.pathao;
  const res = await fetch(`${url}/aladdin/api/v1/issue-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: p.clientId,
      client_secret: p.clientSecret,
      grant_type: 'password',
      username: p.username,
      password: p.password,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('courier sandboxes', () => {
  it('refuse a Pathao webhook URL that does not answer the integration probe properly', async () => {
    const sandboxes = await startCourierSandboxes({ advanceEveryMs: 10_000 });
    const bad = await listener(false);
    closers.push(
      () => sandboxes.close(),
      async () => void bad.server.close(),
    );
    expect(
      await sandboxes.pathao.registerWebhook(COURIER_SANDBOX_CREDENTIALS.pathao.clientId, bad.url, 'secret'),
    ).toBe(false);
    expect(bad.bodies).toEqual([{ event: 'webhook_integration' }]);
  });

  it('walk a new Pathao parcel to delivered over time, announcing each step with the secret', async () => {
    const sandboxes = await startCourierSandboxes({ advanceEveryMs: 15 });
    const hook = await listener();
    closers.push(
      () => sandboxes.close(),
      async () => void hook.server.close(),
    );
    expect(
      await sandboxes.pathao.registerWebhook(
        COURIER_SANDBOX_CREDENTIALS.pathao.clientId,
        hook.url,
        'demo-secret',
      ),
    ).toBe(true);
    const res = await fetch(`${sandboxes.pathao.url}/aladdin/api/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await token(sandboxes.pathao.url)}`,
      },
      body: JSON.stringify({
        store_id: 1001,
        merchant_order_id: 'm-1',
        recipient_name: 'Rahim',
        recipient_phone: '01712345678',
        recipient_address: 'House 1, Road 2, Dhanmondi',
        delivery_type: 48,
        item_type: 2,
        item_quantity: 1,
        item_weight: 0.5,
        amount_to_collect: 500,
      }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => hook.bodies.at(-1)?.event, { timeout: 3_000 }).toBe('order.delivered');
    expect(hook.bodies.slice(1).map((b) => b.event)).toEqual([
      'order.pickup-requested',
      'order.assigned-for-pickup',
      'order.picked',
      'order.at-the-sorting-hub',
      'order.in-transit',
      'order.received-at-last-mile-hub',
      'order.assigned-for-delivery',
      'order.delivered',
    ]);
    expect(
      sandboxes.pathao.webhooks.deliveries.every(
        (d) =>
          d.url !== hook.url ||
          d.body.includes('webhook_integration') ||
          d.headers['x-pathao-signature'] === 'demo-secret',
      ),
    ).toBe(true);
  });

  it('walk a new Steadfast parcel to delivered over time with the bearer token', async () => {
    const sandboxes = await startCourierSandboxes({ advanceEveryMs: 15 });
    const hook = await listener();
    closers.push(
      () => sandboxes.close(),
      async () => void hook.server.close(),
    );
    const s = COURIER_SANDBOX_CREDENTIALS.steadfast;
    sandboxes.steadfast.registerWebhook(s.apiKey, hook.url, 'demo-token');
    const res = await fetch(`${sandboxes.steadfast.url}/api/v1/create_order`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': s.apiKey, 'secret-key': s.secretKey },
      body: JSON.stringify({
        invoice: 'inv-1',
        recipient_name: 'Rahim',
        recipient_phone: '01712345678',
        recipient_address: 'Dhanmondi, Dhaka',
        cod_amount: 500,
      }),
    });
    expect(((await res.json()) as { consignment: { status: string } }).consignment.status).toBe('in_review');
    await expect.poll(() => hook.bodies.at(-1)?.status, { timeout: 3_000 }).toBe('delivered');
    expect(hook.bodies.map((b) => b.notification_type)).toContain('tracking_update');
    expect(
      sandboxes.steadfast.webhooks.deliveries.every((d) => d.headers.authorization === 'Bearer demo-token'),
    ).toBe(true);
    expect(sandboxes.steadfast.balanceOf(s.apiKey)).toBe(440);
  });

  it('answer 401 Unauthenticated. after a Pathao token expires', async () => {
    const sandboxes = await startCourierSandboxes({ advanceEveryMs: 10_000 });
    closers.push(() => sandboxes.close());
    const t = await token(sandboxes.pathao.url);
    sandboxes.pathao.expireTokens();
    const res = await fetch(`${sandboxes.pathao.url}/aladdin/api/v1/stores`, {
      headers: { authorization: `Bearer ${t}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Unauthenticated.' });
  });
});
