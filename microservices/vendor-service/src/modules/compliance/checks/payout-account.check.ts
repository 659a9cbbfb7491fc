import { checkBankAccount, checkBdMobile, checkRoutingNumber } from '../bd-identifiers.rules.js';
import {
  type CheckFinding,
  type CheckResult,
  type ComplianceSubject,
  failed,
  passed,
} from './compliance-check.js';

const WALLETS = { bkash: 'bKash', nagad: 'Nagad' } as const;

/** A payout destination is configured and its numbers are well-formed (bank account + routing, or wallet). */
export function payoutAccountCheck(s: ComplianceSubject): CheckResult {
  const p = s.payout;
  if (!p) {
    return failed('PAYOUT_ACCOUNT', 'No payout account', [
      { field: 'payoutAccount', rule: 'add a bank account or a bKash/Nagad wallet before submitting' },
    ]);
  }
  const findings: CheckFinding[] = [];
  if (p.method === 'bank') {
    const account = checkBankAccount(p.accountNumber);
    if (!account.ok) findings.push({ field: 'payoutAccount.accountNumber', rule: account.rule });
    const routing = checkRoutingNumber(p.routingNumber);
    if (!routing.ok) findings.push({ field: 'payoutAccount.routingNumber', rule: routing.rule });
  } else {
    const wallet = checkBdMobile(p.walletNumber);
    if (!wallet.ok)
      findings.push({
        field: 'payoutAccount.walletNumber',
        rule: `${WALLETS[p.method]} wallet ${wallet.rule}`,
      });
  }
  if (findings.length === 0) {
    return passed(
      'PAYOUT_ACCOUNT',
      p.method === 'bank'
        ? 'The bank account is well-formed'
        : `The ${WALLETS[p.method]} wallet is well-formed`,
    );
  }
  return failed('PAYOUT_ACCOUNT', 'The payout account is not valid', findings);
}
