import { newId } from '@haat/common';
import type { Caller, Harness, Reply } from './auth-service.harness.js';
import { callerOf, visitor } from './auth-service.harness.js';

export const PASSWORD = 'mango-river-lantern-42';

export interface SignedInJson {
  accessToken: string;
  refreshToken?: string;
  sessionId: string;
  expiresIn: number;
  account: { id: string; email: string | null; grants: { role: string; scope: string }[] };
}

/** A unique email for one test. */
export const email = (who = 'shopper') => `${who}.${newId().slice(-12)}@example.com`;

/** Registers a customer and signs them in (api client), answering the sign-in. */
export async function registerAndLogin(
  h: Harness,
  tenantId: string,
  address = email(),
): Promise<SignedInJson & { caller: Caller }> {
  const reg = await h.call('POST', '/v1/auth/register', {
    as: visitor(tenantId),
    body: { email: address, password: PASSWORD },
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const res = await login(h, tenantId, address);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return { ...res.json, caller: callerOf(res.json.accessToken) };
}

export function login(
  h: Harness,
  tenantId: string,
  identifier: string,
  password = PASSWORD,
  options: { ip?: string; body?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<Reply<SignedInJson>> {
  return h.call<SignedInJson>('POST', '/v1/auth/login', {
    as: visitor(tenantId),
    body: { identifier, password, ...options.body },
    headers: { 'x-forwarded-for': options.ip ?? '203.0.113.7', ...options.headers },
  });
}
