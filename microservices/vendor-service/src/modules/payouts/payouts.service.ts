import { Inject, Injectable } from '@nestjs/common';
import { type Clock, ConflictError, NotFoundError } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { utcDay, VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import type { VendorServiceConfig } from '../../config/vendor-service.config.js';
import { type BlocklistCandidate, BlocklistService } from '../blocklist/blocklist.service.js';
import type { PayoutDetails } from '../compliance/checks/compliance-check.js';
import { PAYOUT_CHECKS, runComplianceChecks } from '../compliance/checks/compliance-checks.js';
import { maskIdentifier } from '../compliance/identifier.mask.js';
import { VendorAuditService } from '../vendors/vendor-audit.service.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import type { VendorRow } from '../vendors/vendors.schema.js';
import { type PayoutAccount, type PutPayoutAccountInput, toPayoutAccount } from './dto/payout-account.dto.js';
import { PayoutDetailsSealer } from './payout-details.sealer.js';
import { PAYOUT_ERRORS } from './payouts.errors.js';
import { payoutAccountChanged, payoutAccountVerified } from './payouts.events.js';
import { PayoutsRepository } from './payouts.repository.js';
import type { PayoutAccountRow } from './payouts.schema.js';

/** The identifiers of a payout destination the blocklist is asked about. */
export function payoutCandidates(details: PayoutDetails): BlocklistCandidate[] {
  return details.method === 'bank'
    ? [{ kind: 'bank_account', value: details.accountNumber, field: 'payoutAccount.accountNumber' }]
    : [{ kind: 'phone', value: details.walletNumber, field: 'payoutAccount.walletNumber' }];
}

/**
 * Payout configuration: the numbers are sealed at rest and masked in every answer; each change
 * goes back to `pending_verification` with `vendor.payout-account-changed.v1`, and only a
 * verification (by a reviewer, or the vendor's approval) lets settlement pay to it.
 */
@Injectable()
export class PayoutsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: VendorServiceConfig,
    private readonly repository: PayoutsRepository,
    private readonly sealer: PayoutDetailsSealer,
    private readonly lifecycle: VendorLifecycle,
    private readonly audit: VendorAuditService,
    private readonly blocklist: BlocklistService,
  ) {}

  async get(ctx: TenantContext, vendorId: string): Promise<PayoutAccount> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.lifecycle.read(ctx, tx, vendorId, 'payout-account:read');
      return toPayoutAccount(await this.existing(tx, vendorId));
    });
  }

  async put(ctx: TenantContext, vendorId: string, input: PutPayoutAccountInput): Promise<PayoutAccount> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.lifecycle.lock(ctx, tx, vendorId, 'payout-account:update');
      const bank = input.method === 'bank';
      const destination = bank ? input.accountNumber : input.walletNumber;
      const row = await this.repository.save(tx, {
        vendorId,
        tenantId: ctx.tenantId,
        method: input.method,
        holderName: input.holderName,
        bankName: bank ? input.bankName : null,
        branchName: bank ? input.branchName : null,
        detailsSealed: this.sealer.seal(
          ctx.tenantId,
          vendorId,
          bank
            ? { accountNumber: input.accountNumber, routingNumber: input.routingNumber }
            : { walletNumber: input.walletNumber },
        ),
        maskedDestination: maskIdentifier(destination),
        schedule: input.schedule,
        minimumPayoutMinor: BigInt(input.minimumPayout.amountMinor),
        currency: input.minimumPayout.currency,
        status: 'pending_verification',
        updatedBy: ctx.userId,
      });
      await this.audit.record(ctx, tx, {
        vendorId,
        action: 'change-payout-account',
        details: { method: row.method, maskedDestination: row.maskedDestination, version: row.version },
      });
      await addToOutbox(tx, payoutAccountChanged(ctx, row));
      return toPayoutAccount(row);
    });
  }

  /**
   * A reviewer (`vendor:approve`) verifies a changed account: the payout checks (numbers, holder
   * name, blocklist) run again and must pass (409 `VENDOR_PAYOUT_ACCOUNT_CHECKS_FAILED` naming them).
   */
  async verify(ctx: TenantContext, vendorId: string): Promise<PayoutAccount> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor } = await this.lifecycle.lock(ctx, tx, vendorId, 'vendor:approve');
      const row = await this.existing(tx, vendorId);
      if (row.status === 'verified') {
        throw new ConflictError(PAYOUT_ERRORS.alreadyVerified, 'The payout account is already verified', {
          vendorId,
          version: row.version,
        });
      }
      const failedChecks = (await this.check(tx, vendor, row)).filter((c) => c.outcome === 'failed');
      if (failedChecks.length > 0) {
        throw new ConflictError(
          PAYOUT_ERRORS.checksFailed,
          `The payout account cannot be verified: ${failedChecks.map((c) => c.reason).join(' | ')}`,
          { checks: failedChecks },
        );
      }
      return toPayoutAccount(await this.markVerified(ctx, tx, row, 'verify-payout-account'));
    });
  }

  /** The opened payout details of a vendor, for the compliance checks; null when none is set. */
  async detailsFor(tx: Tx, vendorId: string): Promise<PayoutDetails | null> {
    const row = await this.repository.find(tx, vendorId);
    return row ? this.sealer.open(row) : null;
  }

  /** On approval the checks just passed on this account: it is verified with the vendor. */
  async verifyWithApproval(ctx: TenantContext, tx: Tx, vendorId: string): Promise<void> {
    const row = await this.repository.find(tx, vendorId);
    if (row?.status === 'pending_verification')
      await this.markVerified(ctx, tx, row, 'verify-payout-account');
  }

  private async check(tx: Tx, vendor: VendorRow, row: PayoutAccountRow) {
    const payout = this.sealer.open(row);
    const hits = await this.blocklist.matches(tx, payoutCandidates(payout));
    return runComplianceChecks(
      {
        vendor: {
          legalName: vendor.legalName,
          ownerName: vendor.ownerName,
          businessType: vendor.businessType,
        },
        documents: [],
        payout,
        blocklisted: hits.map((h) => ({ field: h.field, kind: h.kind })),
        media: [],
        today: utcDay(this.clock.now()),
        nameMatchThreshold: this.config.VENDOR_NAME_MATCH_THRESHOLD,
      },
      PAYOUT_CHECKS,
    );
  }

  private async markVerified(ctx: TenantContext, tx: Tx, row: PayoutAccountRow, action: string) {
    const verified = await this.repository.markVerified(
      tx,
      row.vendorId,
      row.version,
      ctx.userId,
      this.clock.now(),
    );
    if (!verified) {
      throw new ConflictError(
        PAYOUT_ERRORS.alreadyVerified,
        'The payout account changed or was verified meanwhile',
        {
          vendorId: row.vendorId,
        },
      );
    }
    await this.audit.record(ctx, tx, {
      vendorId: row.vendorId,
      action,
      details: {
        method: verified.method,
        maskedDestination: verified.maskedDestination,
        version: verified.version,
      },
    });
    await addToOutbox(tx, payoutAccountVerified(ctx, verified));
    return verified;
  }

  private async existing(tx: Tx, vendorId: string): Promise<PayoutAccountRow> {
    const row = await this.repository.find(tx, vendorId);
    if (!row)
      throw new NotFoundError(PAYOUT_ERRORS.notFound, 'The vendor has no payout account yet', { vendorId });
    return row;
  }
}
