import { z } from 'zod';

/**
 * `tenant`: served on a tenant's host, the tenant resolved from `Host` and forwarded.
 * `platform`: served on the platform hosts (the base domain), no tenant (operator APIs).
 * `tenant-or-platform`: both — a tenant's host forwards its tenant, a platform host none (the
 * service itself accepts both, e.g. the mailbox operators read across tenants).
 */
export const RouteScopeSchema = z.enum(['tenant', 'platform', 'tenant-or-platform']);
export type RouteScope = z.infer<typeof RouteScopeSchema>;

/** One public prefix mapped to a service path. */
export const GatewayRouteSchema = z.object({
  /** Public prefix, always under `/api/v1`; matches itself and everything below it. */
  prefix: z.string().regex(/^\/api\/v1(\/[a-z0-9-]+)+$/, 'must look like /api/v1/<segment>'),
  service: z.string().min(1),
  /** The service path the prefix maps to (`/api` stripped); never under `/internal`. */
  upstreamPath: z
    .string()
    .regex(/^(\/[a-z0-9-]+)+$/, 'must look like /v1/<segment>')
    .refine((p) => p !== '/internal' && !p.startsWith('/internal/'), 'must not be an internal path'),
  scope: RouteScopeSchema,
  /** Extra limit per client (user, else IP) on this route, requests per minute. */
  perClientPerMinute: z.number().int().positive().optional(),
  /**
   * Forward the client's `Cookie` and the service's `Set-Cookie` (the refresh cookie of the
   * auth routes). Everywhere else both are dropped, so no cookie reaches a service that does
   * not own it and no service can set one on the shop's domain.
   */
  cookies: z.boolean().optional(),
});
export type GatewayRoute = z.infer<typeof GatewayRouteSchema>;
