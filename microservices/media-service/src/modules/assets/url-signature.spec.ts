import { describe, expect, it } from 'vitest';
import { signUrl, verifyUrl } from './url-signature.js';

const grant = {
  action: 'download' as const,
  tenantId: '0190a4c6-1234-7abc-8def-0123456789ab',
  assetId: '0190a4c6-1234-7abc-8def-0123456789ac',
  expires: 1_800_000_000_000,
};

describe('signed media URLs', () => {
  it('verifies its own signature and refuses it for another action, tenant, asset or expiry', () => {
    const sig = signUrl('secret-0123456789abcdef', grant);
    const secrets = ['secret-0123456789abcdef'];
    expect(verifyUrl(secrets, grant, sig)).toBe(true);
    expect(verifyUrl(secrets, { ...grant, action: 'upload' }, sig)).toBe(false);
    expect(verifyUrl(secrets, { ...grant, tenantId: grant.assetId }, sig)).toBe(false);
    expect(verifyUrl(secrets, { ...grant, assetId: grant.tenantId }, sig)).toBe(false);
    expect(verifyUrl(secrets, { ...grant, expires: grant.expires + 1 }, sig)).toBe(false);
    expect(verifyUrl(['other-secret-0123456789'], grant, sig)).toBe(false);
  });
});
