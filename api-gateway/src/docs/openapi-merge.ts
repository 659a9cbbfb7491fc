import type { GatewayRoute } from '../routing/route.schema.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** One service's own OpenAPI document, as fetched from its `/openapi.json`. */
export interface ServiceDocument {
  service: string;
  document: Json;
}

/** `tenant-service` → `TenantService`: the prefix of that service's component names. */
export function componentPrefix(service: string): string {
  return service
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** The public path of a service path, through the first route that maps to it. */
export function publicPath(
  routes: readonly GatewayRoute[],
  service: string,
  servicePath: string,
): string | undefined {
  for (const route of routes) {
    if (route.service !== service) continue;
    if (servicePath === route.upstreamPath || servicePath.startsWith(`${route.upstreamPath}/`)) {
      return route.prefix + servicePath.slice(route.upstreamPath.length);
    }
  }
  return undefined;
}

const prefixRef = (ref: string, prefix: string) =>
  ref.replace(/^#\/components\/([^/]+)\/(.+)$/, `#/components/$1/${prefix}_$2`);

/** Deep copy with every local `$ref` (and discriminator mapping) pointed at prefixed components. */
function rewriteRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if ((key === '$ref' || key === '$dynamicRef') && typeof child === 'string') {
      out[key] = prefixRef(child, prefix);
    } else if (key === 'mapping' && isObject(child)) {
      out[key] = Object.fromEntries(
        Object.entries(child).map(([k, v]) => [k, typeof v === 'string' ? prefixRef(v, prefix) : v]),
      );
    } else {
      out[key] = rewriteRefs(child, prefix);
    }
  }
  return out;
}

/** An operation as the gateway serves it: service-unique operationId, the gateway's security. */
function publicOperation(operation: Json, prefix: string): Json {
  const { security: _security, servers: _servers, ...rest } = operation;
  const op = rewriteRefs(rest, prefix) as Json;
  if (typeof op.operationId === 'string') op.operationId = `${prefix}_${op.operationId}`;
  return op;
}

/** What {@link mergeOpenApi} adds besides the services' documents. */
export interface MergeExtras {
  /** Paths the gateway serves itself (the RPC bridge). */
  paths: Json;
  /** Schemas those paths use, by name. */
  schemas: Json;
  /** Per service: `ok`, or why its document is missing. */
  sources: Record<string, string>;
}

/**
 * One OpenAPI 3.1 document for the whole public API: each service's paths rewritten to their
 * public `/api/v1/…` paths (paths no route exposes are left out), components renamed
 * `<ServicePrefix>_<name>` so services never clash, and the gateway's bearer authentication.
 */
export function mergeOpenApi(
  documents: readonly ServiceDocument[],
  routes: readonly GatewayRoute[],
  extras: MergeExtras,
): Json {
  const paths: Json = { ...extras.paths };
  const components: Record<string, Json> = { schemas: { ...extras.schemas } };
  const tags = new Map<string, Json>();
  for (const { service, document } of documents) {
    const prefix = componentPrefix(service);
    for (const [servicePath, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
      const path = publicPath(routes, service, servicePath);
      if (!path || !isObject(item)) continue;
      const publicItem: Json = {};
      for (const [key, value] of Object.entries(item)) {
        if (HTTP_METHODS.has(key) && isObject(value)) publicItem[key] = publicOperation(value, prefix);
        else if (key === 'parameters' || key === 'summary' || key === 'description')
          publicItem[key] = rewriteRefs(value, prefix);
      }
      paths[path] = publicItem;
    }
    for (const [kind, entries] of Object.entries(isObject(document.components) ? document.components : {})) {
      if (kind === 'securitySchemes' || !isObject(entries)) continue;
      const target = (components[kind] ??= {});
      for (const [name, value] of Object.entries(entries))
        target[`${prefix}_${name}`] = rewriteRefs(value, prefix);
    }
    for (const tag of Array.isArray(document.tags) ? document.tags : []) {
      if (isObject(tag) && typeof tag.name === 'string' && !tags.has(tag.name)) tags.set(tag.name, tag);
    }
  }
  components.securitySchemes = {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An access token from `POST /api/v1/auth/login` (operators: `/api/v1/operator-auth/login`), ' +
        'an API token (`haat_…`), or on platform routes the bootstrap operator token. A token is ' +
        'valid only on the host of the tenant it was issued in (operators: the platform host).',
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Haat API',
      version: '1',
      description:
        'Every public endpoint of the platform, through the gateway. Tenant routes answer on the shop’s host ' +
        '(`<slug>.<base domain>` or a verified custom domain); platform routes on the base domain.',
    },
    servers: [{ url: '/' }],
    tags: [...tags.values()],
    security: [{}, { bearerAuth: [] }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components,
    'x-haat-sources': extras.sources,
  };
}
