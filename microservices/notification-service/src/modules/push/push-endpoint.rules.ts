import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::ffff:0:0', 96],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/**
 * Why a push endpoint is refused, or undefined when it is acceptable: push services are public
 * HTTPS servers, so an endpoint on a loopback, private or link-local address (or `localhost`)
 * would only let a subscriber make this service POST into its own network. Host names are not
 * resolved here; the refusal covers literal addresses.
 */
export function pushEndpointProblem(endpoint: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not be a local address';
  const family = isIP(host);
  if (family !== 0 && PRIVATE.check(host, family === 6 ? 'ipv6' : 'ipv4'))
    return 'must not be a private address';
  return undefined;
}

/** RFC 8291 keys: `p256dh` an uncompressed P-256 point (65 bytes), `auth` 16 bytes, base64url. */
export function pushKeyProblem(name: 'p256dh' | 'auth', value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return 'must be base64url';
  const bytes = Buffer.from(value, 'base64url');
  if (name === 'p256dh' && (bytes.length !== 65 || bytes[0] !== 0x04))
    return 'must be a 65-byte P-256 public key';
  if (name === 'auth' && bytes.length !== 16) return 'must be 16 bytes';
  return undefined;
}
