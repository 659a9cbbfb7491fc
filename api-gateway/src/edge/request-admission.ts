import { ForbiddenError, NotFoundError, RateLimitedError, UnauthorizedError, isAppError } from '@haat/common';
import type { ResolvedTenant } from '@haat/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Authentication, type Authenticator, identify } from '../identity/authenticator.js';
import { IDENTITY_ERRORS } from '../identity/identity.errors.js';
import { rateLimitHeaders, retryAfterMs } from '../limits/rate-limit.headers.js';
import { type LimitSettings, limitRules } from '../limits/rate-limit.rules.js';
import type { LimitPolicy } from '../limits/rate-limit.types.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import type { RouteScope } from '../routing/route.schema.js';
import { hostFromHeader } from '../tenancy/host-name.js';
import { type TenantLookup, type TenantResolver, tenantNotFound } from '../tenancy/tenant-resolver.js';
import type { AdmittedRequest } from './request-state.js';

/** What a request is trying to reach: a proxied route or a public RPC method. */
export interface AdmissionTarget {
  /** Stable id for limits and metrics (the route prefix, or the RPC method). */
  id: string;
  scope: RouteScope;
  perClientPerMinute?: number | undefined;
}

/** Dependencies of {@link RequestAdmission}. */
export interface RequestAdmissionOptions {
  platformHosts: ReadonlySet<string>;
  tenants: TenantResolver;
  authenticators: readonly Authenticator[];
  /** `null` when rate limiting is switched off. */
  limiter: RateLimiter | null;
  limits: LimitSettings;
  onRateLimited?: (policies: LimitPolicy[]) => void;
}

/**
 * The edge's checks, in order: a valid Host; the tenant behind it (tenant routes) or a platform
 * host (platform routes); the caller's credential, which must belong to that tenant (or to the
 * platform, on platform hosts); the rate limits. Throws the documented error at the first
 * failure, before the body is read. A refused credential still counts against the IP, tenant
 * and route limits, so guessing tokens runs into 429 like any other flood.
 */
export class RequestAdmission {
  constructor(private readonly options: RequestAdmissionOptions) {}

  /** The host's tenant lookup, done once per request (CORS asks first, admission reuses it). */
  tenantLookup(request: FastifyRequest, host: string): Promise<TenantLookup> {
    request.haatTenantLookup ??= this.options.tenants.lookup(host, request.id);
    return request.haatTenantLookup;
  }

  isPlatformHost(host: string): boolean {
    return this.options.platformHosts.has(host);
  }

  /** Host names whose pages may call this request's API from a browser (CORS). */
  async allowedOriginHosts(request: FastifyRequest): Promise<ReadonlySet<string>> {
    let host: string;
    try {
      host = hostFromHeader(request.headers.host);
    } catch {
      return new Set();
    }
    if (this.isPlatformHost(host)) return this.options.platformHosts;
    try {
      const lookup = await this.tenantLookup(request, host);
      return lookup.found && lookup.tenant.status === 'active' ? new Set(lookup.tenant.domains) : new Set();
    } catch {
      // Admission reports the real failure (tenant-service down) right after.
      return new Set();
    }
  }

  async admit(
    request: FastifyRequest,
    reply: FastifyReply,
    target: AdmissionTarget,
  ): Promise<AdmittedRequest> {
    const host = hostFromHeader(request.headers.host);
    const tenant = await this.tenantFor(request, host, target.scope);
    let authentication: Authentication | null;
    try {
      authentication = await identify(this.options.authenticators, request.headers, request.id);
      if (authentication) assertCredentialFits(authentication, tenant);
    } catch (error) {
      if (isAppError(error) && error.status === 401) {
        await this.enforceLimits(request, reply, target, tenant, null);
      }
      throw error;
    }
    const identity = authentication?.identity ?? ANONYMOUS;
    await this.enforceLimits(request, reply, target, tenant, identity.userId);
    const admitted: AdmittedRequest = {
      host,
      tenant,
      identity,
      context: {
        tenantId: tenant?.tenantId ?? null,
        userId: identity.userId,
        roles: identity.roles,
        permissions: identity.permissions,
        ...(identity.vendorIds ? { vendorIds: identity.vendorIds } : {}),
        ...(identity.sessionId ? { sessionId: identity.sessionId } : {}),
        requestId: request.id,
      },
    };
    request.haatAdmitted = admitted;
    return admitted;
  }

  private async tenantFor(
    request: FastifyRequest,
    host: string,
    scope: RouteScope,
  ): Promise<ResolvedTenant | null> {
    if (scope === 'platform' || (scope === 'tenant-or-platform' && this.isPlatformHost(host))) {
      if (!this.isPlatformHost(host)) {
        throw new NotFoundError('ROUTE_NOT_FOUND', 'Platform routes are served on the platform host only', {
          host,
        });
      }
      return null;
    }
    if (this.isPlatformHost(host)) throw tenantNotFound(host);
    const lookup = await this.tenantLookup(request, host);
    if (!lookup.found) throw tenantNotFound(host);
    if (lookup.tenant.status === 'suspended') {
      throw new ForbiddenError('TENANT_SUSPENDED', `The shop at ${host} is suspended`, { host });
    }
    return lookup.tenant;
  }

  private async enforceLimits(
    request: FastifyRequest,
    reply: FastifyReply,
    target: AdmissionTarget,
    tenant: ResolvedTenant | null,
    userId: string | null,
  ): Promise<void> {
    const { limiter } = this.options;
    if (!limiter) return;
    const rules = limitRules(
      {
        tenantId: tenant?.tenantId ?? null,
        tenantPerMinute: tenant?.plan.rateLimits.tenantRequestsPerMinute,
        clientIp: request.ip,
        userId,
        route: { id: target.id, perClientPerMinute: target.perClientPerMinute },
      },
      this.options.limits,
    );
    const decision = await limiter.check(rules);
    void reply.headers(rateLimitHeaders(decision.outcomes));
    if (decision.exceeded.length > 0) {
      const policies = decision.exceeded.map((o) => o.policy);
      this.options.onRateLimited?.(policies);
      throw new RateLimitedError('RATE_LIMITED', 'Too many requests; retry after the time in Retry-After', {
        policies,
        retryAfterMs: retryAfterMs(decision.exceeded),
      });
    }
  }
}

/**
 * A credential is good only where it was issued: a tenant's token on that tenant's host, a
 * platform credential (operator token, bootstrap token) on the platform hosts. Operators act on
 * shops through the platform APIs, not with `*` on a shop's own routes.
 */
function assertCredentialFits(authentication: Authentication, tenant: ResolvedTenant | null): void {
  const expected = tenant?.tenantId ?? null;
  if (authentication.tenantId === expected) return;
  throw new UnauthorizedError(
    IDENTITY_ERRORS.wrongTenant,
    expected === null
      ? 'Platform routes take an operator’s token only'
      : authentication.tenantId === null
        ? 'An operator’s token is not valid on a shop’s host'
        : 'This token was issued for another shop',
  );
}
