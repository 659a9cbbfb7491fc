import { ForbiddenError, NotFoundError, renderError } from '@haat/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

function isPreflight(request: FastifyRequest): boolean {
  return (
    request.method === 'OPTIONS' &&
    request.headers.origin !== undefined &&
    request.headers['access-control-request-method'] !== undefined
  );
}

/**
 * Every error the gateway answers goes through `renderError`: the one error shape, the request
 * id, `Retry-After` when the error knows it. Unknown routes are 404 `ROUTE_NOT_FOUND`; a
 * preflight the CORS policy did not accept (it reaches no route) is 403 `CORS_ORIGIN_DENIED`.
 * A refused bearer token also gets `WWW-Authenticate` (RFC 6750 §3).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const rendered = renderError(error, request.id);
    if (rendered.unexpected) request.log.error({ err: error }, 'request failed unexpectedly');
    else if (rendered.status >= 500)
      request.log.warn({ code: rendered.body.error.code }, rendered.body.error.message);
    if (rendered.status === 401) {
      void reply.header('www-authenticate', 'Bearer realm="haat", error="invalid_token"');
    }
    return reply.code(rendered.status).headers(rendered.headers).send(rendered.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = isPreflight(request)
      ? new ForbiddenError('CORS_ORIGIN_DENIED', 'This origin may not call this API from a browser')
      : new NotFoundError(
          'ROUTE_NOT_FOUND',
          `No route for ${request.method} ${request.url.split('?')[0]}`.slice(0, 300),
        );
    const rendered = renderError(error, request.id);
    return reply.code(rendered.status).send(rendered.body);
  });
}
