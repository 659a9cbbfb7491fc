import type { ResolvedTenant } from '@haat/contracts';
import type { RequestContext } from '@haat/tenant';
import type { Identity } from '../identity/authenticator.js';
import type { TenantLookup } from '../tenancy/tenant-resolver.js';

/** A request that passed the edge: where it is for, who sent it, what will be signed. */
export interface AdmittedRequest {
  host: string;
  tenant: ResolvedTenant | null;
  identity: Identity;
  /** The identity forwarded (and signed) to the upstream; `traceparent` is set per call. */
  context: RequestContext;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant lookup for this request's host, shared by CORS and admission. */
    haatTenantLookup: Promise<TenantLookup> | null;
    /** Set once the request is admitted (proxied routes and the RPC bridge). */
    haatAdmitted: AdmittedRequest | null;
  }
}
