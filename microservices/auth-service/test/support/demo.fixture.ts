import { DEMO_EMAILS, DEMO_PASSWORD, DEMO_VENDOR_IDS } from '../../src/modules/demo/demo-accounts.js';
import { seedAuthDemo } from '../../src/modules/demo/seed-auth-demo.js';
import { type Caller, callerOf, type Harness, visitor } from './auth-service.harness.js';
import type { SignedInJson } from './accounts.fixture.js';

export type DemoPerson = keyof typeof DEMO_EMAILS;

/** Seeds the demo accounts into `tenantId` and signs `who` in, answering what the gateway would forward. */
export async function demoCallers(h: Harness, tenantId: string) {
  const ids = await seedAuthDemo(h.svc.app, { tenantId });
  const signIn = async (who: Exclude<DemoPerson, 'operator'>) => {
    const res = await h.call<SignedInJson>('POST', '/v1/auth/login', {
      as: visitor(tenantId),
      body: { identifier: DEMO_EMAILS[who], password: DEMO_PASSWORD },
    });
    if (res.status !== 200) throw new Error(`demo login ${who}: ${res.status} ${res.text}`);
    return { ...res.json, caller: callerOf(res.json.accessToken) as Caller };
  };
  return {
    ids,
    vendors: DEMO_VENDOR_IDS,
    owner: await signIn('tenantOwner'),
    vendor1Owner: await signIn('vendor1Owner'),
    vendor1Staff: await signIn('vendor1Staff'),
    vendor2Owner: await signIn('vendor2Owner'),
    customer: await signIn('customer'),
  };
}
