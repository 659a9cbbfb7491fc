import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an upload URL grants: one file for one import of one tenant, until `expires` (unix ms). */
export interface UploadGrant {
  tenantId: string;
  importId: string;
  expires: number;
}

function mac(secret: string, grant: UploadGrant): string {
  return createHmac('sha256', secret)
    .update(['product-import-upload', grant.tenantId, grant.importId, String(grant.expires)].join('\n'))
    .digest('hex');
}

/** The signature of an upload URL (HMAC-SHA256 with the service's signing secret). */
export function signUpload(secret: string, grant: UploadGrant): string {
  return mac(secret, grant);
}

/** True when `signature` was made for `grant` with one of `secrets` (current or being rotated out). */
export function verifyUpload(secrets: readonly string[], grant: UploadGrant, signature: string): boolean {
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return secrets.some((s) => {
    const expected = Buffer.from(mac(s, grant), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
