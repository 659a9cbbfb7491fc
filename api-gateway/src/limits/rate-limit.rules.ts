import { type CacheKey, platformKey, tenantKey } from '@haat/cache';
import type { LimitRule } from './rate-limit.types.js';

/** Every limit counts per minute. */
export const LIMIT_WINDOW_MS = 60_000;

/** What the limits of one request depend on. */
export interface LimitSubject {
  /** Tenant of the request; `null` on platform-scope routes. */
  tenantId: string | null;
  /** The plan's requests per minute for the whole tenant. */
  tenantPerMinute?: number | undefined;
  clientIp: string;
  userId: string | null;
  /** The matched route (or RPC method) and its own per-client limit, if it has one. */
  route: { id: string; perClientPerMinute?: number | undefined };
}

/** Limits that apply to every request. */
export interface LimitSettings {
  ipPerMinute: number;
  userPerMinute: number;
}

/**
 * The counters a request bumps: its IP, its user (when authenticated), its tenant (the plan's
 * rate) and its route (when the route has a limit). Every key starts with the tenant, or `p:`
 * for platform-scope calls, so tenants never share a counter.
 */
export function limitRules(subject: LimitSubject, settings: LimitSettings): LimitRule[] {
  const key = (...parts: string[]): CacheKey =>
    subject.tenantId ? tenantKey(subject.tenantId, ...parts) : platformKey('platform', ...parts);
  const client = subject.userId ? `u:${subject.userId}` : `ip:${subject.clientIp}`;
  const rule = (policy: LimitRule['policy'], k: string, limit: number): LimitRule => ({
    policy,
    key: k,
    limit,
    windowMs: LIMIT_WINDOW_MS,
  });
  const rules = [rule('ip', key('ip', subject.clientIp), settings.ipPerMinute)];
  if (subject.userId) rules.push(rule('user', key('user', subject.userId), settings.userPerMinute));
  if (subject.tenantId && subject.tenantPerMinute) {
    rules.push(rule('tenant', key('tenant'), subject.tenantPerMinute));
  }
  if (subject.route.perClientPerMinute) {
    rules.push(rule('route', key('route', subject.route.id, client), subject.route.perClientPerMinute));
  }
  return rules;
}
