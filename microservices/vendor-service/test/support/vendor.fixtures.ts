import { newId } from '@haat/common';
import type { Caller, Harness } from './vendor.harness.js';

/** An application of an individual seller whose documents will all agree. */
export function applyBody(slug = `store-${newId().slice(-8)}`) {
  return {
    legalName: 'Rahim Traders',
    ownerName: 'Md. Rahim Uddin',
    businessType: 'individual',
    contactEmail: 'rahim@example.com',
    contactPhone: '+8801712345678',
    address: { line1: 'House 7, Road 3', city: 'Dhaka', district: 'Dhaka', postcode: '1209' },
    store: { name: 'Rahim’s Handicrafts', slug },
  };
}

/** A complete, valid document set for an individual seller (licence valid until 2026-06-30). */
export function goodDocuments() {
  return [
    { type: 'nid', mediaAssetId: newId(), holderName: 'Mohammad Rahim Uddin', number: '1990 1234 5678 9' },
    {
      type: 'trade_licence',
      mediaAssetId: newId(),
      holderName: 'Rahim Traders',
      number: 'TRAD/DNCC/012345/2025',
      issuedOn: '2025-07-01',
      expiresOn: '2026-06-30',
    },
    { type: 'tin_certificate', mediaAssetId: newId(), holderName: 'Rahim Uddin', number: '123456789012' },
  ];
}

export const bkashPayout = {
  method: 'bkash',
  holderName: 'Rahim Uddin',
  walletNumber: '01812-345678',
  schedule: 'weekly',
  minimumPayout: { amountMinor: '100000', currency: 'BDT' },
};

export const bankPayout = {
  method: 'bank',
  holderName: 'Rahim Traders',
  bankName: 'Dutch-Bangla Bank',
  branchName: 'Motijheel',
  accountNumber: '1051100012345',
  routingNumber: '090261724',
  schedule: 'monthly',
};

export interface VendorJson {
  id: string;
  status: string;
  canSell: boolean;
  statusReason: string | null;
  store: { name: string; slug: string; holidayMode: boolean };
  tier: string;
}

export interface CheckJson {
  code: string;
  outcome: string;
  reason: string;
  findings: { field: string; rule: string }[];
}

export interface SubmitJson {
  vendor: VendorJson;
  submission: {
    id: string;
    number: number;
    outcome: string;
    checks: CheckJson[];
    documents: { numberHint: string | null }[];
  };
}

/** Applies as `who` and sets a bKash payout account; returns the vendor id. */
export async function applyWithPayout(h: Harness, who: Caller, slug?: string): Promise<string> {
  const applied = await h.call<VendorJson>('POST', '/v1/vendors', { as: who, body: applyBody(slug) });
  if (applied.status !== 201) throw new Error(`apply failed: ${applied.status} ${applied.text}`);
  const payout = await h.call('PUT', `/v1/vendors/${applied.json.id}/payout-account`, {
    as: who,
    body: bkashPayout,
  });
  if (payout.status !== 200) throw new Error(`payout failed: ${payout.status} ${payout.text}`);
  return applied.json.id;
}

/** An approved vendor: applied, documents that pass, approved by the tenant's staff. */
export async function approvedVendor(
  h: Harness,
  tenantId: string,
  who: Caller,
  slug?: string,
): Promise<string> {
  const id = await applyWithPayout(h, who, slug);
  const submitted = await h.call<SubmitJson>('POST', `/v1/vendors/${id}/submissions`, {
    as: who,
    body: { documents: goodDocuments() },
  });
  if (submitted.json.vendor.status !== 'submitted') throw new Error(`checks failed: ${submitted.text}`);
  const approved = await h.call('POST', `/v1/vendors/${id}/approve`, {
    as: { tenantId, userId: 'reviewer', roles: ['tenant_staff'], permissions: [] },
    body: {},
  });
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.text}`);
  return id;
}

export function checkOf(checks: CheckJson[], code: string): CheckJson {
  const found = checks.find((c) => c.code === code);
  if (!found) throw new Error(`no check ${code}`);
  return found;
}
