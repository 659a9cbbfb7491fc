import type { BusinessType } from '../../vendors/vendors.schema.js';
import type { DocumentType } from './document-requirements.js';

/** The checks a Bangladesh marketplace runs on a submission, in the order they run and are shown. */
export const CHECK_CODES = [
  'REQUIRED_DOCUMENTS',
  'DOCUMENT_FILES',
  'TRADE_LICENCE',
  'NID_FORMAT',
  'TIN_FORMAT',
  'BIN_FORMAT',
  'PAYOUT_ACCOUNT',
  'NAME_MATCH',
  'BLOCKLIST',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** `skipped`: nothing to check (no such document), or the check cannot run here; never blocks approval. */
export const CHECK_OUTCOMES = ['passed', 'failed', 'skipped'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** One thing wrong: the field of the submission and the rule it broke. */
export interface CheckFinding {
  field: string;
  rule: string;
}

export interface CheckResult {
  code: CheckCode;
  outcome: CheckOutcome;
  /** A sentence shown to the vendor: what passed, or what to fix. */
  reason: string;
  findings: CheckFinding[];
}

/** A document as submitted, its number opened for checking. `index` is its place in the submission. */
export interface SubmittedDocument {
  index: number;
  type: DocumentType;
  mediaAssetId: string;
  holderName: string;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

/** The payout destination, opened for checking. */
export type PayoutDetails =
  | {
      method: 'bank';
      holderName: string;
      bankName: string;
      branchName: string;
      accountNumber: string;
      routingNumber: string;
    }
  | { method: 'bkash' | 'nagad'; holderName: string; walletNumber: string };

/** What media-service said about one document's file. */
export interface MediaFinding {
  index: number;
  mediaAssetId: string;
  /** `ready`/`processing` are usable; `missing` means no such asset of this tenant. */
  status: 'ready' | 'processing' | 'awaiting_upload' | 'failed' | 'missing';
  error?: string | null;
}

/** A blocklisted identifier of the vendor, and where it was given. */
export interface BlocklistFinding {
  field: string;
  kind: string;
}

/** Everything the checks look at; gathered (and decrypted) by the runner, so the checks stay pure. */
export interface ComplianceSubject {
  vendor: { legalName: string; ownerName: string; businessType: BusinessType };
  documents: SubmittedDocument[];
  payout: PayoutDetails | null;
  blocklisted: BlocklistFinding[];
  /** null when media-service is not configured: the files could not be verified. */
  media: MediaFinding[] | null;
  /** Today (UTC, `YYYY-MM-DD`) by the service clock: licence expiry is checked against it. */
  today: string;
  nameMatchThreshold: number;
}

export function passed(code: CheckCode, reason: string): CheckResult {
  return { code, outcome: 'passed', reason, findings: [] };
}

export function skipped(code: CheckCode, reason: string): CheckResult {
  return { code, outcome: 'skipped', reason, findings: [] };
}

/** A failed check whose reason lists every finding (`field: rule`). */
export function failed(code: CheckCode, summary: string, findings: CheckFinding[]): CheckResult {
  const detail = findings.map((f) => `${f.field}: ${f.rule}`).join('; ');
  return { code, outcome: 'failed', reason: detail ? `${summary}: ${detail}` : summary, findings };
}
