import { createHash } from 'node:crypto';

/**
 * Hex SHA-256 of method, path (with query) and the exact body bytes. A retry resends the same
 * request, so byte equality is the test: a body serialised differently is a different request.
 */
export function fingerprintRequest(method: string, path: string, body: Buffer | string | undefined): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n`)
    .update(body ?? '')
    .digest('hex');
}
