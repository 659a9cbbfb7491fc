import { ValidationError } from '@haat/common';
import type { FastifyInstance } from 'fastify';

/** `application/json` and `application/<anything>+json`, with or without parameters. */
export const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

/**
 * Bodies stay the exact bytes the client sent (they are signed and forwarded as they are), up
 * to the instance's body limit (413 beyond). JSON bodies are checked to parse: malformed JSON
 * is a 400 `MALFORMED_JSON` at the edge instead of a round trip to a service.
 */
export function useRawBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_CONTENT_TYPE, { parseAs: 'buffer' }, (_request, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length > 0) {
      try {
        JSON.parse(bytes.toString('utf8'));
      } catch {
        done(new ValidationError('MALFORMED_JSON', 'Request body is not valid JSON'), undefined);
        return;
      }
    }
    done(null, bytes);
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
