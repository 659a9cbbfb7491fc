import { InternalError } from '@haat/common';
import { type ServiceClient, createServiceClient } from '@haat/resilience';
import type { GatewayConfig } from '../config/gateway.config.js';

/**
 * One `@haat/resilience` client per upstream service: keep-alive pool, per-attempt timeout,
 * retries for idempotent requests, and one circuit breaker per service shared by every route to
 * it (and by tenant lookups). Callers sign each request themselves (`signInternalRequest`) and
 * pass the headers: the identity differs per request, and carrying it in an AsyncLocalStorage
 * for the client's own signer would put async hooks on every promise of the hot path.
 */
export function createUpstreamClients(
  config: GatewayConfig,
  services: Iterable<string>,
): Map<string, ServiceClient> {
  const clients = new Map<string, ServiceClient>();
  for (const name of services) {
    const endpoint = config.upstreams[name];
    if (!endpoint) {
      throw new InternalError('GATEWAY_UPSTREAM_UNCONFIGURED', `No URL is configured for ${name}`, { name });
    }
    if (new URL(endpoint.url).pathname !== '/') {
      // The signature covers the exact request target; a base path would change it under us.
      throw new InternalError('GATEWAY_UPSTREAM_UNCONFIGURED', `The URL of ${name} must have no path`, {
        name,
      });
    }
    clients.set(
      name,
      createServiceClient({
        name,
        baseUrl: endpoint.url,
        timeoutMs: config.UPSTREAM_TIMEOUT,
        retries: config.UPSTREAM_RETRIES,
        breaker: {
          consecutiveFailures: config.BREAKER_FAILURES,
          halfOpenAfterMs: config.BREAKER_HALF_OPEN_AFTER,
        },
        backoff: { initialDelayMs: 50, maxDelayMs: 500 },
        connections: 128,
      }),
    );
  }
  return clients;
}
