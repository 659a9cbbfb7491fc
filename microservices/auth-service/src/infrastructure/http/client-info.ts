import { parse } from 'cookie';

/** The request headers auth-service reads besides the signed identity. */
export interface HeaderBag {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Who is calling, as the gateway saw it: it overwrites `x-forwarded-for` with the client's
 * address (clients cannot set it), so the first entry is the client.
 */
export function clientInfo(req: HeaderBag): ClientInfo {
  const forwarded = first(req.headers['x-forwarded-for'])?.split(',')[0]?.trim();
  const ua = first(req.headers['user-agent']);
  return {
    ip: (forwarded || req.ip || null)?.slice(0, 64) ?? null,
    userAgent: ua ? ua.slice(0, 512) : null,
  };
}

/** A cookie of the request, if present. */
export function requestCookie(req: HeaderBag, name: string): string | undefined {
  const header = first(req.headers.cookie);
  if (!header) return undefined;
  return parse(header)[name];
}
