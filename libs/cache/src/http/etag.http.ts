import { createHash } from 'node:crypto';

/**
 * A strong ETag for a response body: `"<base64url SHA-256 of the bytes>"`. Strong because it
 * changes with any byte; a proxy that compresses the body (nginx `gzip`) weakens it to `W/"…"`
 * itself, which {@link isNotModified} still matches.
 */
export function etagFor(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** An entity-tag at the head of `rest`: optional `W/`, then a quoted opaque tag (commas allowed inside). */
const ENTITY_TAG = /^[\s,]*(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")\s*(?:,|$)/;

function opaqueTag(etag: string): string {
  return etag.startsWith('W/') ? etag.slice(2) : etag;
}

/**
 * Whether a GET/HEAD may answer 304: `If-None-Match` is `*`, or lists an entity-tag that matches
 * `etag` by the weak comparison RFC 9110 §13.1.2 prescribes (`W/"a"` matches `"a"`). A malformed
 * header never matches, so the client gets the full response.
 */
export function isNotModified(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(', ') : ifNoneMatch;
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const wanted = opaqueTag(etag);
  let rest = header;
  while (rest.trim() !== '') {
    const match = ENTITY_TAG.exec(rest);
    if (!match?.[1]) return false;
    if (match[1] === wanted) return true;
    rest = rest.slice(match[0].length);
  }
  return false;
}
