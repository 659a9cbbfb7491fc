import { isIP } from 'node:net';
import { duration, list } from '@haat/config';
import type { PlatformConfig } from '@haat/config';
import { z } from 'zod';

/** `1.1.1.1`, `127.0.0.1:5353`, `::1` or `[::1]:5353`: what `dns.Resolver#setServers` takes. */
function isDnsServer(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  if (bracketed) return isIP(bracketed[1] ?? '') === 6 && Number(bracketed[2] ?? 53) <= 65_535;
  if (isIP(entry)) return true;
  const withPort = /^([\d.]+):(\d{1,5})$/.exec(entry);
  return withPort !== null && isIP(withPort[1] ?? '') === 4 && Number(withPort[2]) <= 65_535;
}

/** tenant-service's own variables, merged with the platform's by `startService`. */
export const TenantServiceConfigSchema = z.object({
  /** Every tenant answers at `<slug>.<HAAT_BASE_DOMAIN>`; `demo.localhost` in development. */
  HAAT_BASE_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'must be a DNS name')
    .default('localhost'),
  /** DNS servers for custom-domain verification (`ip` or `ip:port`); the system's when empty. */
  DNS_SERVERS: list().refine(
    (servers) => servers.every(isDnsServer),
    'must be IP addresses, optionally with :port',
  ),
  /** How long one DNS query may take before verification answers 503. */
  DNS_TIMEOUT: duration(3_000),
});

export type TenantServiceConfig = PlatformConfig & z.output<typeof TenantServiceConfigSchema>;
