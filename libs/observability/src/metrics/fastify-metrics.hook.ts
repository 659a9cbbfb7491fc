import type { FastifyInstance } from 'fastify';
import type { ServiceMetrics } from './service-metrics.js';

/** The `route` label of requests that matched no route: one series, whatever the URL was. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Counts every response of `app` and observes its duration, labelled by method, status and the
 * matched route pattern (`request.routeOptions.url`), so ids in URLs never become series.
 * Call it before the routes are registered (for Nest: on the adapter's instance before `init`).
 */
export function instrumentFastify(app: FastifyInstance, metrics: ServiceMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.recordHttpRequest({
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status: reply.statusCode,
      durationSeconds: reply.elapsedTime / 1000,
    });
  });
}
