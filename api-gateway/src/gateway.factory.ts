import { readFile } from 'node:fs/promises';
import { InternalError } from '@haat/common';
import { createLogger, instrumentFastify } from '@haat/observability';
import type { ServiceClient } from '@haat/resilience';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { type GatewayConfig, platformHosts } from './config/gateway.config.js';
import { OpenApiAggregator } from './docs/openapi-aggregator.js';
import { registerDocsRoutes } from './docs/docs.routes.js';
import { RequestAdmission } from './edge/request-admission.js';
import './edge/request-state.js';
import { registerHealthRoutes } from './health/health.routes.js';
import { installErrorHandling } from './http/error.handler.js';
import { useRawBodyParsers } from './http/raw-body.parsers.js';
import { addSecurityHeaders } from './http/security-headers.hook.js';
import { registerTenantCors } from './http/tenant-cors.js';
import type { Authenticator } from './identity/authenticator.js';
import { setUpIdentity } from './identity/identity.setup.js';
import { requestIdFrom } from './identity/request-id.js';
import { createRateLimiter } from './limits/rate-limiter.factory.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { registerProxyRoute } from './proxy/proxy.route.js';
import { createUpstreamClients } from './proxy/upstream-clients.js';
import { validateRoutes } from './routing/route-table.validator.js';
import type { GatewayRoute } from './routing/route.schema.js';
import { ROUTES } from './routing/routes.js';
import { PUBLIC_RPC_METHODS, type PublicRpcMethod } from './rpc/public-rpc-methods.js';
import { registerRpcBridge } from './rpc/rpc-bridge.route.js';
import { setUpRpcBridge } from './rpc/rpc-bridge.setup.js';
import { TenantResolver } from './tenancy/tenant-resolver.js';

/** The service that resolves hosts to tenants. */
export const TENANT_DIRECTORY_SERVICE = 'tenant-service';
/** The service whose access tokens, API tokens and revocations the gateway checks. */
export const AUTH_SERVICE = 'auth-service';

/** What can be swapped when creating a gateway (tests, benchmarks, the next services). */
export interface GatewayOptions {
  /** The routing table; default {@link ROUTES}. */
  routes?: readonly GatewayRoute[];
  /** Public gRPC methods; default {@link PUBLIC_RPC_METHODS}. */
  rpcMethods?: readonly PublicRpcMethod[];
  /** Authenticators asked before the built-in ones (operator token, API tokens, access tokens). */
  authenticators?: readonly Authenticator[];
  /** Default: a pino logger for `api-gateway` at `LOG_LEVEL`. */
  logger?: Logger;
}

/** A gateway ready to listen; embedded mode runs it in-process, distributed mode from `main.ts`. */
export interface Gateway {
  app: FastifyInstance;
  /**
   * Listens on `HTTP_HOST:PORT` (connecting Redis and loading the revoked-session list first —
   * neither failure stops it); resolves to the URL.
   */
  listen(): Promise<string>;
  close(): Promise<void>;
}

async function tlsOptions(config: GatewayConfig): Promise<{ cert: Buffer; key: Buffer } | null> {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return null;
  const [cert, key] = await Promise.all([readFile(config.TLS_CERT_FILE), readFile(config.TLS_KEY_FILE)]);
  return { cert, key };
}

/** Builds the gateway: edge checks, routing table, RPC bridge, health, metrics and docs. */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const routes = validateRoutes(options.routes ?? ROUTES);
  const rpcMethods = options.rpcMethods ?? PUBLIC_RPC_METHODS;
  const logger = options.logger ?? createLogger({ service: 'api-gateway', level: config.LOG_LEVEL });
  const loggerInstance: FastifyBaseLogger = logger;
  const https = await tlsOptions(config);

  const app = Fastify({
    loggerInstance,
    https,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    // One access line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    return503OnClosing: true,
  });

  const metrics = new GatewayMetrics();
  instrumentFastify(app, metrics.service);
  installErrorHandling(app);
  addSecurityHeaders(app);
  app.decorateRequest('haatTenantLookup', null);
  app.decorateRequest('haatAdmitted', null);

  const httpServices = new Set([TENANT_DIRECTORY_SERVICE, AUTH_SERVICE, ...routes.map((r) => r.service)]);
  const clients = createUpstreamClients(config, httpServices);
  for (const client of clients.values()) {
    metrics.setBreakerState(client.name, client.breakerState);
    client.onStateChange((state) => {
      metrics.setBreakerState(client.name, state);
      logger.warn({ upstream: client.name, state }, `circuit ${state} for ${client.name}`);
    });
  }
  const clientOf = (service: string): ServiceClient => {
    const client = clients.get(service);
    if (!client) throw new InternalError('GATEWAY_UPSTREAM_UNCONFIGURED', `No client for ${service}`);
    return client;
  };

  const tenants = new TenantResolver({
    directory: clientOf(TENANT_DIRECTORY_SERVICE),
    signingSecret: config.INTERNAL_SIGNING_SECRET,
    maxEntries: 10_000,
    ttlMs: config.TENANT_CACHE_TTL,
    negativeTtlMs: config.TENANT_NEGATIVE_CACHE_TTL,
    onLookup: (source, found) => metrics.recordTenantLookup(source, found),
  });
  const identity = setUpIdentity(config, {
    authService: clientOf(AUTH_SERVICE),
    logger,
    metrics,
    extra: options.authenticators,
  });
  const { limiter, redis } = createRateLimiter(config, logger);
  const admission = new RequestAdmission({
    platformHosts: platformHosts(config),
    tenants,
    authenticators: identity.authenticators,
    limiter,
    limits: {
      ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
      userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
    },
    onRateLimited: (policies) => metrics.recordRateLimited(policies),
  });

  await registerTenantCors(app, admission);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        tenantId: request.haatAdmitted?.tenant?.tenantId,
      },
      'request completed',
    );
  });

  const serviceUrls = new Map([...httpServices].map((s) => [s, config.upstreams[s]?.url ?? '']));
  registerHealthRoutes(app, {
    services: serviceUrls,
    checks: redis ? { redis: () => redis.ping() } : {},
  });
  app.get('/metrics', async (_request, reply) => {
    const rendered = await metrics.service.render();
    return reply.type(rendered.contentType).header('cache-control', 'no-store').send(rendered.body);
  });

  const bridge = setUpRpcBridge(config, rpcMethods);
  const aggregator = new OpenApiAggregator({
    services: serviceUrls,
    routes,
    own: bridge.openapi,
    ttlMs: config.OPENAPI_CACHE_TTL,
  });
  await registerDocsRoutes(app, aggregator);

  await app.register(async (api) => {
    useRawBodyParsers(api);
    for (const route of routes) {
      registerProxyRoute(api, route, {
        admission,
        client: clientOf(route.service),
        signingSecret: config.INTERNAL_SIGNING_SECRET,
        onUpstreamResult: (service, outcome) => metrics.recordUpstreamResult(service, outcome),
      });
    }
    registerRpcBridge(api, {
      admission,
      methods: bridge.methods,
      signingSecret: config.INTERNAL_SIGNING_SECRET,
    });
  });

  return {
    app,
    async listen() {
      if (redis && !(await redis.connect())) {
        logger.warn('Redis is unreachable at start-up; rate limits fail open until it answers');
      }
      await identity.start();
      return app.listen({ port: config.PORT, host: config.HTTP_HOST });
    },
    async close() {
      await app.close();
      await identity.stop();
      await Promise.all([...clients.values()].map((c) => c.close()));
      for (const upstream of bridge.upstreams) upstream.close();
      await limiter?.close();
    },
  };
}
