import { Resolver } from 'node:dns/promises';

/** Looks up TXT records: `node:dns` in production, pointed at a local DNS server in tests. */
export interface TxtRecordResolver {
  /** Each record as its character-strings (a long TXT record arrives in 255-byte chunks). */
  resolveTxt(name: string): Promise<string[][]>;
}

export const TXT_RECORD_RESOLVER = Symbol.for('haat.tenant-service.txt-record-resolver');

export interface TxtRecordResolverOptions {
  /** `ip` or `ip:port` (`[ipv6]:port`); the system's resolvers when empty. */
  servers: readonly string[];
  timeoutMs: number;
}

/** A resolver of its own, so the configured servers never change the process-wide `dns` ones. */
export function createTxtRecordResolver(options: TxtRecordResolverOptions): TxtRecordResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 2 });
  if (options.servers.length > 0) resolver.setServers([...options.servers]);
  return resolver;
}

/** DNS answers that mean "there is no such record", as opposed to "DNS could not answer". */
const ABSENT_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export function isAbsentRecordError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && ABSENT_CODES.has(String((err as { code?: unknown }).code))
  );
}
