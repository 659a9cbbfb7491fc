import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK, decodeCursor, IdSchema, isAppError, newId, toPage } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { PaymentServiceConfig } from '../../config/payment-service.config.js';
import type { GatewayRefund, RefundState } from '../../infrastructure/gateways/payment-gateway.js';
import { PaymentGateways } from '../../infrastructure/gateways/payment-gateways.js';
import { compactReference, toGatewayIntent } from '../intents/intent-gateway.mapper.js';
import { IntentsService } from '../intents/intents.service.js';
import { PaymentSettlementService } from '../intents/payment-settlement.service.js';
import { CAPTURED_STATUSES } from '../intents/payment-intent.machine.js';
import { type CreateRefundInput, type RefundView, toRefundView } from './dto/refund.dto.js';
import { notRefundable, refundExceeds, refundNotFound } from './refunds.errors.js';
import { RefundsRepository } from './refunds.repository.js';
import type { PaymentRefundRow } from './refunds.schema.js';

const toGatewayRefund = (r: PaymentRefundRow): GatewayRefund => ({
  id: r.id,
  reference: r.reference,
  amountMinor: r.amountMinor,
  currency: r.currency,
  reason: r.reason,
  providerRefundId: r.providerRefundId,
});

/**
 * Refunds: full or partial, several partials up to the captured amount (checked under the
 * intent's row lock, counting pending refunds), sent to the provider, then followed until the
 * provider says succeeded or failed — by the answer itself, a webhook, or the refund-check job.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('RefundsService');

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: RefundsRepository,
    private readonly intents: IntentsService,
    private readonly settlement: PaymentSettlementService,
    private readonly gateways: PaymentGateways,
    @Inject(SERVICE_CONFIG) private readonly config: PaymentServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(ctx: TenantContext, intentId: string, input: CreateRefundInput): Promise<RefundView> {
    const intent = await this.intents.load(ctx, intentId);
    const account = await this.intents.resolveAccount(ctx.tenantId, intent.method);
    const id = newId();
    const refund = await this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.intents.lock(tx, ctx.tenantId, intentId);
      if (row.status === 'refunded')
        throw refundExceeds(input.amountMinor ? BigInt(input.amountMinor) : 0n, 0n);
      if (!CAPTURED_STATUSES.has(row.status)) throw notRefundable(row.status);
      const refundable = row.capturedMinor - (await this.repo.reservedMinor(tx, ctx.tenantId, intentId));
      const amount = input.amountMinor ? BigInt(input.amountMinor) : refundable;
      if (amount <= 0n || amount > refundable) throw refundExceeds(amount, refundable > 0n ? refundable : 0n);
      const now = this.clock.now();
      const created = await this.repo.insert(tx, {
        tenantId: ctx.tenantId,
        id,
        intentId,
        reference: compactReference('R', id),
        amountMinor: amount,
        currency: row.currency,
        status: 'pending',
        reason: input.reason,
        requestedBy: ctx.userId,
        createdAt: now,
        updatedAt: now,
      });
      await this.repo.scheduleCheck(
        tx,
        id,
        ctx.tenantId,
        new Date(now.getTime() + this.config.PAYMENT_REFUND_CHECK_INTERVAL),
      );
      await this.settlement.note(tx, row, 'refund_requested', 'api', {
        refundId: id,
        amountMinor: amount.toString(),
      });
      return created;
    });
    if (!account) return toRefundView(refund);
    const gateway = this.gateways.of(intent.method);
    let state: RefundState;
    try {
      state = await gateway.refund(account, toGatewayIntent(intent), toGatewayRefund(refund));
      if (state.status === 'pending' && state.providerRefundId) {
        state = await gateway.refundStatus(account, toGatewayIntent(intent), {
          ...toGatewayRefund(refund),
          providerRefundId: state.providerRefundId,
        });
      }
    } catch (err) {
      // The provider may have taken it: the refund stays pending and the check job asks again.
      if (!isAppError(err) || err.kind !== 'unavailable') throw err;
      this.logger.warn(
        { refundId: id, code: err.code },
        'Refund sent without an answer; will check its status',
      );
      return toRefundView(refund);
    }
    return toRefundView(await this.finish(ctx, id, state, 'api'));
  }

  /** Records what the provider said about a refund; a final refund is not changed again. */
  async finish(
    ctx: TenantContext,
    refundId: string,
    state: RefundState,
    source: string,
  ): Promise<PaymentRefundRow> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const current = await this.repo.find(tx, ctx.tenantId, refundId, { lock: true });
      if (!current) throw refundNotFound(refundId);
      if (current.status !== 'pending') return current;
      const now = this.clock.now();
      const providerRefundId = state.providerRefundId ?? current.providerRefundId;
      if (state.status === 'pending') {
        return (
          (await this.repo.update(tx, ctx.tenantId, refundId, { providerRefundId, updatedAt: now })) ??
          current
        );
      }
      // Lock order: intent after refund everywhere, so two finishers cannot deadlock.
      const intent = await this.intents.lock(tx, ctx.tenantId, current.intentId);
      const updated = await this.repo.update(tx, ctx.tenantId, refundId, {
        providerRefundId,
        status: state.status,
        failureReason:
          state.status === 'failed' ? (state.failureReason ?? 'The provider refused the refund') : null,
        updatedAt: now,
        completedAt: now,
      });
      await this.repo.clearCheck(tx, refundId);
      if (state.status === 'succeeded') {
        await this.settlement.applyRefund(
          tx,
          ctx,
          intent,
          { id: refundId, amountMinor: current.amountMinor },
          source,
        );
      } else {
        await this.settlement.note(tx, intent, 'refund_failed', source, {
          refundId,
          reason: state.failureReason ?? null,
        });
      }
      return updated ?? current;
    });
  }

  /** A provider notification about a refund (found by the provider's refund id). */
  async applyNotification(
    ctx: TenantContext,
    providerRefundId: string,
    state: RefundState,
    source: string,
  ): Promise<boolean> {
    const found = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.findByProviderId(tx, ctx.tenantId, providerRefundId),
    );
    if (!found) return false;
    await this.finish(ctx, found.id, state, source);
    return true;
  }

  /** Asks the provider about one pending refund (the check job). */
  async check(ctx: TenantContext, refundId: string): Promise<PaymentRefundRow | undefined> {
    const refund = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.find(tx, ctx.tenantId, refundId),
    );
    if (!refund || refund.status !== 'pending') {
      await this.database.transaction((tx) => this.repo.clearCheck(tx, refundId));
      return refund;
    }
    const intent = await this.intents.load(ctx, refund.intentId);
    const account = await this.intents.resolveAccount(ctx.tenantId, intent.method);
    if (!account) return refund;
    const state = await this.gateways
      .of(intent.method)
      .refundStatus(account, toGatewayIntent(intent), toGatewayRefund(refund));
    return this.finish(ctx, refundId, state, 'refund-check');
  }

  async get(ctx: TenantContext, id: string): Promise<RefundView> {
    const row = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.find(tx, ctx.tenantId, id));
    if (!row) throw refundNotFound(id);
    await this.intents.load(ctx, row.intentId);
    return toRefundView(row);
  }

  async list(ctx: TenantContext, intentId: string, query: { limit: number; cursor?: string }) {
    await this.intents.load(ctx, intentId);
    const after = decodeCursor(query.cursor, z.object({ id: IdSchema }));
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.listForIntent(tx, ctx.tenantId, intentId, query.limit, after?.id),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toRefundView);
  }
}
