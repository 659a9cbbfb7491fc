import { z } from 'zod';

/**
 * `tenant`: served on a tenant's host, the tenant resolved from `Host` and forwarded.
 * `platform`: served on the platform hosts (the base domain), no tenant (operator APIs).
 */
export const RouteScopeSchema = z.enum(['tenant', 'platform']);
export type RouteScope = z.infer<typeof RouteScopeSchema>;

/** One public prefix mapped to a service path. */
export const GatewayRouteSchema = z.object({
  /** Public prefix, always under `/api/v1`; matches itself and everything below it. */
  prefix: z.string().regex(/^\/api\/v1(\/[a-z0-9-]+)+$/, 'must look like /api/v1/<segment>'),
  service: z.string().min(1),
  /** The service path the prefix maps to (`/api` stripped). */
  upstreamPath: z.string().regex(/^(\/[a-z0-9-]+)+$/, 'must look like /v1/<segment>'),
  scope: RouteScopeSchema,
  /** Extra limit per client (user, else IP) on this route, requests per minute. */
  perClientPerMinute: z.number().int().positive().optional(),
});
export type GatewayRoute = z.infer<typeof GatewayRouteSchema>;
