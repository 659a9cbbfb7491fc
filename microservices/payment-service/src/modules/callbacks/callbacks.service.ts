import { Injectable, Logger } from '@nestjs/common';
import type { PaymentMethod } from '@haat/contracts';
import { systemContext, type TenantContext } from '@haat/tenant';
import { PaymentGateways } from '../../infrastructure/gateways/payment-gateways.js';
import { toGatewayIntent } from '../intents/intent-gateway.mapper.js';
import { amountMismatch, intentUnknown } from '../intents/intents.errors.js';
import type { PaymentIntentRow } from '../intents/intents.schema.js';
import { IntentsService } from '../intents/intents.service.js';

/**
 * The customer's browser coming back from a provider (bKash callback, SSLCommerz success / fail /
 * cancel POST, PayPal return / cancel, Stripe return). The parameters are untrusted: the intent
 * must be the tenant's and the parameters must name its provider payment (404 otherwise), and the
 * provider's own answer (execute, validation, capture, retrieve) decides. Then the browser goes
 * back to the shop.
 */
@Injectable()
export class CallbacksService {
  private readonly logger = new Logger('CallbacksService');

  constructor(
    private readonly intents: IntentsService,
    private readonly gateways: PaymentGateways,
  ) {}

  async complete(
    provider: PaymentMethod,
    tenantId: string,
    intentId: string,
    params: Record<string, string>,
  ): Promise<string> {
    const intent = await this.intents.findForReturn(tenantId, provider, intentId);
    const account = intent ? await this.intents.resolveAccount(tenantId, provider) : undefined;
    if (!intent || !account) {
      this.logger.warn({ provider, tenantId, intentId }, 'Browser return for an unknown payment refused');
      throw intentUnknown(provider, { intentId });
    }
    const ctx = systemContext(`callback-${provider}-${intentId}`, tenantId) as TenantContext;
    // Provider parameters are checked on every return, even when the intent is already settled.
    const state = await this.gateways.of(provider).complete(account, toGatewayIntent(intent), params);
    const settled = await this.intents.settle(ctx, intent.id, state, 'callback');
    if (settled.outcome === 'rejected') throw amountMismatch({ provider, intentId, ...settled.mismatch });
    const row =
      settled.outcome === 'applied'
        ? await this.intents.captureIfApproved(ctx, settled.row, 'callback')
        : settled.row;
    return this.returnUrl(row);
  }

  private returnUrl(row: PaymentIntentRow): string {
    const url = new URL(row.returnUrl);
    url.searchParams.set('paymentIntentId', row.id);
    url.searchParams.set('status', row.status);
    return url.toString();
  }
}
