import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Special-use names (RFC 6761, RFC 6762, RFC 8375, RFC 9476) and ICANN's private-use `internal`:
 * none of them can be a storefront on the public internet.
 */
const NON_PUBLIC_TLDS = new Set([
  'localhost',
  'local',
  'test',
  'invalid',
  'example',
  'internal',
  'onion',
  'arpa',
  'alt',
]);

/** A DNS host name in lower case: dot-separated labels of letters, digits and inner hyphens. */
export function isDnsName(host: string): boolean {
  return host.length > 0 && host.length <= 253 && host.split('.').every((label) => LABEL.test(label));
}

/**
 * The host a caller means, the way the directory stores it: trimmed, lower case, without a
 * port or trailing dot, Unicode converted to punycode. Undefined when it is not a DNS name
 * (IP literals included).
 */
export function normalizeHost(raw: string): string | undefined {
  let host = raw
    .trim()
    .toLowerCase()
    .replace(/:\d{1,5}$/, '');
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (isIP(host)) return undefined;
  const ascii = /^[\x21-\x7e]*$/.test(host) ? host : domainToASCII(host);
  return ascii && isDnsName(ascii) ? ascii : undefined;
}

/** Whether `host` is `domain` itself or a name below it. */
export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Why `host` (already normalised) cannot be a tenant's custom domain, or undefined when it can:
 * it must be a public name of at least two labels, not under the platform's own base domain.
 */
export function customDomainProblem(host: string, baseDomain: string): string | undefined {
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !TOP_LEVEL_LABEL.test(tld))
    return 'must be a public host name like shop.example.com';
  if (NON_PUBLIC_TLDS.has(tld)) return `.${tld} names are not reachable on the public internet`;
  if (isUnder(host, baseDomain)) return `names under ${baseDomain} are platform subdomains`;
  return undefined;
}

/** `<slug>.<base domain>`: the host every tenant answers at without any set-up. */
export function platformSubdomain(slug: string, baseDomain: string): string {
  return `${slug}.${baseDomain}`;
}
