// The one place the gateway's tests load auth-service: its contract is proven against the real
// service, booted as its own tests boot it.
import {
  DEMO_EMAILS,
  DEMO_PASSWORD,
  DEMO_VENDOR_IDS,
  createAuthService,
  seedAuthDemo,
} from '@haat/auth-service';
import type { Clock } from '@haat/common';
import type { ResolvedTenant } from '@haat/contracts';
import { type TestService, startTestService } from '@haat/testing';
import { FakeUpstream } from './fake-upstream.server.js';
import { type CallResult, type StartedGateway, call, startGateway } from './gateway.harness.js';
import { tenantFixture } from './tenants.fixture.js';

export { DEMO_EMAILS, DEMO_PASSWORD, DEMO_VENDOR_IDS };

/** The system clock moved by `offsetMs`: auth-service issues tokens "in the past" with it. */
export class ShiftedClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The real auth-service behind the real gateway, a tenant directory and an echoing service. */
export interface AuthPlatform {
  auth: TestService;
  clock: ShiftedClock;
  gw: StartedGateway;
  /** Plays notification-service: echoes every request with the identity its signature proves. */
  echo: FakeUpstream;
  demo: ResolvedTenant;
  other: ResolvedTenant;
  close(): Promise<void>;
}

/** The poll interval the platform's gateway runs with: revocations show up within it. */
export const POLL_INTERVAL_MS = 200;
/** Its least time between two JWKS fetches. */
export const JWKS_REFETCH_MS = 1_000;

/**
 * Boots auth-service (`startTestService`: fresh database, the demo accounts seeded in the demo
 * tenant) and a gateway in front of it signing with the same secret, with a short revocation
 * poll and JWKS refetch interval.
 */
export async function startAuthPlatform(env: Record<string, string> = {}): Promise<AuthPlatform> {
  const clock = new ShiftedClock();
  const demo = tenantFixture('demo');
  const other = tenantFixture('other');
  const auth = await startTestService(createAuthService({ clock }));
  const started: { stop(): Promise<void> }[] = [];
  try {
    await seedAuthDemo(auth.service.app, { tenantId: demo.tenantId });
    const directory = await FakeUpstream.start({
      name: 'tenant-service',
      secret: auth.secret,
      tenants: new Map([
        ['demo.localhost', demo],
        ['other.localhost', other],
      ]),
    });
    started.push(directory);
    const echo = await FakeUpstream.start({ name: 'notification-service', secret: auth.secret });
    started.push(echo);
    const gw = await startGateway({
      INTERNAL_SIGNING_SECRET: auth.secret,
      TENANT_SERVICE_URL: directory.url,
      AUTH_SERVICE_URL: auth.service.url,
      NOTIFICATION_SERVICE_URL: echo.url,
      AUTH_REVOCATION_POLL_INTERVAL: `${POLL_INTERVAL_MS}ms`,
      AUTH_JWKS_MIN_REFETCH_INTERVAL: `${JWKS_REFETCH_MS}ms`,
      RATE_LIMIT_IP_PER_MINUTE: '100000',
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      ...env,
    });
    return {
      auth,
      clock,
      gw,
      echo,
      demo,
      other,
      async close() {
        await gw.close();
        for (const s of started) await s.stop();
        await auth.close();
      },
    };
  } catch (error) {
    for (const s of started) await s.stop();
    await auth.close();
    throw error;
  }
}

/** What a sign-in answers (`refreshToken` for `client: "api"`, the cookie for `"web"`). */
export interface SignedIn {
  accessToken: string;
  sessionId: string;
  refreshToken?: string;
  account?: { id: string; email: string | null };
  /** The `Set-Cookie` headers of the answer. */
  cookies: string[];
}

/** A JSON request through the gateway. */
export function send(
  p: AuthPlatform,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { host?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  return call(p.gw.url, path, {
    host: options.host ?? 'demo.localhost',
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

function cookiesOf(result: CallResult): string[] {
  const value = result.headers['set-cookie'];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Signs in through the gateway: a shop's accounts on its host, operators on the platform host. */
export async function signIn(
  p: AuthPlatform,
  identifier: string,
  options: {
    host?: string;
    password?: string;
    client?: 'web' | 'api';
    headers?: Record<string, string>;
  } = {},
): Promise<SignedIn> {
  const host = options.host ?? 'demo.localhost';
  const path = host === 'localhost' ? '/api/v1/operator-auth/login' : '/api/v1/auth/login';
  const res = await send(p, 'POST', path, {
    host,
    headers: options.headers,
    body: { identifier, password: options.password ?? DEMO_PASSWORD, client: options.client ?? 'api' },
  });
  if (res.status !== 200) throw new Error(`sign-in of ${identifier} failed: ${res.status} ${res.text}`);
  return { ...res.json<Omit<SignedIn, 'cookies'>>(), cookies: cookiesOf(res) };
}

/** `name=value` of the `haat_rt` refresh cookie a response set. */
export function refreshCookie(cookies: readonly string[]): string {
  const cookie = cookies.find((c) => c.startsWith('haat_rt='));
  if (!cookie) throw new Error('no haat_rt cookie was set');
  return cookie.split(';')[0] ?? '';
}
