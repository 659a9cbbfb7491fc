import { checkBin, checkNid, checkTin, type RuleResult } from '../bd-identifiers.rules.js';
import {
  type CheckCode,
  type CheckFinding,
  type CheckResult,
  type ComplianceSubject,
  failed,
  passed,
  skipped,
} from './compliance-check.js';
import { DOCUMENT_LABELS, type DocumentType } from './document-requirements.js';

function formatCheck(
  code: CheckCode,
  type: DocumentType,
  name: string,
  rule: (raw: string) => RuleResult,
): (s: ComplianceSubject) => CheckResult {
  return (s) => {
    const docs = s.documents.filter((d) => d.type === type);
    if (docs.length === 0) return skipped(code, `No ${DOCUMENT_LABELS[type]} was submitted`);
    const findings: CheckFinding[] = [];
    for (const d of docs) {
      const field = `documents.${d.index}.number`;
      if (!d.number) findings.push({ field, rule: `the ${name} is required` });
      else {
        const result = rule(d.number);
        if (!result.ok) findings.push({ field, rule: result.rule });
      }
    }
    if (findings.length === 0) return passed(code, `The ${name} is well-formed`);
    return failed(code, `The ${name} is not valid`, findings);
  };
}

/** NID: 10, 13 or 17 digits. */
export const nidFormatCheck = formatCheck('NID_FORMAT', 'nid', 'NID number', checkNid);
/** e-TIN: 12 digits. */
export const tinFormatCheck = formatCheck('TIN_FORMAT', 'tin_certificate', 'TIN', checkTin);
/** BIN: 13 digits. */
export const binFormatCheck = formatCheck('BIN_FORMAT', 'bin_certificate', 'BIN', checkBin);
