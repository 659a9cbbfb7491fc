import { Injectable } from '@nestjs/common';
import { InternalError } from '@haat/common';
import { z } from 'zod';
import { EnvelopeCipher } from '../../infrastructure/crypto/envelope.cipher.js';
import type { PayoutDetails } from '../compliance/checks/compliance-check.js';
import { PAYOUT_ERRORS } from './payouts.errors.js';
import type { PayoutAccountRow } from './payouts.schema.js';

const SealedNumbersSchema = z.union([
  z.object({ accountNumber: z.string(), routingNumber: z.string() }),
  z.object({ walletNumber: z.string() }),
]);
type SealedNumbers = z.infer<typeof SealedNumbersSchema>;

/** The associated data binding a sealed payout to its tenant and vendor. */
const aad = (tenantId: string, vendorId: string) => `${tenantId}:${vendorId}:payout-account`;

/** Seals the payout numbers for storage and opens them again, only for checks. */
@Injectable()
export class PayoutDetailsSealer {
  constructor(private readonly cipher: EnvelopeCipher) {}

  seal(tenantId: string, vendorId: string, numbers: SealedNumbers): string {
    return this.cipher.seal(JSON.stringify(numbers), aad(tenantId, vendorId));
  }

  /** The full details of a stored account; 500 `VENDOR_PAYOUT_ACCOUNT_UNREADABLE` if its key is gone. */
  open(row: PayoutAccountRow): PayoutDetails {
    let numbers: SealedNumbers;
    try {
      numbers = SealedNumbersSchema.parse(
        JSON.parse(this.cipher.open(row.detailsSealed, aad(row.tenantId, row.vendorId))),
      );
    } catch {
      throw new InternalError(PAYOUT_ERRORS.unreadable, 'The payout account cannot be decrypted', {
        vendorId: row.vendorId,
      });
    }
    if (row.method === 'bank' && 'accountNumber' in numbers) {
      return {
        method: 'bank',
        holderName: row.holderName,
        bankName: row.bankName ?? '',
        branchName: row.branchName ?? '',
        accountNumber: numbers.accountNumber,
        routingNumber: numbers.routingNumber,
      };
    }
    if (row.method !== 'bank' && 'walletNumber' in numbers) {
      return { method: row.method, holderName: row.holderName, walletNumber: numbers.walletNumber };
    }
    throw new InternalError(PAYOUT_ERRORS.unreadable, 'The payout account does not match its method', {
      vendorId: row.vendorId,
    });
  }
}
