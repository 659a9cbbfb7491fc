import { ValidationError } from '@haat/common';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS host name (lower case): dot-separated labels of letters, digits and inner hyphens. */
export function isValidHostName(host: string): boolean {
  return host.length > 0 && host.length <= 253 && host.split('.').every((label) => LABEL.test(label));
}

/**
 * The host a request is for, from its `Host` header: port stripped, lower-cased, a trailing
 * dot dropped. Anything that is not a DNS name (missing, IP-literal brackets, junk) is a 400
 * `HOST_INVALID`, so it never reaches the tenant lookup or a cache key.
 */
export function hostFromHeader(header: string | undefined): string {
  const raw = (header ?? '').trim().toLowerCase();
  const withoutPort = raw.replace(/:\d{1,5}$/, '');
  const host = withoutPort.endsWith('.') ? withoutPort.slice(0, -1) : withoutPort;
  if (!isValidHostName(host)) {
    throw new ValidationError('HOST_INVALID', 'The Host header is not a valid host name', {
      host: raw.slice(0, 100),
    });
  }
  return host;
}
