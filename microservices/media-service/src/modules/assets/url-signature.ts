import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed URL grants: one action on one asset of one tenant until `expires` (unix ms). */
export interface UrlGrant {
  action: 'upload' | 'download';
  tenantId: string;
  assetId: string;
  expires: number;
}

function mac(secret: string, g: UrlGrant): string {
  return createHmac('sha256', secret)
    .update(['media', g.action, g.tenantId, g.assetId, String(g.expires)].join('\n'))
    .digest('hex');
}

/** The signature of a direct-upload or download URL (HMAC-SHA256 with the signing secret). */
export function signUrl(secret: string, grant: UrlGrant): string {
  return mac(secret, grant);
}

/** True when `signature` was made for exactly `grant` with one of `secrets`. */
export function verifyUrl(secrets: readonly string[], grant: UrlGrant, signature: string): boolean {
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return secrets.some((s) => {
    const expected = Buffer.from(mac(s, grant), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** `?tenant=…&expires=…&signature=…` for a grant. */
export function signedQuery(secret: string, grant: UrlGrant): string {
  return new URLSearchParams({
    tenant: grant.tenantId,
    expires: String(grant.expires),
    signature: signUrl(secret, grant),
  }).toString();
}
