import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import type { ProviderState } from '../../infrastructure/gateways/payment-gateway.js';
import { paymentFailed, paymentRefunded, paymentSucceeded } from './intents.events.js';
import { type IntentPatch, IntentsRepository } from './intents.repository.js';
import type { PaymentIntentRow } from './intents.schema.js';
import {
  assertTransition,
  CAPTURED_STATUSES,
  canTransition,
  type PaymentStatus,
  statusAfterRefunds,
} from './payment-intent.machine.js';

/** What applying a provider state did. */
export type SettlementOutcome =
  /** The intent moved (and its event is in the outbox). */
  | 'applied'
  /** Same status: at most provider ids were recorded (a duplicate or a step without news). */
  | 'no_change'
  /** The state is older than the intent's (out-of-order delivery): ignored. */
  | 'stale'
  /** Amount or currency differ from the intent: refused and recorded. */
  | 'rejected';

export interface Settlement {
  outcome: SettlementOutcome;
  row: PaymentIntentRow;
  mismatch?: Record<string, string>;
}

/**
 * Applies what a provider says about a payment to its intent, in the caller's transaction with
 * the intent row locked: checks amount and currency against the intent, follows the transition
 * table (a stale or repeated report changes nothing), holds a captured-but-flagged payment for
 * review, and writes the timeline entry and `payment.succeeded.v1` / `payment.failed.v1` with it.
 */
@Injectable()
export class PaymentSettlementService {
  private readonly logger = new Logger('PaymentSettlement');

