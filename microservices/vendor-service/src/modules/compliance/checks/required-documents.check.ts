import { type CheckResult, type ComplianceSubject, failed, passed } from './compliance-check.js';
import { DOCUMENT_LABELS, REQUIRED_DOCUMENTS } from './document-requirements.js';

/** Every document the business type requires is among the submitted ones. */
export function requiredDocumentsCheck(s: ComplianceSubject): CheckResult {
  const required = REQUIRED_DOCUMENTS[s.vendor.businessType];
  const present = new Set(s.documents.map((d) => d.type));
  const missing = required.filter((t) => !present.has(t));
  if (missing.length === 0) {
    return passed(
      'REQUIRED_DOCUMENTS',
      `All ${required.length} documents required for ${article(s.vendor.businessType)} business are present`,
    );
  }
  return failed(
    'REQUIRED_DOCUMENTS',
    `Missing ${missing.map((t) => DOCUMENT_LABELS[t]).join(', ')}`,
    missing.map((t) => ({
      field: 'documents',
      rule: `${article(DOCUMENT_LABELS[t])} is required for ${article(s.vendor.businessType)} business`,
    })),
  );
}

/** `an individual`, `a company`, `an NID of the owner`. */
function article(word: string): string {
  return `${/^[aeiou]|^NID/i.test(word) ? 'an' : 'a'} ${word}`;
}
