import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyBody,
  applyWithPayout,
  checkOf,
  goodDocuments,
  type SubmitJson,
  type VendorJson,
} from './support/vendor.fixtures.js';
import {
  applicant,
  type ErrorJson,
  type Harness,
  startHarness,
  tenantOwner,
  tenantStaff,
} from './support/vendor.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface AuditJson {
  items: {
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorUserId: string | null;
    reason: string | null;
    at: string;
  }[];
}

describe('vendor onboarding', () => {
  it('goes apply → failed check → resubmission → approved → suspended → reinstated, audited and announced', async () => {
    const seller = applicant(tenant);
    const reviewer = tenantStaff(tenant);
    const id = await applyWithPayout(h, seller);

    // First submission: the NID is malformed and the TIN certificate is in someone else's name.
    const docs = goodDocuments();
    docs[0] = { ...docs[0]!, number: '12345' };
    docs[2] = { ...docs[2]!, holderName: 'Karim Hossain' };
    const first = await h.call<SubmitJson>('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: docs },
    });
    expect(first.status).toBe(200);
    expect(first.json.vendor.status).toBe('checks_failed');
    expect(first.json.submission.number).toBe(1);
    expect(checkOf(first.json.submission.checks, 'NID_FORMAT')).toMatchObject({
      outcome: 'failed',
      findings: [{ field: 'documents.0.number', rule: 'NID must be 10, 13 or 17 digits' }],
    });
    expect(checkOf(first.json.submission.checks, 'NAME_MATCH').findings[0]?.field).toBe(
      'documents.2.holderName',
    );
    expect(checkOf(first.json.submission.checks, 'TRADE_LICENCE').outcome).toBe('passed');

    // Not approvable while a check failed.
    const early = await h.call<ErrorJson>('POST', `/v1/vendors/${id}/approve`, { as: reviewer, body: {} });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('VENDOR_ILLEGAL_TRANSITION');
    expect(early.json.error.details).toMatchObject({ action: 'approve', from: 'checks_failed' });

    // The vendor sees every check with its reason.
    const shown = await h.call<SubmitJson['submission']>('GET', `/v1/vendors/${id}/compliance`, {
      as: seller,
    });
    expect(shown.json.checks.map((c) => c.code)).toEqual([
      'REQUIRED_DOCUMENTS',
      'DOCUMENT_FILES',
      'TRADE_LICENCE',
      'NID_FORMAT',
      'TIN_FORMAT',
      'BIN_FORMAT',
      'PAYOUT_ACCOUNT',
      'NAME_MATCH',
      'BLOCKLIST',
    ]);
    expect(checkOf(shown.json.checks, 'NID_FORMAT').reason).toContain(
      'documents.0.number: NID must be 10, 13 or 17 digits',
    );

    // Resubmission re-runs every check.
    const second = await h.call<SubmitJson>('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: goodDocuments() },
    });
    expect(second.json.vendor.status).toBe('submitted');
    expect(second.json.submission.number).toBe(2);
    expect(second.json.submission.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(second.json.submission.documents[0]?.numberHint).toBe('••••••••••789');

    const approved = await h.call<VendorJson>('POST', `/v1/vendors/${id}/approve`, {
      as: reviewer,
      body: { reason: 'Documents verified by phone' },
    });
    expect(approved.json).toMatchObject({ status: 'approved', canSell: true });
    const payout = await h.call<{ status: string }>('GET', `/v1/vendors/${id}/payout-account`, {
      as: seller,
    });
    expect(payout.json.status).toBe('verified');

    const suspended = await h.call<VendorJson>('POST', `/v1/vendors/${id}/suspend`, {
      as: reviewer,
      body: { reason: 'Counterfeit goods reported' },
    });
    expect(suspended.json).toMatchObject({
      status: 'suspended',
      canSell: false,
      statusReason: 'Counterfeit goods reported',
    });
    const reinstated = await h.call<VendorJson>('POST', `/v1/vendors/${id}/reinstate`, {
      as: reviewer,
      body: { reason: 'Investigation closed' },
    });
    expect(reinstated.json).toMatchObject({ status: 'approved', canSell: true });

    const audit = await h.call<AuditJson>('GET', `/v1/vendors/${id}/audit?limit=50`, { as: seller });
    const trail = [...audit.json.items].reverse();
    expect(trail.map((a) => [a.action, a.fromStatus, a.toStatus])).toEqual([
      ['apply', null, 'applied'],
      ['change-payout-account', null, null],
      ['submit', 'applied', 'checks_failed'],
      ['submit', 'checks_failed', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['verify-payout-account', null, null],
      ['suspend', 'approved', 'suspended'],
      ['reinstate', 'suspended', 'approved'],
    ]);
    expect(trail[0]?.actorUserId).toBe(seller.userId);
    expect(trail[4]).toMatchObject({ actorUserId: reviewer.userId, reason: 'Documents verified by phone' });
    expect(trail[6]?.reason).toBe('Counterfeit goods reported');

    expect((await h.outbox('vendor.applied.v1', id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        vendorId: id,
        status: 'applied',
        canSell: false,
        ownerUserId: seller.userId,
      }),
    ]);
    expect((await h.outbox('vendor.submitted.v1', id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        submissionNumber: 1,
        checksPassed: false,
        failedChecks: ['NID_FORMAT', 'NAME_MATCH'],
      }),
      expect.objectContaining({
        submissionNumber: 2,
        checksPassed: true,
        failedChecks: [],
        status: 'submitted',
      }),
    ]);
    expect((await h.outbox('vendor.approved.v1', id))[0]).toMatchObject({
      tenantId: tenant,
      aggregateType: 'vendor',
      payload: { status: 'approved', canSell: true, approvedBy: reviewer.userId },
    });
    expect((await h.outbox('vendor.suspended.v1', id))[0]?.payload).toMatchObject({
      canSell: false,
      reason: 'Counterfeit goods reported',
    });
    expect((await h.outbox('vendor.reinstated.v1', id))[0]?.payload).toMatchObject({ canSell: true });
    expect(await h.outbox('vendor.payout-account-verified.v1', id)).toHaveLength(1);
  });

  it('rejects with reasons the vendor sees and the catalog hears, and lets the vendor resubmit', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    await h.call('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: goodDocuments() },
    });
    const rejected = await h.call<VendorJson>('POST', `/v1/vendors/${id}/reject`, {
      as: tenantOwner(tenant),
      body: { reasons: ['The trade licence photo is unreadable', 'The shop address is a residence'] },
    });
    expect(rejected.json).toMatchObject({
      status: 'rejected',
      canSell: false,
      statusReason: 'The trade licence photo is unreadable; The shop address is a residence',
    });
    const events = await h.outbox<{ reasons: string[]; canSell: boolean }>('vendor.rejected.v1', id);
    expect(events[0]?.payload).toMatchObject({
      canSell: false,
      reasons: ['The trade licence photo is unreadable', 'The shop address is a residence'],
    });
    const seen = await h.call<VendorJson>('GET', `/v1/vendors/${id}`, { as: seller });
    expect(seen.json.statusReason).toContain('unreadable');
    const again = await h.call<SubmitJson>('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: goodDocuments() },
    });
    expect(again.json.vendor.status).toBe('submitted');
    expect(again.json.submission.number).toBe(2);
  });

  it('answers 409 with a code for every illegal transition', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    for (const [action, body] of [
      ['approve', {}],
      ['suspend', { reason: 'no reason at all' }],
      ['reinstate', { reason: 'no reason at all' }],
      ['reject', { reasons: ['nothing submitted'] }],
    ] as const) {
      const res = await h.call<ErrorJson>('POST', `/v1/vendors/${id}/${action}`, {
        as: tenantOwner(tenant),
        body,
      });
      expect(res.status, action).toBe(409);
      expect(res.json.error.code).toBe('VENDOR_ILLEGAL_TRANSITION');
    }
  });

  it('lets only one of two racing reviewers approve', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    await h.call('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: goodDocuments() },
    });
    const [a, b] = await Promise.all([
      h.call('POST', `/v1/vendors/${id}/approve`, { as: tenantStaff(tenant), body: {} }),
      h.call('POST', `/v1/vendors/${id}/reject`, {
        as: tenantOwner(tenant),
        body: { reasons: ['too late?'] },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decisions = [
      ...(await h.outbox('vendor.approved.v1', id)),
      ...(await h.outbox('vendor.rejected.v1', id)),
    ];
    expect(decisions).toHaveLength(1);
  });

  it('refuses a reviewer decision from the vendor itself', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    await h.call('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: goodDocuments() },
    });
    const res = await h.call<ErrorJson>('POST', `/v1/vendors/${id}/approve`, { as: seller, body: {} });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { missing: ['vendor:approve'] },
    });
  });
});

