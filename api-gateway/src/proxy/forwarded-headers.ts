import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { isForbiddenClientHeader } from '@haat/tenant';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the proxy sets itself. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'content-length',
  // The gateway consumed the credential; services trust the signed identity only.
  'authorization',
  // Replaced by the gateway's own values (validated request id, its trace, the client it saw).
  'x-request-id',
  'traceparent',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
]);

const RESPONSE_NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'x-request-id',
]);

function connectionTokens(value: string | string[] | undefined): Set<string> {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return new Set(
    joined
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Who the request came from, as the proxy tells the upstream. */
export interface ForwardedFor {
  clientIp: string;
  protocol: string;
  host: string;
}

/** Per-route header policy. */
export interface HeaderPolicy {
  /** Pass `Cookie` up and `Set-Cookie` back (the auth routes' refresh cookie); else drop both. */
  cookies: boolean;
}

/**
 * The client's headers as the upstream may see them: no hop-by-hop header, no header named in
 * `Connection`, and never an internal or identity header (`x-haat-*`, `x-tenant-id`,
 * `x-user-id`, …) — those only ever come from the gateway's signature. `Cookie` only where the
 * route's policy allows it. `X-Forwarded-For` is exactly the client's address (the one Fastify
 * derived under `TRUST_PROXY`), so a service may take its first entry as the client.
 */
export function upstreamRequestHeaders(
  headers: IncomingHttpHeaders,
  forwarded: ForwardedFor,
  policy: HeaderPolicy,
): Record<string, string> {
  const dropped = connectionTokens(headers.connection);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (
      value === undefined ||
      NOT_FORWARDED.has(name) ||
      dropped.has(name) ||
      isForbiddenClientHeader(name) ||
      (name === 'cookie' && !policy.cookies)
    ) {
      continue;
    }
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  out['x-forwarded-for'] = forwarded.clientIp;
  out['x-forwarded-proto'] = forwarded.protocol;
  out['x-forwarded-host'] = forwarded.host;
  return out;
}

/**
 * The upstream's response headers minus hop-by-hop ones, those the gateway sets itself, and
 * `Set-Cookie` unless the route's policy allows cookies.
 */
export function clientResponseHeaders(
  headers: Record<string, string | string[] | undefined>,
  policy: HeaderPolicy,
): OutgoingHttpHeaders {
  const dropped = connectionTokens(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (
      value === undefined ||
      RESPONSE_NOT_FORWARDED.has(lower) ||
      dropped.has(lower) ||
      (lower === 'set-cookie' && !policy.cookies)
    )
      continue;
    out[lower] = value;
  }
  return out;
}
