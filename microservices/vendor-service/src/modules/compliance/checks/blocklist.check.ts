import { type CheckResult, type ComplianceSubject, failed, passed } from './compliance-check.js';

const LABELS: Readonly<Record<string, string>> = {
  nid: 'NID',
  tin: 'TIN',
  bin: 'BIN',
  phone: 'phone number',
  bank_account: 'bank account',
};

/** None of the vendor's identifiers (NID, TIN, BIN, phone, account, wallet) is on the marketplace's blocklist. */
export function blocklistCheck(s: ComplianceSubject): CheckResult {
  if (s.blocklisted.length === 0)
    return passed('BLOCKLIST', 'No identifier is on the marketplace’s blocklist');
  return failed(
    'BLOCKLIST',
    'This marketplace does not accept these details',
    s.blocklisted.map((b) => ({
      field: b.field,
      rule: `this ${LABELS[b.kind] ?? b.kind} is on the marketplace’s blocklist`,
    })),
  );
}