describe('bad input', () => {
  it('names the field and the rule of a malformed phone, and never stores the application', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/vendors', {
      as: applicant(tenant),
      body: { ...applyBody(), contactPhone: '01212345678' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields?.[0]).toMatchObject({ field: 'contactPhone' });
    expect(res.json.error.message).toContain('01[3-9]');
  });

  it('names the field and the rule of a malformed wallet number', async () => {
    const seller = applicant(tenant);
    const { json: vendor } = await h.call<VendorJson>('POST', '/v1/vendors', {
      as: seller,
      body: applyBody(),
    });
    const res = await h.call<ErrorJson>('PUT', `/v1/vendors/${vendor.id}/payout-account`, {
      as: seller,
      body: { method: 'nagad', holderName: 'Rahim Uddin', walletNumber: '0171234' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields).toEqual([
      expect.objectContaining({
        field: 'walletNumber',
        message: expect.stringContaining('wallet number must be a Bangladesh mobile number'),
      }),
    ]);
  });

  it('refuses an anonymous application, unknown fields, a malformed id and a taken store address', async () => {
    const anonymous = { tenantId: tenant, userId: null, roles: [], permissions: [] };
    expect(
      (await h.call<ErrorJson>('POST', '/v1/vendors', { as: anonymous, body: applyBody() })).json.error.code,
    ).toBe('AUTH_REQUIRED');
    const extra = await h.call<ErrorJson>('POST', '/v1/vendors', {
      as: applicant(tenant),
      body: { ...applyBody(), status: 'approved' },
    });
    expect(extra.status).toBe(400);
    expect((await h.call('GET', '/v1/vendors/not-a-uuid', { as: tenantOwner(tenant) })).status).toBe(400);
    expect(
      (await h.call<ErrorJson>('GET', `/v1/vendors/${newId()}`, { as: tenantOwner(tenant) })).json.error.code,
    ).toBe('VENDOR_NOT_FOUND');
    const slug = `taken-${newId().slice(-6)}`;
    expect(
      (await h.call('POST', '/v1/vendors', { as: applicant(tenant), body: applyBody(slug) })).status,
    ).toBe(201);
    const dup = await h.call<ErrorJson>('POST', '/v1/vendors', {
      as: applicant(tenant),
      body: applyBody(slug),
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('VENDOR_STORE_SLUG_TAKEN');
  });

  it('locks the verified names once a submission passed, but not the contact details', async () => {
    const seller = applicant(tenant);
    const id = await applyWithPayout(h, seller);
    await h.call('POST', `/v1/vendors/${id}/submissions`, {
      as: seller,
      body: { documents: goodDocuments() },
    });
    const locked = await h.call<ErrorJson>('PATCH', `/v1/vendors/${id}`, {
      as: seller,
      body: { ownerName: 'Someone Else' },
    });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('VENDOR_KYC_LOCKED');
    const contact = await h.call<VendorJson & { contactEmail: string }>('PATCH', `/v1/vendors/${id}`, {
      as: seller,
      body: { contactEmail: 'orders@rahim.example' },
    });
    expect(contact.json.contactEmail).toBe('orders@rahim.example');
    expect(
      (await h.outbox<{ changed: string[] }>('vendor.updated.v1', id)).map((e) => e.payload.changed),
    ).toEqual([['contactEmail']]);
  });
});