  constructor(
    private readonly intents: IntentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(
    tx: Tx,
    ctx: TenantContext,
    row: PaymentIntentRow,
    state: ProviderState,
    source: string,
  ): Promise<Settlement> {
    const now = this.clock.now();
    const mismatch = this.mismatchOf(row, state);
    if (mismatch) {
      this.logger.warn(
        { intentId: row.id, tenantId: row.tenantId, source, ...mismatch },
        'Payment report refused: amount or currency mismatch',
      );
      await this.intents.addEvent(tx, {
        tenantId: row.tenantId,
        intentId: row.id,
        kind: 'amount_mismatch',
        source,
        fromStatus: row.status,
        toStatus: null,
        detail: mismatch,
        createdAt: now,
      });
      return { outcome: 'rejected', row, mismatch };
    }

    const ids: IntentPatch = {};
    if (state.providerTxnId && state.providerTxnId !== row.providerTxnId)
      ids.providerTxnId = state.providerTxnId;
    if (state.providerAuthId && state.providerAuthId !== row.providerAuthId)
      ids.providerAuthId = state.providerAuthId;
    const { target, patch } = this.targetOf(row, state, now);

    if (target === undefined || (target === row.status && Object.keys(patch).length === 0)) {
      return this.recordIds(tx, row, ids, now);
    }
    if (target !== row.status && !canTransition(row.status, target)) {
      return { outcome: 'stale', row };
    }
    const updated = await this.intents.update(
      tx,
      row.tenantId,
      row.id,
      { ...ids, ...patch, status: target, updatedAt: now },
      row.status,
    );
    if (!updated) return { outcome: 'stale', row };
    await this.intents.addEvent(tx, {
      tenantId: row.tenantId,
      intentId: row.id,
      kind: target === row.status ? 'updated' : 'status_changed',
      source,
      fromStatus: row.status,
      toStatus: target,
      detail: {
        providerStatus: state.status,
        ...(state.failure ? { failure: state.failure } : {}),
        ...(patch.reviewState ? { reviewState: patch.reviewState } : {}),
      },
      createdAt: now,
    });
    if (target !== row.status) await this.announce(tx, ctx, updated, now);
    return { outcome: 'applied', row: updated };
  }

  /**
   * Books a refund the provider confirmed: adds it to the refunded total, moves the intent to
   * `partially_refunded` / `refunded` and writes `payment.refunded.v1`. A payment that was
   * refunded without being released (rejected at review) only records it.
   */
  async applyRefund(
    tx: Tx,
    ctx: TenantContext,
    row: PaymentIntentRow,
    refund: { id: string; amountMinor: bigint },
    source: string,
  ): Promise<PaymentIntentRow> {
    const now = this.clock.now();
    const refundedMinor = row.refundedMinor + refund.amountMinor;
    const captured = CAPTURED_STATUSES.has(row.status);
    const target = captured ? statusAfterRefunds(row.capturedMinor, refundedMinor) : row.status;
    if (captured) assertTransition(row.status, target);
    const updated =
      (await this.intents.update(tx, row.tenantId, row.id, {
        refundedMinor,
        status: target,
        updatedAt: now,
      })) ?? row;
    await this.intents.addEvent(tx, {
      tenantId: row.tenantId,
      intentId: row.id,
      kind: 'refunded',
      source,
      fromStatus: row.status,
      toStatus: target,
      detail: {
        refundId: refund.id,
        amountMinor: refund.amountMinor.toString(),
        refundedMinor: refundedMinor.toString(),
      },
      createdAt: now,
    });
    if (captured) await addToOutbox(tx, paymentRefunded(ctx, updated, refund, now));
    return updated;
  }

  /** Records a timeline entry without changing the intent. */
  async note(
    tx: Tx,
    row: PaymentIntentRow,
    kind: string,
    source: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.intents.addEvent(tx, {
      tenantId: row.tenantId,
      intentId: row.id,
      kind,
      source,
      fromStatus: row.status,
      toStatus: null,
      detail,
      createdAt: this.clock.now(),
    });
  }

  /** Writes the outbox event of a status an intent just entered. */
  async announce(tx: Tx, ctx: TenantContext, row: PaymentIntentRow, at: Date): Promise<void> {
    if (row.status === 'succeeded') await addToOutbox(tx, paymentSucceeded(ctx, row, at));
    if (row.status === 'failed' || row.status === 'canceled')
      await addToOutbox(tx, paymentFailed(ctx, row, at));
  }

  private async recordIds(tx: Tx, row: PaymentIntentRow, ids: IntentPatch, now: Date): Promise<Settlement> {
    if (Object.keys(ids).length === 0) return { outcome: 'no_change', row };
    const updated = await this.intents.update(tx, row.tenantId, row.id, { ...ids, updatedAt: now });
    return { outcome: 'no_change', row: updated ?? row };
  }

  private mismatchOf(row: PaymentIntentRow, state: ProviderState): Record<string, string> | undefined {
    if (state.status === 'failed' || state.status === 'canceled') return undefined;
    const expected = row.amountMinor;
    if (state.currency !== undefined && state.currency.toUpperCase() !== row.currency) {
      return { expectedCurrency: row.currency, reportedCurrency: state.currency };
    }
    for (const reported of [state.amountMinor, state.claimedAmountMinor]) {
      if (reported !== undefined && reported !== expected) {
        return { expectedAmountMinor: expected.toString(), reportedAmountMinor: reported.toString() };
      }
    }
    return undefined;
  }

  private targetOf(
    row: PaymentIntentRow,
    state: ProviderState,
    now: Date,
  ): { target?: PaymentStatus; patch: IntentPatch } {
    switch (state.status) {
      case 'requires_action':
        return { patch: {} };
      case 'pending':
        return { target: 'processing', patch: {} };
      case 'authorized':
        return { target: 'processing', patch: row.authorizedAt ? {} : { authorizedAt: now } };
      case 'captured': {
        if (row.status === 'succeeded' || row.status === 'partially_refunded' || row.status === 'refunded')
          return { patch: {} };
        const captured = state.amountMinor ?? row.amountMinor;
        // Money taken but not released: a provider risk flag, or staff still reviewing.
        if (row.reviewState === 'pending' || (state.riskFlag && row.reviewState === null)) {
          if (row.status === 'processing' && row.reviewState === 'pending' && row.capturedMinor === captured)
            return { patch: {} };
          return { target: 'processing', patch: { capturedMinor: captured, reviewState: 'pending' } };
        }
        return {
          target: 'succeeded',
          patch: { capturedMinor: captured, succeededAt: now, failureCode: null, failureMessage: null },
        };
      }
      case 'failed':
        return {
          target: 'failed',
          patch: {
            failureCode: state.failure?.code ?? 'PROVIDER_FAILED',
            failureMessage: state.failure?.message ?? null,
          },
        };
      case 'canceled':
        return {
          target: 'canceled',
          patch: {
            failureCode: state.failure?.code ?? 'CANCELED',
            failureMessage: state.failure?.message ?? null,
          },
        };
    }
  }
}
