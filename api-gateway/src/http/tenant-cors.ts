import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestAdmission } from '../edge/request-admission.js';

/** The origin's host when it is an http(s) origin, lower-cased; otherwise nothing. */
export function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CORS per tenant: on a shop's host, pages served from any of the tenant's domains (any port,
 * http or https) may call `/api/…`; on the platform host, pages on the platform hosts. Every
 * other origin gets no CORS headers (and its preflight a 403). Non-API paths answer no CORS.
 */
export async function registerTenantCors(app: FastifyInstance, admission: RequestAdmission): Promise<void> {
  await app.register(cors, {
    hook: 'onRequest',
    delegator: async (request: FastifyRequest) => {
      const origin = request.headers.origin;
      const host = origin ? originHost(origin) : undefined;
      if (!origin || !host || !request.url.startsWith('/api/')) return { origin: false };
      const allowed = await admission.allowedOriginHosts(request);
      return {
        origin: allowed.has(host) ? origin : false,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        credentials: true,
        exposedHeaders: ['x-request-id', 'ratelimit', 'ratelimit-policy', 'retry-after'],
        maxAge: 600,
      };
    },
  });
}
