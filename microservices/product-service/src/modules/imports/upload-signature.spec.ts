import { describe, expect, it } from 'vitest';
import { signUpload, verifyUpload } from './upload-signature.js';

const grant = {
  tenantId: '0190a4c6-1234-7abc-8def-0123456789ab',
  importId: '0190a4c6-1234-7abc-8def-0123456789ac',
  expires: 1_800_000_000_000,
};

describe('upload signatures', () => {
  it('accepts the signature it made, also with an older secret during rotation', () => {
    const sig = signUpload('secret-one-0123456789', grant);
    expect(verifyUpload(['secret-one-0123456789'], grant, sig)).toBe(true);
    expect(verifyUpload(['secret-two-0123456789', 'secret-one-0123456789'], grant, sig)).toBe(true);
  });

  it('refuses another tenant, import, expiry or a forged signature', () => {
    const sig = signUpload('secret-one-0123456789', grant);
    const secrets = ['secret-one-0123456789'];
    expect(verifyUpload(secrets, { ...grant, tenantId: grant.importId }, sig)).toBe(false);
    expect(verifyUpload(secrets, { ...grant, importId: grant.tenantId }, sig)).toBe(false);
    expect(verifyUpload(secrets, { ...grant, expires: grant.expires + 1 }, sig)).toBe(false);
    expect(verifyUpload(secrets, grant, 'not-hex')).toBe(false);
  });
});
