import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@haat/common';
import {
  type Caller,
  FakePathaoServer,
  FakeSteadfastServer,
  startTestService,
  type TestService,
} from '@haat/testing';
import { shippingService } from '../../src/service.js';
import { InventoryStub } from './inventory-stub.server.js';

export const PATHAO = {
  clientId: 'client-a',
  clientSecret: 'client-secret-a',
  username: 'merchant-a@example.com',
  password: 'password-a',
  webhookSecret: 'pathao-webhook-secret-a',
};
export const STEADFAST = {
  apiKey: 'api-key-b',
  secretKey: 'secret-key-b',
  webhookToken: 'steadfast-webhook-token-b',
};

export const owner = (tenantId: string): Caller => ({
  tenantId,
  userId: `owner-${tenantId.slice(0, 8)}`,
  roles: ['tenant_owner'],
  permissions: ['shipping-rule:*', 'shipment:*', 'report:*'],
});
export const guest = (tenantId: string): Caller => ({ tenantId, userId: null, roles: [], permissions: [] });

export interface ShippingHarness {
  h: TestService;
  pathao: FakePathaoServer;
  steadfast: FakeSteadfastServer;
  inventory: InventoryStub;
  close(): Promise<void>;
}

/** shipping-service against a throwaway database, both courier fakes and an inventory stub. */
export async function startShippingHarness(env: Record<string, string> = {}): Promise<ShippingHarness> {
  const pathao = new FakePathaoServer({ tokenTtlSeconds: 3600 });
  const steadfast = new FakeSteadfastServer();
  const inventory = new InventoryStub();
  pathao.addMerchant(PATHAO);
  steadfast.addMerchant(STEADFAST);
  await Promise.all([pathao.start(), steadfast.start(), inventory.start()]);
  const dir = await mkdtemp(join(tmpdir(), 'haat-shipping-'));
  const h = await startTestService(shippingService, {
    env: {
      PATHAO_BASE_URL: pathao.url,
      STEADFAST_BASE_URL: steadfast.url,
      INVENTORY_SERVICE_URL: inventory.url,
      SHIPPING_BOOKING_INTERVAL: '100ms',
      SHIPPING_POLL_INTERVAL: '0',
      COURIER_TIMEOUT: '3s',
      LABELS_DIR: join(dir, 'labels'),
      REPORTS_DIR: join(dir, 'reports'),
      ...env,
    },
  });
  inventory.secret = h.secret;
  return {
    h,
    pathao,
    steadfast,
    inventory,
    async close() {
      await h.close();
      await Promise.all([pathao.close(), steadfast.close(), inventory.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sets up one tenant: vendor A ships with Pathao, vendor B with Steadfast; rates for every zone in Bangladesh. */
export async function setUpTenant(s: ShippingHarness, tenantId: string, vendorA: string, vendorB: string) {
  const as = owner(tenantId);
  const pathao = await s.h.call<{ id: string; webhookPath: string }>('PUT', '/v1/shipping/courier-accounts', {
    as,
    body: { courier: 'pathao', vendorId: vendorA, credentials: PATHAO, settings: { defaultStoreId: 1001 } },
  });
  if (pathao.status !== 200) throw new Error(`pathao account: ${pathao.text}`);
  const steadfast = await s.h.call<{ id: string; webhookPath: string }>(
    'PUT',
    '/v1/shipping/courier-accounts',
    {
      as,
      body: { courier: 'steadfast', vendorId: vendorB, credentials: STEADFAST },
    },
  );
  if (steadfast.status !== 200) throw new Error(`steadfast account: ${steadfast.text}`);
  for (const [zone, first] of [
    ['inside_dhaka', '6000'],
    ['dhaka_suburbs', '8000'],
    ['outside_dhaka', '12000'],
  ] as const) {
    const r = await s.h.call('PUT', `/v1/shipping/rates/${zone}`, {
      as,
      body: {
        currency: 'BDT',
        slabs: [
          { maxGrams: 500, feeMinor: first },
          { maxGrams: 1000, feeMinor: String(Number(first) + 1000) },
        ],
        extraPerKgMinor: '2000',
        codFeeBps: 100,
        codFeeMinMinor: '1000',
        freeShippingThresholdMinor: '500000',
      },
    });
    if (r.status !== 200) throw new Error(`rate ${zone}: ${r.text}`);
  }
  const local = (path: string) => `${s.h.service.url}${path.replace(/^\/api/, '')}`;
  return {
    pathaoAccount: pathao.json,
    steadfastAccount: steadfast.json,
    pathaoUrl: local(pathao.json.webhookPath),
    steadfastUrl: local(steadfast.json.webhookPath),
  };
}

export const ids = { tenant: () => newId(), vendor: () => newId() };
