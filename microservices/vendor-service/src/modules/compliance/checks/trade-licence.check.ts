import { checkTradeLicence } from '../bd-identifiers.rules.js';
import {
  type CheckFinding,
  type CheckResult,
  type ComplianceSubject,
  failed,
  passed,
  skipped,
} from './compliance-check.js';

/** The trade licence has a well-formed number, an expiry date, and has not expired (nor is issued in the future). */
export function tradeLicenceCheck(s: ComplianceSubject): CheckResult {
  const licences = s.documents.filter((d) => d.type === 'trade_licence');
  if (licences.length === 0) return skipped('TRADE_LICENCE', 'No trade licence was submitted');
  const findings: CheckFinding[] = [];
  for (const d of licences) {
    const at = `documents.${d.index}`;
    if (!d.number) findings.push({ field: `${at}.number`, rule: 'the trade licence number is required' });
    else {
      const format = checkTradeLicence(d.number);
      if (!format.ok) findings.push({ field: `${at}.number`, rule: format.rule });
    }
    if (!d.expiresOn)
      findings.push({ field: `${at}.expiresOn`, rule: 'the licence’s expiry date is required' });
    else if (d.expiresOn < s.today) {
      findings.push({ field: `${at}.expiresOn`, rule: `the licence expired on ${d.expiresOn}; renew it` });
    }
    if (d.issuedOn && d.issuedOn > s.today) {
      findings.push({ field: `${at}.issuedOn`, rule: `the issue date ${d.issuedOn} is in the future` });
    }
  }
  if (findings.length === 0) {
    return passed(
      'TRADE_LICENCE',
      `The trade licence is valid until ${licences.map((d) => d.expiresOn).join(', ')}`,
    );
  }
  return failed('TRADE_LICENCE', 'The trade licence is not acceptable', findings);
}
