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
