import { ValidationError } from '@haat/common';
import type { GatewayRoute } from '../routing/route.schema.js';

/** Dot segments or encoded separators: a way to step out of a route's prefix upstream. */
const TRAVERSAL = /(^|\/)\.{1,2}(\/|$)|%2e|%2f|%5c|\\/i;

/**
 * The upstream request target for a public URL under `route.prefix`: the prefix swapped for
 * the service path, the rest (and the query string) kept byte for byte, since that is what
 * gets signed. A path that could climb out of the prefix (`/api/v1/tenant/../platform`) is a
 * 400 `PATH_INVALID` rather than something a service might normalise differently.
 */
export function upstreamTarget(route: GatewayRoute, url: string): string {
  const rest = url.slice(route.prefix.length);
  const queryAt = rest.indexOf('?');
  const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
  if (TRAVERSAL.test(path)) {
    throw new ValidationError('PATH_INVALID', 'The request path contains dot segments or encoded separators');
  }
  return route.upstreamPath + rest;
}
