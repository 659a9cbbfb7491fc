import { describe, expect, it } from 'vitest';
import type { ComplianceSubject, SubmittedDocument } from './compliance-check.js';
import { runComplianceChecks } from './compliance-checks.js';

const doc = (index: number, over: Partial<SubmittedDocument>): SubmittedDocument => ({
  index,
  type: 'other',
  mediaAssetId: '0190a4c6-1234-7abc-8def-00000000000' + index,
  holderName: 'Rahim Uddin',
  number: null,
  issuedOn: null,
  expiresOn: null,
  ...over,
});

const good = (): ComplianceSubject => ({
  vendor: { legalName: 'Rahim Traders', ownerName: 'Md. Rahim Uddin', businessType: 'individual' },
  documents: [
    doc(0, { type: 'nid', number: '1234567890', holderName: 'Mohammad Rahim Uddin' }),
    doc(1, {
      type: 'trade_licence',
      number: 'TRAD/DNCC/012345/2025',
      holderName: 'Rahim Traders',
      issuedOn: '2025-07-01',
      expiresOn: '2026-06-30',
    }),
    doc(2, { type: 'tin_certificate', number: '123456789012', holderName: 'Rahim Uddin' }),
  ],
  payout: { method: 'bkash', holderName: 'Rahim Uddin', walletNumber: '01712345678' },
  blocklisted: [],
  media: [0, 1, 2].map((index) => ({ index, mediaAssetId: `m${index}`, status: 'ready' as const })),
  today: '2026-01-15',
  nameMatchThreshold: 0.85,
});

const result = (s: ComplianceSubject, code: string) => {
  const r = runComplianceChecks(s).find((c) => c.code === code);
  if (!r) throw new Error(`no ${code}`);
  return r;
};

describe('compliance checks', () => {
  it('pass a complete, consistent individual seller; BIN is skipped (not required)', () => {
    const results = runComplianceChecks(good());
    expect(results.map((r) => [r.code, r.outcome])).toEqual([
      ['REQUIRED_DOCUMENTS', 'passed'],
      ['DOCUMENT_FILES', 'passed'],
      ['TRADE_LICENCE', 'passed'],
      ['NID_FORMAT', 'passed'],
      ['TIN_FORMAT', 'passed'],
      ['BIN_FORMAT', 'skipped'],
      ['PAYOUT_ACCOUNT', 'passed'],
      ['NAME_MATCH', 'passed'],
      ['BLOCKLIST', 'passed'],
    ]);
  });

  it('name the missing documents for the business type', () => {
    const s = { ...good(), vendor: { ...good().vendor, businessType: 'company' as const } };
    const r = result(s, 'REQUIRED_DOCUMENTS');
    expect(r.outcome).toBe('failed');
    expect(r.reason).toContain('BIN (VAT registration) certificate');
    expect(r.reason).toContain('certificate of incorporation (RJSC)');
    expect(r.findings).toHaveLength(2);
  });

  it('name a document file media-service does not have or could not process', () => {
    const s = good();
    s.media = [
      { index: 0, mediaAssetId: 'm0', status: 'ready' },
      { index: 1, mediaAssetId: 'm1', status: 'missing' },
      { index: 2, mediaAssetId: 'm2', status: 'failed', error: 'not a PDF' },
    ];
    const r = result(s, 'DOCUMENT_FILES');
    expect(r.findings).toEqual([
      { field: 'documents.1.mediaAssetId', rule: 'no such uploaded file' },
      { field: 'documents.2.mediaAssetId', rule: 'the file could not be processed (not a PDF)' },
    ]);
    expect(result({ ...good(), media: null }, 'DOCUMENT_FILES').outcome).toBe('skipped');
  });

  it('refuse an expired or malformed trade licence', () => {
    const s = good();
    s.documents[1] = { ...s.documents[1]!, number: 'TRAD', expiresOn: '2025-12-31' };
    const r = result(s, 'TRADE_LICENCE');
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => f.field)).toEqual(['documents.1.number', 'documents.1.expiresOn']);
    expect(r.reason).toContain('expired on 2025-12-31');
  });

  it('name the field and the rule of a malformed NID, TIN and BIN', () => {
    const s = good();
    s.documents[0] = { ...s.documents[0]!, number: '12345' };
    s.documents[2] = { ...s.documents[2]!, number: '1234567890' };
    s.documents.push(doc(3, { type: 'bin_certificate', number: '12', holderName: 'Rahim Traders' }));
    expect(result(s, 'NID_FORMAT').findings).toEqual([
      { field: 'documents.0.number', rule: 'NID must be 10, 13 or 17 digits' },
    ]);
    expect(result(s, 'TIN_FORMAT').findings).toEqual([
      { field: 'documents.2.number', rule: 'TIN (e-TIN) must be 12 digits' },
    ]);
    expect(result(s, 'BIN_FORMAT').findings).toEqual([
      { field: 'documents.3.number', rule: 'BIN (VAT registration) must be 13 digits' },
    ]);
  });

  it('require a payout account, and well-formed bank numbers', () => {
    expect(result({ ...good(), payout: null }, 'PAYOUT_ACCOUNT').findings[0]?.field).toBe('payoutAccount');
    const s = good();
    s.payout = {
      method: 'bank',
      holderName: 'Rahim Traders',
      bankName: 'Dutch-Bangla Bank',
      branchName: 'Motijheel',
      accountNumber: '12-34',
      routingNumber: '0902612',
    };
    expect(result(s, 'PAYOUT_ACCOUNT').findings.map((f) => f.field)).toEqual([
      'payoutAccount.accountNumber',
      'payoutAccount.routingNumber',
    ]);
  });

  it('refuse a document in another person’s name, and an NID in the business’s name', () => {
    const s = good();
    s.documents[2] = { ...s.documents[2]!, holderName: 'Karim Hossain' };
    s.documents[0] = { ...s.documents[0]!, holderName: 'Rahim Traders' };
    const r = result(s, 'NAME_MATCH');
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => f.field)).toEqual(['documents.0.holderName', 'documents.2.holderName']);
    expect(r.findings[0]?.rule).toContain('does not match the owner "Md. Rahim Uddin"');
    expect(r.findings[1]?.rule).toContain('matches neither the owner');
  });

  it('refuse a blocklisted identifier without revealing the marketplace’s note', () => {
    const s = { ...good(), blocklisted: [{ field: 'documents.0.number', kind: 'nid' }] };
    const r = result(s, 'BLOCKLIST');
    expect(r.findings).toEqual([
      { field: 'documents.0.number', rule: 'this NID is on the marketplace’s blocklist' },
    ]);
  });
});
