import { InternalError } from '@haat/common';
import { UPSTREAM_ERRORS } from './resilience.errors.js';
import type { QueryValue } from './service-client.types.js';

/**
 * Joins the base URL's path prefix, the request path and the query string into the exact
 * request target that is sent (and signed).
 */
export function buildRequestTarget(
  basePath: string,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  if (!path.startsWith('/')) {
    throw new InternalError(UPSTREAM_ERRORS.invalidRequest, `Request path must start with "/": ${path}`);
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) params.append(name, String(v));
  }
  const search = params.toString();
  return `${basePath.replace(/\/+$/, '')}${path}${search ? `${path.includes('?') ? '&' : '?'}${search}` : ''}`;
}
