/** Header names of a signed internal request. Clients can never set them: the gateway drops them. */
export const INTERNAL_HEADERS = {
  tenantId: 'x-haat-tenant-id',
  userId: 'x-haat-user-id',
  roles: 'x-haat-roles',
  permissions: 'x-haat-permissions',
  vendorIds: 'x-haat-vendor-ids',
  sessionId: 'x-haat-session-id',
  requestId: 'x-request-id',
  traceparent: 'traceparent',
  timestamp: 'x-haat-timestamp',
  signature: 'x-haat-signature',
} as const;

/** Headers a client must never be able to send through the gateway. */
export const FORBIDDEN_CLIENT_HEADER_PREFIXES = ['x-haat-'] as const;
export const FORBIDDEN_CLIENT_HEADERS = [
  'x-tenant-id',
  'x-user-id',
  'x-user-roles',
  'x-roles',
  'x-permissions',
  'x-internal-signature',
] as const;

export function isForbiddenClientHeader(name: string): boolean {
  const n = name.toLowerCase();
  return (
    FORBIDDEN_CLIENT_HEADER_PREFIXES.some((p) => n.startsWith(p)) ||
    (FORBIDDEN_CLIENT_HEADERS as readonly string[]).includes(n)
  );
}
