import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/** Who is calling and for which tenant, as established by the gateway and verified by the service. */
export const RequestContextSchema = z.object({
  tenantId: z.string().uuid().nullable(),
  userId: z.string().min(1).max(100).nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  /** Vendors the user acts for (vendor owners and staff); absent or empty for everyone else. */
  vendorIds: z.array(z.string().uuid()).optional(),
  /** The sign-in session behind the access token, when there is one. */
  sessionId: z.string().uuid().optional(),
  requestId: z.string().min(1).max(200),
  traceparent: z.string().max(100).optional(),
});
export type RequestContext = z.infer<typeof RequestContextSchema>;

/** A request context with a tenant: what tenant-scoped service methods take as `ctx`. */
export type TenantContext = RequestContext & { tenantId: string };

export const contextStorage = new AsyncLocalStorage<RequestContext>();
const storage = contextStorage;

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** A context for work the platform does itself (relays, sweepers, consumers). */
export function systemContext(
  requestId: string,
  tenantId: string | null = null,
  traceparent?: string,
): RequestContext {
  return { tenantId, userId: null, roles: ['system'], permissions: ['*'], requestId, traceparent };
}
