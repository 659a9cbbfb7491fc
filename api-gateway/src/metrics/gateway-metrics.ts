import { type ServiceMetrics, createMetrics } from '@haat/observability';
import type { BreakerState } from '@haat/resilience';
import { Counter, Gauge } from 'prom-client';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The standard service metrics plus what only the gateway knows. */
export class GatewayMetrics {
  readonly service: ServiceMetrics;
  private readonly upstreamResults: Counter<'upstream' | 'outcome'>;
  private readonly rateLimited: Counter<'policy'>;
  private readonly tenantLookups: Counter<'source' | 'found'>;
  private readonly breakers: Gauge<'upstream'>;
  private readonly jwksFetches: Counter<'reason' | 'outcome'>;
  private readonly revocationPolls: Counter<'outcome'>;
  private readonly revokedSessions: Gauge;
  private readonly introspections: Counter<'active'>;

  constructor() {
    this.service = createMetrics({ service: 'api-gateway' });
    const registers = [this.service.registry];
    this.upstreamResults = new Counter({
      name: 'gateway_upstream_results_total',
      help: 'Proxied calls by upstream and outcome (HTTP status, or the error code when no answer came)',
      labelNames: ['upstream', 'outcome'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'gateway_rate_limited_total',
      help: 'Requests refused with 429, by the policy they went over',
      labelNames: ['policy'],
      registers,
    });
    this.tenantLookups = new Counter({
      name: 'gateway_tenant_lookups_total',
      help: 'Host to tenant lookups, by source (cache or tenant-service) and whether a tenant was found',
      labelNames: ['source', 'found'],
      registers,
    });
    this.breakers = new Gauge({
      name: 'gateway_circuit_state',
      help: 'Circuit breaker per upstream: 0 closed, 1 half-open, 2 open',
      labelNames: ['upstream'],
      registers,
    });
    this.jwksFetches = new Counter({
      name: 'gateway_auth_jwks_fetches_total',
      help: 'JWKS fetches from auth-service, by reason (initial, expired, unknown-kid) and outcome',
      labelNames: ['reason', 'outcome'],
      registers,
    });
    this.revocationPolls = new Counter({
      name: 'gateway_auth_revocation_polls_total',
      help: 'Polls of the revoked-session list, by outcome',
      labelNames: ['outcome'],
      registers,
    });
    this.revokedSessions = new Gauge({
      name: 'gateway_auth_revoked_sessions',
      help: 'Revoked sessions whose access tokens are still refused',
      registers,
    });
    this.introspections = new Counter({
      name: 'gateway_auth_api_token_introspections_total',
      help: 'API tokens asked of auth-service (cache misses), by answer',
      labelNames: ['active'],
      registers,
    });
  }

  recordJwksFetch(reason: string, ok: boolean): void {
    this.jwksFetches.inc({ reason, outcome: ok ? 'ok' : 'error' });
  }

  recordRevocationPoll(ok: boolean, revoked: number): void {
    this.revocationPolls.inc({ outcome: ok ? 'ok' : 'error' });
    this.revokedSessions.set(revoked);
  }

  recordIntrospection(active: boolean): void {
    this.introspections.inc({ active: String(active) });
  }

  recordUpstreamResult(upstream: string, outcome: string): void {
    this.upstreamResults.inc({ upstream, outcome });
  }

  recordRateLimited(policies: readonly string[]): void {
    for (const policy of policies) this.rateLimited.inc({ policy });
  }

  recordTenantLookup(source: string, found: boolean): void {
    this.tenantLookups.inc({ source, found: String(found) });
  }

  setBreakerState(upstream: string, state: BreakerState): void {
    this.breakers.set({ upstream }, BREAKER_VALUE[state]);
  }
}
