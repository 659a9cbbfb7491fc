import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK, newId, UnprocessableError } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { ProviderState } from '../../infrastructure/gateways/payment-gateway.js';
import { PaymentGateways } from '../../infrastructure/gateways/payment-gateways.js';
import { type IntentView, toIntentView } from './dto/intent.view.js';
import { compactReference, toGatewayIntent } from './intent-gateway.mapper.js';
import { reviewNotPending } from './intents.errors.js';
import { IntentsRepository } from './intents.repository.js';
import type { PaymentIntentRow } from './intents.schema.js';
import { IntentsService } from './intents.service.js';
import { PaymentSettlementService } from './payment-settlement.service.js';

const REJECTED: ProviderState = {
  status: 'canceled',
  failure: { code: 'RISK_REJECTED', message: 'Refused at fraud review' },
};

/**
 * Staff decisions on payments the fraud checks held: approving captures the held authorization
 * (or releases held money, or lets the customer pay), rejecting voids it (or returns held money)
 * and cancels the payment.
 */
@Injectable()
export class PaymentReviewService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly intents: IntentsService,
    private readonly repo: IntentsRepository,
    private readonly settlement: PaymentSettlementService,
    private readonly gateways: PaymentGateways,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async decide(
    ctx: TenantContext,
    id: string,
    decision: 'approve' | 'reject',
    note: string | undefined,
  ): Promise<IntentView> {
    const row = await this.intents.load(ctx, id);
    if (row.reviewState !== 'pending') throw reviewNotPending(row.reviewState);
    return toIntentView(
      decision === 'approve' ? await this.approve(ctx, row, note) : await this.reject(ctx, row, note),
    );
  }

  /** Marks the review decided, once: a concurrent decision finds it no longer pending. */
  private async mark(
    ctx: TenantContext,
    row: PaymentIntentRow,
    reviewState: 'approved' | 'rejected',
    note: string | undefined,
    then?: ProviderState,
  ): Promise<PaymentIntentRow> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const locked = await this.intents.lock(tx, ctx.tenantId, row.id);
      if (locked.reviewState !== 'pending') throw reviewNotPending(locked.reviewState);
      const now = this.clock.now();
      const updated =
        (await this.repo.update(tx, ctx.tenantId, row.id, { reviewState, updatedAt: now })) ?? locked;
      await this.repo.addEvent(tx, {
        tenantId: ctx.tenantId,
        intentId: row.id,
        kind: `review_${reviewState}`,
        source: 'review',
        fromStatus: locked.status,
        toStatus: null,
        detail: { by: ctx.userId, ...(note ? { note } : {}) },
        createdAt: now,
      });
      return then ? (await this.settlement.apply(tx, ctx, updated, then, 'review')).row : updated;
    });
  }

  private async approve(
    ctx: TenantContext,
    row: PaymentIntentRow,
    note: string | undefined,
  ): Promise<PaymentIntentRow> {
    // Money already taken (a provider-flagged payment): releasing it is the success.
    if (row.capturedMinor > 0n)
      return this.mark(ctx, row, 'approved', note, { status: 'captured', amountMinor: row.capturedMinor });
    const approved = await this.mark(ctx, row, 'approved', note);
    if (approved.method === 'sslcommerz' && !approved.providerRef) {
      const account = await this.intents.resolveAccount(ctx.tenantId, approved.method);
      if (!account) return approved;
      return this.intents.startAtProvider(ctx, approved, account, new URL(approved.returnUrl).origin, null);
    }
    return this.intents.captureIfApproved(ctx, approved, 'review');
  }

  private async reject(
    ctx: TenantContext,
    row: PaymentIntentRow,
    note: string | undefined,
  ): Promise<PaymentIntentRow> {
    const account = await this.intents.resolveAccount(ctx.tenantId, row.method);
    const gateway = this.gateways.of(row.method);
    if (account && row.capturedMinor > 0n) {
      const refund = await gateway.refund(account, toGatewayIntent(row), {
        id: newId(),
        reference: compactReference('V', row.id),
        amountMinor: row.capturedMinor,
        currency: row.currency,
        reason: 'Payment refused at fraud review',
        providerRefundId: null,
      });
      if (refund.status === 'failed') {
        throw new UnprocessableError(
          'PAYMENT_REVIEW_REFUND_FAILED',
          'The held money could not be returned; try again',
          {
            reason: refund.failureReason,
          },
        );
      }
    } else if (account && row.providerRef) {
      await gateway.cancel(account, toGatewayIntent(row));
    }
    return this.mark(ctx, row, 'rejected', note, REJECTED);
  }
}
