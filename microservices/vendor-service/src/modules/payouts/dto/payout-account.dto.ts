import { CurrencyCodeSchema, type MoneyJson } from '@haat/common';
import { z } from 'zod';
import {
  checkBankAccount,
  checkBdMobile,
  checkRoutingNumber,
  identifierSchema,
} from '../../compliance/bd-identifiers.rules.js';
import {
  PAYOUT_METHODS,
  PAYOUT_SCHEDULES,
  PAYOUT_STATUSES,
  type PayoutAccountRow,
} from '../payouts.schema.js';

const Common = {
  /** The account holder's name as the bank or wallet has it (checked against the vendor's names). */
  holderName: z.string().trim().min(2).max(160),
  schedule: z.enum(PAYOUT_SCHEDULES).default('weekly'),
  /** Balances below this wait for the next run. Minor units. */
  minimumPayout: z
    .strictObject({
      amountMinor: z.union([z.string().regex(/^\d{1,15}$/), z.number().int().nonnegative().safe()]),
      currency: CurrencyCodeSchema,
    })
    .default({ amountMinor: '50000', currency: 'BDT' }),
};

/**
 * `PUT /v1/vendors/:id/payout-account`: a bank account (account and routing number) or a bKash
 * or Nagad wallet. A malformed number answers 400 naming the field and the rule.
 */
export const PutPayoutAccountSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('bank'),
    bankName: z.string().trim().min(2).max(120),
    branchName: z.string().trim().min(2).max(120),
    accountNumber: identifierSchema(checkBankAccount),
    routingNumber: identifierSchema(checkRoutingNumber),
    ...Common,
  }),
  z.strictObject({
    method: z.enum(['bkash', 'nagad']),
    walletNumber: identifierSchema((raw) => {
      const r = checkBdMobile(raw);
      return r.ok ? r : { ok: false, rule: `wallet number ${r.rule}` };
    }),
    ...Common,
  }),
]);
export type PutPayoutAccountInput = z.output<typeof PutPayoutAccountSchema>;

/** A payout account as shown: the destination masked, never the numbers. */
export const PayoutAccountSchema = z.object({
  vendorId: z.string().uuid(),
  method: z.enum(PAYOUT_METHODS),
  holderName: z.string(),
  bankName: z.string().nullable(),
  branchName: z.string().nullable(),
  /** `••••••••••123` (bank) or `017•••••678` (wallet). */
  maskedDestination: z.string(),
  schedule: z.enum(PAYOUT_SCHEDULES),
  minimumPayout: z.object({ amountMinor: z.string(), currency: z.string() }),
  status: z.enum(PAYOUT_STATUSES),
  version: z.number().int(),
  verifiedAt: z.string().datetime().nullable(),
  verifiedBy: z.string().nullable(),
  updatedAt: z.string().datetime(),
});
export type PayoutAccount = z.infer<typeof PayoutAccountSchema>;

export function minimumPayoutOf(row: PayoutAccountRow): MoneyJson {
  return { amountMinor: row.minimumPayoutMinor.toString(), currency: row.currency as MoneyJson['currency'] };
}

export function toPayoutAccount(row: PayoutAccountRow): PayoutAccount {
  return {
    vendorId: row.vendorId,
    method: row.method,
    holderName: row.holderName,
    bankName: row.bankName,
    branchName: row.branchName,
    maskedDestination: row.maskedDestination,
    schedule: row.schedule,
    minimumPayout: minimumPayoutOf(row),
    status: row.status,
    version: row.version,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verifiedBy: row.verifiedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
