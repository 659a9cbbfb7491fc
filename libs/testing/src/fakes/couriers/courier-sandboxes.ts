import { FakePathaoServer } from './pathao/fake-pathao.server.js';
import { FakeSteadfastServer } from './steadfast/fake-steadfast.server.js';

/** Demo credentials the courier sandboxes accept. */
export const COURIER_SANDBOX_CREDENTIALS = {
  pathao: {
    clientId: 'haat-demo-client',
    clientSecret: 'haat-demo-client-secret',
    username: 'merchant@haat.test',
    password: 'haat-demo-password',
    webhookSecret: 'haat-demo-pathao-webhook-secret',
  },
  steadfast: {
    apiKey: 'haat-demo-api-key',
    secretKey: 'haat-demo-secret-key',
    webhookToken: 'haat-demo-steadfast-webhook-token',
  },
} as const;

export interface CourierSandboxes {
  pathao: FakePathaoServer;
  steadfast: FakeSteadfastServer;
  close(): Promise<void>;
}

/**
 * Starts both courier fakes with the demo merchants, walking every new parcel forward every
 * `advanceEveryMs` (default 20 s) so the embedded demo sees orders shipped and delivered.
 * Webhook URLs are registered later, once the shipping-service's URL is known
 * (`pathao.registerWebhook`, `steadfast.registerWebhook`).
 */
export async function startCourierSandboxes(
  options: { advanceEveryMs?: number; pathaoPort?: number; steadfastPort?: number } = {},
): Promise<CourierSandboxes> {
  const every = options.advanceEveryMs ?? 20_000;
  const pathao = new FakePathaoServer({ autoAdvanceMs: every, webhookRetries: 3 });
  const steadfast = new FakeSteadfastServer({ autoAdvanceMs: every, webhookRetries: 3 });
  const p = COURIER_SANDBOX_CREDENTIALS.pathao;
  pathao.addMerchant({
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    username: p.username,
    password: p.password,
  });
  const s = COURIER_SANDBOX_CREDENTIALS.steadfast;
  steadfast.addMerchant({ apiKey: s.apiKey, secretKey: s.secretKey });
  await pathao.start(options.pathaoPort ?? 0);
  try {
    await steadfast.start(options.steadfastPort ?? 0);
  } catch (err) {
    await pathao.close();
    throw err;
  }
  return {
    pathao,
    steadfast,
    async close() {
      await Promise.all([pathao.close(), steadfast.close()]);
    },
  };
}
