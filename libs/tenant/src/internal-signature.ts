import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '@haat/common';
import { INTERNAL_HEADERS as H } from './internal-headers.js';
import { type RequestContext, RequestContextSchema } from './request-context.js';

/** How far a signed request's timestamp may be from now (clock skew + transit). */
export const SIGNATURE_WINDOW_MS = 60_000;

export interface SignInput {
  method: string;
  /** Path with query string, exactly as the receiver will see it. */
  path: string;
  body?: Buffer | string | undefined;
  context: RequestContext;
  secret: string;
  now?: number;
}

type HeaderBag = Record<string, string | string[] | undefined>;

function bodyHash(body: Buffer | string | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

function header(headers: HeaderBag, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function canonical(
  method: string,
  path: string,
  timestamp: string,
  hash: string,
  identity: Record<string, string>,
): string {
  return [
    'v1',
    method.toUpperCase(),
    path,
    timestamp,
    hash,
    identity[H.tenantId] ?? '',
    identity[H.userId] ?? '',
    identity[H.roles] ?? '',
    identity[H.permissions] ?? '',
    identity[H.requestId] ?? '',
    identity[H.traceparent] ?? '',
    identity[H.vendorIds] ?? '',
    identity[H.sessionId] ?? '',
  ].join('\n');
}

function hmac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

function identityHeaders(ctx: RequestContext): Record<string, string> {
  const h: Record<string, string> = { [H.requestId]: ctx.requestId };
  if (ctx.tenantId) h[H.tenantId] = ctx.tenantId;
  if (ctx.userId) h[H.userId] = ctx.userId;
  if (ctx.roles.length) h[H.roles] = ctx.roles.join(',');
  if (ctx.permissions.length) h[H.permissions] = ctx.permissions.join(',');
  if (ctx.traceparent) h[H.traceparent] = ctx.traceparent;
  if (ctx.vendorIds?.length) h[H.vendorIds] = ctx.vendorIds.join(',');
  if (ctx.sessionId) h[H.sessionId] = ctx.sessionId;
  return h;
}

/**
 * Signs a request from one Haat component to another: returns the identity headers plus
 * `x-haat-timestamp` and `x-haat-signature` (HMAC-SHA256 over method, path, timestamp, body hash
 * and the identity headers).
 */
export function signInternalRequest(input: SignInput): Record<string, string> {
  const timestamp = String(input.now ?? Date.now());
  const identity = identityHeaders(input.context);
  const sig = hmac(
    input.secret,
    canonical(input.method, input.path, timestamp, bodyHash(input.body), identity),
  );
  return { ...identity, [H.timestamp]: timestamp, [H.signature]: `v1=${sig}` };
}

export interface VerifyInput {
  method: string;
  path: string;
  body?: Buffer | string | undefined;
  headers: HeaderBag;
  /** Current secret first; older secrets accepted during rotation. */
  secrets: readonly string[];
  now?: number;
  windowMs?: number;
}

/**
 * Verifies a signed internal request and returns the context it carries. Throws 401
 * `INTERNAL_SIGNATURE_MISSING`, `INTERNAL_SIGNATURE_EXPIRED` or `INTERNAL_SIGNATURE_INVALID`.
 */
export function verifyInternalRequest(input: VerifyInput): RequestContext {
  const sigHeader = header(input.headers, H.signature);
  const timestamp = header(input.headers, H.timestamp);
  if (!sigHeader || !timestamp) {
    throw new UnauthorizedError(
      'INTERNAL_SIGNATURE_MISSING',
      'This endpoint only accepts signed requests through the gateway',
    );
  }
  const ts = Number(timestamp);
  const now = input.now ?? Date.now();
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(now - ts) > (input.windowMs ?? SIGNATURE_WINDOW_MS)) {
    throw new UnauthorizedError(
      'INTERNAL_SIGNATURE_EXPIRED',
      'The request signature is outside its time window',
    );
  }
  const identity: Record<string, string> = {};
  for (const name of [
    H.tenantId,
    H.userId,
    H.roles,
    H.permissions,
    H.requestId,
    H.traceparent,
    H.vendorIds,
    H.sessionId,
  ]) {
    const v = header(input.headers, name);
    if (v !== undefined) identity[name] = v;
  }
  const data = canonical(input.method, input.path, timestamp, bodyHash(input.body), identity);
  const given = Buffer.from(sigHeader.startsWith('v1=') ? sigHeader.slice(3) : '', 'hex');
  const ok = input.secrets.some((secret) => {
    const expected = Buffer.from(hmac(secret, data), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new UnauthorizedError('INTERNAL_SIGNATURE_INVALID', 'The request signature does not match');
  const split = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
  const parsed = RequestContextSchema.safeParse({
    tenantId: identity[H.tenantId] ?? null,
    userId: identity[H.userId] ?? null,
    roles: split(identity[H.roles]),
    permissions: split(identity[H.permissions]),
    requestId: identity[H.requestId] ?? 'unknown',
    traceparent: identity[H.traceparent],
    ...(identity[H.vendorIds] ? { vendorIds: split(identity[H.vendorIds]) } : {}),
    ...(identity[H.sessionId] ? { sessionId: identity[H.sessionId] } : {}),
  });
  if (!parsed.success)
    throw new UnauthorizedError('INTERNAL_IDENTITY_INVALID', 'The signed identity headers are malformed');
  return parsed.data;
}
