import { nameSimilarity } from '../name-match.js';
import {
  type CheckFinding,
  type CheckResult,
  type ComplianceSubject,
  failed,
  passed,
} from './compliance-check.js';
import { DOCUMENT_LABELS } from './document-requirements.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The names on the documents and the payout account are the owner's or the business's: the NID
 * must carry the owner's name; every other document and the payout account either name.
 */
export function nameMatchCheck(s: ComplianceSubject): CheckResult {
  const { ownerName, legalName } = s.vendor;
  const threshold = s.nameMatchThreshold;
  const findings: CheckFinding[] = [];
  let compared = 0;
  const compare = (field: string, name: string, ownerOnly: boolean, what: string) => {
    compared += 1;
    const owner = nameSimilarity(name, ownerName);
    const business = ownerOnly ? 0 : nameSimilarity(name, legalName);
    if (Math.max(owner, business) >= threshold) return;
    findings.push({
      field,
      rule: ownerOnly
        ? `the name "${name}" on the ${what} does not match the owner "${ownerName}" (${pct(owner)} alike)`
        : `the name "${name}" on the ${what} matches neither the owner "${ownerName}" nor the business "${legalName}" (${pct(Math.max(owner, business))} alike)`,
    });
  };
  for (const d of s.documents) {
    compare(`documents.${d.index}.holderName`, d.holderName, d.type === 'nid', DOCUMENT_LABELS[d.type]);
  }
  if (s.payout) compare('payoutAccount.holderName', s.payout.holderName, false, 'payout account');
  if (findings.length === 0)
    return passed('NAME_MATCH', `The names agree across ${compared} documents and accounts`);
  return failed('NAME_MATCH', 'Names differ between documents', findings);
}
