import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import type { PaymentMethod } from '@haat/contracts';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { systemContext, type TenantContext } from '@haat/tenant';
import type {
  InboundNotification,
  ProviderState,
  VerifiedNotification,
} from '../../infrastructure/gateways/payment-gateway.js';
import { PaymentGateways } from '../../infrastructure/gateways/payment-gateways.js';
import { toGatewayIntent } from '../intents/intent-gateway.mapper.js';
import { amountMismatch, intentUnknown } from '../intents/intents.errors.js';
import type { PaymentIntentRow } from '../intents/intents.schema.js';
import { IntentsService } from '../intents/intents.service.js';
import { PaymentSettlementService, type Settlement } from '../intents/payment-settlement.service.js';
import { RefundsService } from '../refunds/refunds.service.js';
import type { WebhookAnswer } from './dto/webhook.dto.js';
import { WebhookReceiptsRepository } from './webhook-receipts.repository.js';
import { webhookAccountUnknown, webhookUnsupported } from './webhooks.errors.js';

/**
 * Provider webhooks and IPNs: the signature is verified before anything else (400, no effect),
 * the provider's event id is claimed in the webhook inbox in the transaction of the effect (a
 * replay answers 200 and changes nothing), the payment must be one of the tenant's (404
 * otherwise), and amount and currency must match the intent (400, recorded on its timeline).
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('WebhooksService');

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly receipts: WebhookReceiptsRepository,
    private readonly intents: IntentsService,
    private readonly settlement: PaymentSettlementService,
    private readonly refunds: RefundsService,
    private readonly gateways: PaymentGateways,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(
    provider: PaymentMethod,
    tenantId: string,
    notification: InboundNotification,
  ): Promise<WebhookAnswer> {
    if (provider === 'cod') throw webhookUnsupported(provider);
    const account = await this.intents.resolveAccount(tenantId, provider);
    if (!account) throw webhookAccountUnknown(provider);
    const gateway = this.gateways.of(provider);
    let verified: VerifiedNotification;
    try {
      verified = await gateway.verifyNotification(account, notification);
    } catch (err) {
      this.logger.warn(
        { provider, tenantId, err: err instanceof Error ? err.message : String(err) },
        'Webhook refused',
      );
      throw err;
    }
    const ctx = systemContext(
      `webhook-${provider}-${verified.eventId}`.slice(0, 200),
      tenantId,
    ) as TenantContext;

    if (verified.kind === 'ignore') return this.record(ctx, provider, verified.eventId, null, 'ignored');
    if (verified.kind === 'refund' && verified.refund) {
      const known = await this.refunds.applyNotification(
        ctx,
        verified.refund.providerRefundId,
        verified.refund,
        'webhook',
      );
      return this.record(ctx, provider, verified.eventId, null, known ? 'applied' : 'ignored');
    }
    if (verified.kind === 'payment' && !verified.sync && verified.state) {
      return this.settle(ctx, provider, verified, { match: verified.match ?? {} }, verified.state);
    }

    // The provider must be asked first: skip that for an event already handled.
    const seen = await this.database.withTenant(tenantId, (tx) =>
      this.receipts.exists(tx, tenantId, provider, verified.eventId),
    );
    if (seen) return { received: true, duplicate: true, outcome: 'duplicate' };
    const intent = await this.intents.findByProviderMatch(tenantId, provider, verified.match ?? {});
    if (!intent) return this.unknown(ctx, provider, verified);
    const state = await this.currentState(provider, account, intent, verified);
    return this.settle(ctx, provider, verified, { intentId: intent.id }, state);
  }

  /** bKash IPNs cover every channel of the merchant (QR, USSD, app): others' payments are recorded and ignored. */
  private unknown(
    ctx: TenantContext,
    provider: PaymentMethod,
    verified: VerifiedNotification,
  ): Promise<WebhookAnswer> {
    if (provider === 'bkash') return this.record(ctx, provider, verified.eventId, null, 'ignored');
    this.logger.warn(
      { provider, tenantId: ctx.tenantId, match: verified.match },
      'Webhook for an unknown payment refused',
    );
    throw intentUnknown(provider, verified.match ?? {});
  }

  /** The state to apply: the notification's own copy, or the provider's answer when it must be re-read. */
  private async currentState(
    provider: PaymentMethod,
    account: NonNullable<Awaited<ReturnType<IntentsService['resolveAccount']>>>,
    intent: PaymentIntentRow,
    verified: VerifiedNotification,
  ): Promise<ProviderState> {
    const gateway = this.gateways.of(provider);
    if (verified.kind === 'complete') {
      if (intent.status !== 'requires_action') return { status: 'requires_action' };
      return gateway.complete(account, toGatewayIntent(intent), {
        token: intent.providerRef ?? '',
        outcome: 'return',
      });
    }
    if (verified.sync) {
      const current = await gateway.sync(account, toGatewayIntent(intent));
      const claimed = verified.state?.claimedAmountMinor;
      return claimed === undefined ? current : { ...current, claimedAmountMinor: claimed };
    }
    return verified.state ?? { status: 'requires_action' };
  }

  /**
   * One transaction: lock the intent, claim the event id (a duplicate stops here), apply. An
   * unknown payment claims nothing; a mismatched amount gives its claim back.
   */
  private async settle(
    ctx: TenantContext,
    provider: PaymentMethod,
    verified: VerifiedNotification,
    target: { intentId: string } | { match: NonNullable<VerifiedNotification['match']> },
    state: ProviderState,
  ): Promise<WebhookAnswer> {
    const eventId = verified.eventId;
    type Done =
      | { duplicate: true }
      | { duplicate: false; settlement: Settlement }
      | { duplicate: false; unknown: true };
    const done: Done = await this.database.withTenant(ctx.tenantId, async (tx): Promise<Done> => {
      // The intent's row lock also orders concurrent deliveries of one event: the second finds the claim.
      const row =
        'intentId' in target
          ? await this.intents.lock(tx, ctx.tenantId, target.intentId)
          : await this.intents.lockByProviderMatch(tx, ctx.tenantId, provider, target.match);
      if (!row) return { duplicate: false, unknown: true };
      const claimed = await this.receipts.claim(tx, {
        tenantId: ctx.tenantId,
        provider,
        eventId,
        intentId: row.id,
        outcome: 'applied',
        receivedAt: this.clock.now(),
      });
      if (!claimed) return { duplicate: true };
      const settlement = await this.settlement.apply(tx, ctx, row, state, 'webhook');
      // A refusal is an answer, not a handled event: keep the timeline entry, not the claim.
      if (settlement.outcome === 'rejected') await this.receipts.release(tx, ctx.tenantId, provider, eventId);
      else if (settlement.outcome !== 'applied')
        await this.receipts.setOutcome(tx, ctx.tenantId, provider, eventId, settlement.outcome);
      return { duplicate: false, settlement };
    });
    if (done.duplicate) return { received: true, duplicate: true, outcome: 'duplicate' };
    if ('unknown' in done) return this.unknown(ctx, provider, verified);
    const { settlement } = done;
    if (settlement.outcome === 'rejected')
      throw amountMismatch({ provider, intentId: settlement.row.id, ...settlement.mismatch });
    if (settlement.outcome === 'applied')
      await this.intents.captureIfApproved(ctx, settlement.row, 'webhook');
    return { received: true, duplicate: false, outcome: settlement.outcome };
  }

  private async record(
    ctx: TenantContext,
    provider: PaymentMethod,
    eventId: string,
    intentId: string | null,
    outcome: string,
  ): Promise<WebhookAnswer> {
    const claimed = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.receipts.claim(tx, {
        tenantId: ctx.tenantId,
        provider,
        eventId,
        intentId,
        outcome,
        receivedAt: this.clock.now(),
      }),
    );
    return { received: true, duplicate: !claimed, outcome: claimed ? outcome : 'duplicate' };
  }
}
