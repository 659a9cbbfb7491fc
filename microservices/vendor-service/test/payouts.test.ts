import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_VENDOR_ENCRYPTION_KEY } from '../src/config/vendor-service.config.js';
import { EnvelopeCipher, SealedDataError } from '../src/infrastructure/crypto/envelope.cipher.js';
import { applyWithPayout, approvedVendor, bankPayout, type VendorJson } from './support/vendor.fixtures.js';
import {
  applicant,
  type ErrorJson,
  type Harness,
  startHarness,
  tenantStaff,
  vendorOwner,
} from './support/vendor.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface PayoutJson {
  method: string;
  maskedDestination: string;
  holderName: string;
  bankName: string | null;
  status: string;
  version: number;
  schedule: string;
  minimumPayout: { amountMinor: string; currency: string };
}

describe('payout configuration', () => {
  it('stores the account and routing numbers only encrypted, and answers them masked', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    const put = await h.call<PayoutJson>('PUT', `/v1/vendors/${id}/payout-account`, {
      as: seller,
      body: bankPayout,
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      method: 'bank',
      bankName: 'Dutch-Bangla Bank',
      maskedDestination: '••••••••••345',
      status: 'pending_verification',
      schedule: 'monthly',
      minimumPayout: { amountMinor: '50000', currency: 'BDT' },
    });
    expect(put.text).not.toContain('1051100012345');
    expect(put.text).not.toContain('090261724');

    const [row] = await h.raw<Record<string, unknown>>(
      'select * from vendor_payout_accounts where vendor_id = $1',
      [id],
    );
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('1051100012345');
    expect(stored).not.toContain('090261724');
    expect(String(row?.details_sealed)).toMatch(/^v1\.[0-9a-f]{8}\.(?:[A-Za-z0-9_-]+\.){5}[A-Za-z0-9_-]+$/);

    // It is the payout under the configured key, bound to this tenant and vendor: it opens only there.
    const cipher = new EnvelopeCipher(EMBEDDED_VENDOR_ENCRYPTION_KEY);
    const sealed = String(row?.details_sealed);
    expect(JSON.parse(cipher.open(sealed, `${tenant}:${id}:payout-account`))).toEqual({
      accountNumber: '1051100012345',
      routingNumber: '090261724',
    });
    expect(() => cipher.open(sealed, `${tenant}:${newId()}:payout-account`)).toThrow(SealedDataError);
  });

  it('puts a changed account back to verification, announced with the masked destination only', async () => {
    const owner = applicant(tenant);
    const id = await approvedVendor(h, tenant, owner);
    expect(
      (await h.call<PayoutJson>('GET', `/v1/vendors/${id}/payout-account`, { as: owner })).json.status,
    ).toBe('verified');

    const changed = await h.call<PayoutJson>('PUT', `/v1/vendors/${id}/payout-account`, {
      as: owner,
      body: bankPayout,
    });
    expect(changed.json).toMatchObject({ status: 'pending_verification', version: 2 });
    const events = await h.outbox<Record<string, unknown>>('vendor.payout-account-changed.v1', id);
    expect(events.at(-1)?.payload).toEqual({
      vendorId: id,
      method: 'bank',
      maskedDestination: '••••••••••345',
      status: 'pending_verification',
      schedule: 'monthly',
      minimumPayout: { amountMinor: '50000', currency: 'BDT' },
      changedBy: owner.userId,
    });
    expect(JSON.stringify(events)).not.toContain('1051100012345');

    // The vendor cannot verify its own change; a reviewer can, once the checks pass again.
    const self = await h.call<ErrorJson>('POST', `/v1/vendors/${id}/payout-account/verify`, { as: owner });
    expect(self.json.error.code).toBe('PERMISSION_DENIED');
    const verified = await h.call<PayoutJson>('POST', `/v1/vendors/${id}/payout-account/verify`, {
      as: tenantStaff(tenant),
    });
    expect(verified.json).toMatchObject({ status: 'verified', version: 2 });
    const twice = await h.call<ErrorJson>('POST', `/v1/vendors/${id}/payout-account/verify`, {
      as: tenantStaff(tenant),
    });
    expect(twice.json.error.code).toBe('VENDOR_PAYOUT_ACCOUNT_ALREADY_VERIFIED');
    expect((await h.outbox('vendor.payout-account-verified.v1', id)).length).toBe(2);
  });

  it('refuses to verify an account in someone else’s name, saying why', async () => {
    const owner = applicant(tenant);
    const id = await approvedVendor(h, tenant, owner);
    await h.call('PUT', `/v1/vendors/${id}/payout-account`, {
      as: owner,
      body: { ...bankPayout, holderName: 'Karim Hossain' },
    });
    const res = await h.call<ErrorJson>('POST', `/v1/vendors/${id}/payout-account/verify`, {
      as: tenantStaff(tenant),
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('VENDOR_PAYOUT_ACCOUNT_CHECKS_FAILED');
    expect(res.json.error.message).toContain('payoutAccount.holderName');
    const { json } = await h.call<PayoutJson>('GET', `/v1/vendors/${id}/payout-account`, {
      as: vendorOwner(tenant, id),
    });
    expect(json.status).toBe('pending_verification');
  });

  it('answers 404 before any account is set, and only masked fields after', async () => {
    const seller = applicant(tenant);
    const { json: vendor } = await h.call<VendorJson>('POST', '/v1/vendors', {
      as: seller,
      body: {
        legalName: 'Nagad Seller',
        ownerName: 'Nasrin Akter',
        businessType: 'individual',
        contactEmail: 'n@example.com',
        contactPhone: '01911000000',
        address: { line1: 'Road 1', city: 'Sylhet', district: 'Sylhet' },
        store: { name: 'Nasrin Crafts', slug: `nasrin-${newId().slice(-6)}` },
      },
    });
    expect(
      (await h.call<ErrorJson>('GET', `/v1/vendors/${vendor.id}/payout-account`, { as: seller })).json.error
        .code,
    ).toBe('VENDOR_PAYOUT_ACCOUNT_NOT_FOUND');
    const put = await h.call<PayoutJson>('PUT', `/v1/vendors/${vendor.id}/payout-account`, {
      as: seller,
      body: { method: 'nagad', holderName: 'Nasrin Akter', walletNumber: '+8801911000000' },
    });
    expect(put.json).toMatchObject({ method: 'nagad', maskedDestination: '019•••••000', bankName: null });
  });
});
