import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyBody,
  applyWithPayout,
  bankPayout,
  checkOf,
  goodDocuments,
  type SubmitJson,
  type VendorJson,
} from './support/vendor.fixtures.js';
import { startMediaStub, type MediaStub } from './support/media-stub.server.js';
import {
  applicant,
  type ErrorJson,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  tenantOwner,
  vendorOwner,
} from './support/vendor.harness.js';

let h: Harness;
let media: MediaStub;
const tenant = newId();

beforeAll(async () => {
  media = await startMediaStub(SIGNING_SECRET);
  h = await startHarness({ env: { MEDIA_SERVICE_URL: media.url } });
});
afterAll(async () => {
  await h?.close();
  await media?.close();
});

/** Documents whose files media-service has, ready. */
function uploaded(docs = goodDocuments()) {
  for (const d of docs) media.put(tenant, d.mediaAssetId, 'ready');
  return docs;
}

async function submit(id: string, who: ReturnType<typeof applicant>, documents: unknown[]) {
  const res = await h.call<SubmitJson>('POST', `/v1/vendors/${id}/submissions`, {
    as: who,
    body: { documents },
  });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

describe('compliance checks through the API', () => {
  it('passes a complete individual seller whose files media-service has', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    const result = await submit(id, seller, uploaded());
    expect(result.vendor.status).toBe('submitted');
    expect(checkOf(result.submission.checks, 'DOCUMENT_FILES')).toMatchObject({
      outcome: 'passed',
      reason: 'All 3 document files were found',
    });
    expect(media.unsigned).toBe(0);
  });

  it('names a file media-service does not have, or failed to process', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    const docs = uploaded();
    media.put(tenant, docs[1]!.mediaAssetId, 'failed', 'not an image or PDF');
    docs[2] = { ...docs[2]!, mediaAssetId: newId() };
    const { submission } = await submit(id, seller, docs);
    expect(checkOf(submission.checks, 'DOCUMENT_FILES').findings).toEqual([
      { field: 'documents.1.mediaAssetId', rule: 'the file could not be processed (not an image or PDF)' },
      { field: 'documents.2.mediaAssetId', rule: 'no such uploaded file' },
    ]);
  });

  it('does not accept another tenant’s file', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    const docs = uploaded();
    const foreign = newId();
    media.put(newId(), foreign, 'ready');
    docs[0] = { ...docs[0]!, mediaAssetId: foreign };
    const { submission } = await submit(id, seller, docs);
    expect(checkOf(submission.checks, 'DOCUMENT_FILES').findings.map((f) => f.field)).toEqual([
      'documents.0.mediaAssetId',
    ]);
  });

  it('names the documents a company must add', async () => {
    const seller = applicant(tenant);
    const { json: vendor } = await h.call<VendorJson>('POST', '/v1/vendors', {
      as: seller,
      body: { ...applyBody(), businessType: 'company', legalName: 'Rahim Traders Ltd' },
    });
    await h.call('PUT', `/v1/vendors/${vendor.id}/payout-account`, { as: seller, body: bankPayout });
    const { submission } = await submit(vendor.id, seller, uploaded());
    const required = checkOf(submission.checks, 'REQUIRED_DOCUMENTS');
    expect(required.outcome).toBe('failed');
    expect(required.reason).toBe(
      'Missing BIN (VAT registration) certificate, certificate of incorporation (RJSC): ' +
        'documents: a BIN (VAT registration) certificate is required for a company business; ' +
        'documents: a certificate of incorporation (RJSC) is required for a company business',
    );
  });

  it('refuses an expired trade licence by the service clock', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    h.clock.set(new Date('2026-07-01T00:00:00Z'));
    try {
      const { submission, vendor } = await submit(id, seller, uploaded());
      expect(vendor.status).toBe('checks_failed');
      expect(checkOf(submission.checks, 'TRADE_LICENCE').findings).toEqual([
        { field: 'documents.1.expiresOn', rule: 'the licence expired on 2026-06-30; renew it' },
      ]);
    } finally {
      h.clock.set(new Date('2026-03-10T09:00:00Z'));
    }
  });

  it('names the field and the rule of malformed TIN and BIN numbers', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    const docs = uploaded([
      ...goodDocuments().map((d) => (d.type === 'tin_certificate' ? { ...d, number: '12345678901' } : d)),
      {
        type: 'bin_certificate',
        mediaAssetId: newId(),
        holderName: 'Rahim Traders',
        number: '00012345-0101',
      },
    ]);
    const { submission } = await submit(id, seller, docs);
    expect(checkOf(submission.checks, 'TIN_FORMAT').findings).toEqual([
      { field: 'documents.2.number', rule: 'TIN (e-TIN) must be 12 digits' },
    ]);
    expect(checkOf(submission.checks, 'BIN_FORMAT').findings).toEqual([
      { field: 'documents.3.number', rule: 'BIN (VAT registration) must be 13 digits' },
    ]);
  });

  it('requires a payout account before submitting', async () => {
    const seller = applicant(tenant);
    const { json: vendor } = await h.call<VendorJson>('POST', '/v1/vendors', {
      as: seller,
      body: applyBody(),
    });
    const { submission } = await submit(vendor.id, seller, uploaded());
    expect(checkOf(submission.checks, 'PAYOUT_ACCOUNT')).toMatchObject({
      outcome: 'failed',
      reason:
        'No payout account: payoutAccount: add a bank account or a bKash/Nagad wallet before submitting',
    });
  });

  it('refuses a payout account in another person’s name', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    await h.call('PUT', `/v1/vendors/${id}/payout-account`, {
      as: seller,
      body: { ...bankPayout, holderName: 'Karim Hossain' },
    });
    const { submission } = await submit(id, seller, uploaded());
    const names = checkOf(submission.checks, 'NAME_MATCH');
    expect(names.findings).toEqual([
      {
        field: 'payoutAccount.holderName',
        rule: expect.stringContaining(
          'the name "Karim Hossain" on the payout account matches neither the owner "Md. Rahim Uddin" nor the business "Rahim Traders"',
        ),
      },
    ]);
  });

  it('finds a blocklisted NID and wallet, however they were typed, without revealing the marketplace’s note', async () => {
    const owner = tenantOwner(tenant);
    const nid = await h.call<{ valueHint: string }>('POST', '/v1/vendors/blocklist', {
      as: owner,
      body: { kind: 'nid', value: '1990-1234-56789', reason: 'Chargeback fraud in 2025' },
    });
    expect(nid.status).toBe(201);
    expect(nid.json.valueHint).toBe('••••••••••789');
    await h.call('POST', '/v1/vendors/blocklist', {
      as: owner,
      body: { kind: 'phone', value: '+8801812345678', reason: 'Fake store' },
    });
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    const { submission, vendor } = await submit(id, seller, uploaded());
    expect(vendor.status).toBe('checks_failed');
    const blocked = checkOf(submission.checks, 'BLOCKLIST');
    expect(blocked.findings).toEqual([
      { field: 'documents.0.number', rule: 'this NID is on the marketplace’s blocklist' },
      { field: 'payoutAccount.walletNumber', rule: 'this phone number is on the marketplace’s blocklist' },
    ]);
    expect(JSON.stringify(submission)).not.toContain('Chargeback');
    // The value itself is not stored: only its keyed hash and the masked hint.
    const rows = await h.raw<{ value_hash: string; value_hint: string }>(
      'select value_hash, value_hint from vendor_blocklist',
    );
    expect(JSON.stringify(rows)).not.toContain('1990123456789');
    // Cleared from the blocklist, a resubmission passes: every check runs again.
    const list = await h.call<{ items: { id: string }[] }>('GET', '/v1/vendors/blocklist', { as: owner });
    for (const entry of list.json.items) {
      expect((await h.call('DELETE', `/v1/vendors/blocklist/${entry.id}`, { as: owner })).status).toBe(204);
    }
    const again = await submit(id, seller, uploaded());
    expect(again.vendor.status).toBe('submitted');
    expect(checkOf(again.submission.checks, 'BLOCKLIST').outcome).toBe('passed');
  });

  it('answers 400 naming the rule for a malformed blocklist value, and 409 for a duplicate', async () => {
    const owner = tenantOwner(tenant);
    const bad = await h.call<ErrorJson>('POST', '/v1/vendors/blocklist', {
      as: owner,
      body: { kind: 'tin', value: '12345', reason: 'test entry' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      expect.objectContaining({ field: 'value', message: 'TIN (e-TIN) must be 12 digits' }),
    ]);
    const body = { kind: 'bank_account', value: '1051100099999', reason: 'test entry' };
    expect((await h.call('POST', '/v1/vendors/blocklist', { as: owner, body })).status).toBe(201);
    expect(
      (await h.call<ErrorJson>('POST', '/v1/vendors/blocklist', { as: owner, body })).json.error.code,
    ).toBe('VENDOR_BLOCKLIST_DUPLICATE');
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    expect(
      (await h.call<ErrorJson>('GET', '/v1/vendors/blocklist', { as: vendorOwner(tenant, id) })).json.error
        .code,
    ).toBe('PERMISSION_DENIED');
  });

  it('stores document numbers sealed, never in clear', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    await submit(id, seller, uploaded());
    const rows = await h.raw<{ number_sealed: string; number_hint: string }>(
      'select number_sealed, number_hint from vendor_documents where vendor_id = $1',
      [id],
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.number_sealed).toMatch(/^v1\./);
      expect(r.number_sealed).not.toContain('123456789012');
      expect(r.number_hint).toMatch(/^•+/);
    }
  });

  it('answers 503 and records nothing when media-service is down', async () => {
    const seller = applicant(tenant);
    const down = await startHarness({
      env: { MEDIA_SERVICE_URL: 'http://127.0.0.1:9', MEDIA_SERVICE_TIMEOUT: '500ms' },
    });
    try {
      const vendorId = await applyWithPayout(down, seller);
      const res = await down.call<ErrorJson>('POST', `/v1/vendors/${vendorId}/submissions`, {
        as: seller,
        body: { documents: goodDocuments() },
      });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toMatch(/^UPSTREAM_/);
      expect(
        (await down.call<VendorJson>('GET', `/v1/vendors/${vendorId}`, { as: seller })).json.status,
      ).toBe('applied');
    } finally {
      await down.close();
    }
  });
});
