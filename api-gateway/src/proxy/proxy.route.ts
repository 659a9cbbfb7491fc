import { InternalError } from '@haat/common';
import { SpanKind, startSpan } from '@haat/observability';
import type { HttpMethod, ServiceClient, ServiceResponse } from '@haat/resilience';
import { signInternalRequest } from '@haat/tenant';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdmittedRequest } from '../edge/request-state.js';
import type { AdmissionTarget, RequestAdmission } from '../edge/request-admission.js';
import { outgoingTraceparent } from '../identity/traceparent.js';
import type { GatewayRoute } from '../routing/route.schema.js';
import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers.js';
import { upstreamTarget } from './upstream-target.js';

const PROXIED_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** What a proxied route needs besides its table entry. */
export interface ProxyRouteDeps {
  admission: RequestAdmission;
  client: ServiceClient;
  signingSecret: string;
  /** Told about every upstream answer (status) or failure (error code). */
  onUpstreamResult?: (service: string, outcome: string) => void;
}

export function admittedOf(request: FastifyRequest): AdmittedRequest {
  if (!request.haatAdmitted) {
    throw new InternalError('GATEWAY_NOT_ADMITTED', 'A proxied request skipped admission');
  }
  return request.haatAdmitted;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Registers one routing-table entry: `prefix` and everything below it, every method but
 * OPTIONS (CORS preflights are the CORS plugin's). Admission runs before the body is read; the
 * body arrives as the exact bytes to sign and forward.
 */
export function registerProxyRoute(app: FastifyInstance, route: GatewayRoute, deps: ProxyRouteDeps): void {
  const target: AdmissionTarget = {
    id: route.prefix,
    scope: route.scope,
    perClientPerMinute: route.perClientPerMinute,
  };
  const headerPolicy = { cookies: route.cookies === true };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const admitted = admittedOf(request);
    const method = request.method as HttpMethod;
    const path = upstreamTarget(route, request.url);
    const headers = upstreamRequestHeaders(
      request.headers,
      {
        clientIp: request.ip,
        protocol: request.protocol,
        host: admitted.host,
      },
      headerPolicy,
    );
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    // A client that goes away cancels its upstream call (and each call gets its own signal).
    const cancel = new AbortController();
    const onClose = () => {
      if (!reply.raw.writableEnded) cancel.abort();
    };
    reply.raw.once('close', onClose);
    let response: ServiceResponse;
    try {
      response = await startSpan(
        `${method} ${route.prefix}`,
        () => {
          const context = {
            ...admitted.context,
            traceparent: outgoingTraceparent(request.headers.traceparent),
          };
          const signed = signInternalRequest({ method, path, body, context, secret: deps.signingSecret });
          return deps.client.request({
            method,
            path,
            headers: { ...headers, ...signed },
            body,
            signal: cancel.signal,
          });
        },
        { traceparent: firstHeader(request.headers.traceparent), kind: SpanKind.SERVER },
      );
    } catch (error) {
      if (cancel.signal.aborted) {
        deps.onUpstreamResult?.(route.service, 'CLIENT_CLOSED_REQUEST');
        request.log.info(
          { method, url: request.url.split('?')[0], upstream: route.service },
          'client closed the request; upstream call cancelled',
        );
        // Nobody is listening any more; 499 is what nginx records for it.
        return reply.code(499).send();
      }
      deps.onUpstreamResult?.(route.service, (error as { code?: string }).code ?? 'error');
      throw error;
    } finally {
      reply.raw.off('close', onClose);
    }
    deps.onUpstreamResult?.(route.service, String(response.status));
    void reply.code(response.status).headers(clientResponseHeaders(response.headers, headerPolicy));
    return method === 'HEAD' || NO_BODY_STATUSES.has(response.status)
      ? reply.send()
      : reply.send(response.body);
  };

  for (const url of [route.prefix, `${route.prefix}/*`]) {
    app.route({
      method: [...PROXIED_METHODS],
      url,
      exposeHeadRoute: false,
      onRequest: async (request, reply) => {
        await deps.admission.admit(request, reply, target);
      },
      handler,
    });
  }
}
