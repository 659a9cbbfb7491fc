import { blocklistCheck } from './blocklist.check.js';
import type { CheckCode, CheckResult, ComplianceSubject } from './compliance-check.js';
import { documentFilesCheck } from './document-files.check.js';
import { binFormatCheck, nidFormatCheck, tinFormatCheck } from './identifier-format.checks.js';
import { nameMatchCheck } from './name-match.check.js';
import { payoutAccountCheck } from './payout-account.check.js';
import { requiredDocumentsCheck } from './required-documents.check.js';
import { tradeLicenceCheck } from './trade-licence.check.js';

/** Every compliance check, in the order of `CHECK_CODES`. */
export const COMPLIANCE_CHECKS: Readonly<Record<CheckCode, (s: ComplianceSubject) => CheckResult>> = {
  REQUIRED_DOCUMENTS: requiredDocumentsCheck,
  DOCUMENT_FILES: documentFilesCheck,
  TRADE_LICENCE: tradeLicenceCheck,
  NID_FORMAT: nidFormatCheck,
  TIN_FORMAT: tinFormatCheck,
  BIN_FORMAT: binFormatCheck,
  PAYOUT_ACCOUNT: payoutAccountCheck,
  NAME_MATCH: nameMatchCheck,
  BLOCKLIST: blocklistCheck,
};

/** Runs every check (or only `codes`) on the subject: each result with its reason. */
export function runComplianceChecks(s: ComplianceSubject, codes?: readonly CheckCode[]): CheckResult[] {
  return (Object.keys(COMPLIANCE_CHECKS) as CheckCode[])
    .filter((code) => codes === undefined || codes.includes(code))
    .map((code) => COMPLIANCE_CHECKS[code](s));
}

/** The checks that decide whether a payout account can be verified on its own. */
export const PAYOUT_CHECKS: readonly CheckCode[] = ['PAYOUT_ACCOUNT', 'NAME_MATCH', 'BLOCKLIST'];
