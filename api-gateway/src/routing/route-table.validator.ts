import { InternalError, fieldIssues } from '@haat/common';
import { z } from 'zod';
import { RPC_PREFIX } from '../rpc/rpc-bridge.route.js';
import { type GatewayRoute, GatewayRouteSchema } from './route.schema.js';

/**
 * Checks the routing table at start-up: each entry well-formed, no prefix inside another (the
 * longest match would otherwise depend on registration order) and none under the RPC bridge.
 */
export function validateRoutes(routes: readonly GatewayRoute[]): GatewayRoute[] {
  const parsed = z.array(GatewayRouteSchema).safeParse(routes);
  if (!parsed.success) {
    throw new InternalError('GATEWAY_ROUTES_INVALID', 'The routing table is invalid', {
      fields: fieldIssues(parsed.error),
    });
  }
  const rpc = RPC_PREFIX.slice(0, -1);
  for (const route of parsed.data) {
    const clash = parsed.data.find(
      (other) =>
        other !== route && (other.prefix === route.prefix || other.prefix.startsWith(`${route.prefix}/`)),
    );
    if (clash || route.prefix === rpc || route.prefix.startsWith(`${rpc}/`)) {
      throw new InternalError(
        'GATEWAY_ROUTES_INVALID',
        `Route ${route.prefix} overlaps ${clash?.prefix ?? rpc}`,
      );
    }
  }
  return parsed.data;
}
