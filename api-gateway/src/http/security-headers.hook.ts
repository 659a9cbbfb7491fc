import type { FastifyInstance } from 'fastify';

/** Responses are JSON: nothing in them may load, run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response, errors included: no MIME sniffing, no framing, no
 * referrer, a CSP that allows nothing (a route serving HTML sets its own first), and HSTS when
 * the client reached us over HTTPS (directly, or through the trusted edge's X-Forwarded-Proto).
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', API_CSP);
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
