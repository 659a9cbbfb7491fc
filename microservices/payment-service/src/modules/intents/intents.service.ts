import { Inject, Injectable } from '@nestjs/common';
import {
  type Clock,
  CLOCK,
  decodeCursor,
  IdSchema,
  isAppError,
  newId,
  type Page,
  toPage,
} from '@haat/common';
import type { PaymentMethod } from '@haat/contracts';
import { type Database, isUniqueViolation, type Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { seesAllPayments } from '../../infrastructure/auth/tenant-context.js';
import type { GatewayAccount, ProviderState } from '../../infrastructure/gateways/payment-gateway.js';
import { PaymentGateways } from '../../infrastructure/gateways/payment-gateways.js';
import { PublicUrls } from '../../infrastructure/http/public-urls.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { normaliseBlockValue } from '../fraud/dto/fraud.dto.js';
import { FraudService } from '../fraud/fraud.service.js';
import type { RiskSignals } from '../fraud/risk-scoring.rules.js';
import type { CreateIntentInput, ListIntentsQuery } from './dto/create-intent.dto.js';
import { type IntentView, toIntentEventView, toIntentView } from './dto/intent.view.js';
import { compactReference, toGatewayIntent } from './intent-gateway.mapper.js';
import { intentExists, intentNotFound, methodNotConfigured, notCancelable } from './intents.errors.js';
import { IntentsRepository } from './intents.repository.js';
import type { PaymentIntentRow } from './intents.schema.js';
import { PAYMENT_STATUSES, type PaymentStatus } from './payment-intent.machine.js';
import { PaymentSettlementService, type Settlement } from './payment-settlement.service.js';

const ListCursorSchema = z.object({ createdAt: z.iso.datetime(), id: IdSchema });

/** What the request tells about the customer beyond the body (from the gateway's headers). */
export interface RequestOrigin {
  headers: Record<string, string | string[] | undefined>;
  clientIp: string | null;
}

/**
 * Payment intents: created once per order payment (fraud-checked first, then started at the
 * provider), read, listed and canceled; the settlement of provider reports goes through
 * `PaymentSettlementService` in every path.
 */
@Injectable()
export class IntentsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: IntentsRepository,
    private readonly settlement: PaymentSettlementService,
    private readonly accounts: AccountsService,
    private readonly fraud: FraudService,
    private readonly gateways: PaymentGateways,
    private readonly urls: PublicUrls,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(ctx: TenantContext, input: CreateIntentInput, origin: RequestOrigin): Promise<IntentView> {
    const account = await this.accounts.resolve(ctx.tenantId, input.method);
    if (!account) throw methodNotConfigured(input.method);
    const publicOrigin = this.urls.originOf(origin.headers);
    const id = newId();
    const now = this.clock.now();
    const phone = input.customer.phone ? normaliseBlockValue('phone', input.customer.phone) : null;
    const signals: RiskSignals = {
      method: input.method,
      amountMinor: input.amountMinor,
      currency: input.currency,
      customerId: ctx.userId,
      email: input.customer.email?.toLowerCase() ?? null,
      phone,
      deviceId: input.deviceId ?? null,
      ip: origin.clientIp,
      shippingCountry: input.shippingAddress?.country ?? null,
      billingCountry: input.billingCountry ?? null,
      addressLine: input.shippingAddress?.line1 ?? null,
      city: input.shippingAddress?.city ?? null,
    };
    let row: PaymentIntentRow;
    try {
      row = await this.database.withTenant(ctx.tenantId, async (tx) => {
        const risk = await this.fraud.assess(tx, ctx.tenantId, signals);
        // Without an authorization step, a payment under review is held before the customer pays.
        const holdFirst = risk.decision === 'review' && input.method === 'sslcommerz';
        const status: PaymentStatus =
          risk.decision === 'deny'
            ? 'failed'
            : holdFirst || input.method === 'cod'
              ? 'processing'
              : 'requires_action';
        const created = await this.repo.insert(tx, {
          tenantId: ctx.tenantId,
          id,
          orderId: input.orderId,
          reference: compactReference('P', id),
          method: input.method,
          status,
          amountMinor: BigInt(input.amountMinor),
          currency: input.currency,
          captureMode: risk.decision === 'review' ? 'manual' : 'automatic',
          reviewState: risk.decision === 'review' ? 'pending' : null,
          riskDecision: risk.decision,
          riskScore: risk.score,
          returnUrl: `${publicOrigin}${input.returnPath}`,
          description: input.description ?? `Order ${input.orderId}`,
          failureCode: risk.decision === 'deny' ? 'RISK_DENIED' : null,
          failureMessage: risk.decision === 'deny' ? 'The payment was refused by the fraud checks' : null,
          customerId: ctx.userId,
          customerName: input.customer.name ?? null,
          customerEmail: signals.email,
          customerPhone: phone,
          deviceId: signals.deviceId,
          clientIp: signals.ip,
          createdAt: now,
          updatedAt: now,
        });
        await this.fraud.record(tx, ctx.tenantId, created, signals, risk);
        await this.repo.addEvent(tx, {
          tenantId: ctx.tenantId,
          intentId: id,
          kind: 'created',
          source: 'api',
          fromStatus: null,
          toStatus: status,
          detail: {
            risk: { score: risk.score, decision: risk.decision, reasons: risk.reasons.map((r) => r.code) },
          },
          createdAt: now,
        });
        if (status === 'failed') await this.settlement.announce(tx, ctx, created, now);
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'payment_intents_open_order_uq')) throw intentExists(input.orderId);
      throw err;
    }
    if (row.status === 'failed' || (row.reviewState === 'pending' && row.method === 'sslcommerz'))
      return toIntentView(row);
    return toIntentView(
      await this.startAtProvider(ctx, row, account, publicOrigin, input.paymentToken ?? null),
    );
  }

  /** Creates the payment at the provider and records what the customer must do next. */
  async startAtProvider(
    ctx: TenantContext,
    row: PaymentIntentRow,
    account: GatewayAccount,
    origin: string,
    paymentToken: string | null,
  ): Promise<PaymentIntentRow> {
    const urls = this.urls.gatewayUrls(origin, ctx.tenantId, row.method, row.id);
    let result;
    try {
      result = await this.gateways.of(row.method).start(account, toGatewayIntent(row, paymentToken), urls);
    } catch (err) {
      if (isAppError(err) && (err.kind === 'unavailable' || err.kind === 'unprocessable')) {
        await this.settle(
          ctx,
          row.id,
          { status: 'failed', failure: { code: err.code, message: err.message } },
          'api',
        );
      }
      throw err;
    }
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      let current = await this.lock(tx, ctx.tenantId, row.id);
      if (result.providerRef) {
        const resume = current.status === 'processing' && result.state.status === 'requires_action';
        current =
          (await this.repo.update(tx, ctx.tenantId, row.id, {
            providerRef: result.providerRef,
            nextAction: result.nextAction,
            updatedAt: this.clock.now(),
            ...(resume ? { status: 'requires_action' as const } : {}),
          })) ?? current;
      }
      return (await this.settlement.apply(tx, ctx, current, result.state, 'api')).row;
    });
  }

  /** Applies a provider state to an intent in its own transaction. */
  async settle(
    ctx: TenantContext,
    intentId: string,
    state: ProviderState,
    source: string,
  ): Promise<Settlement> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.lock(tx, ctx.tenantId, intentId);
      return this.settlement.apply(tx, ctx, row, state, source);
    });
  }

  /**
   * Captures an authorization staff already approved (the approval came before the customer
   * finished paying). Called after every settlement that may have brought the authorization.
   */
  async captureIfApproved(
    ctx: TenantContext,
    row: PaymentIntentRow,
    source: string,
  ): Promise<PaymentIntentRow> {
    if (
      row.status !== 'processing' ||
      row.reviewState !== 'approved' ||
      !row.authorizedAt ||
      row.capturedMinor > 0n
    )
      return row;
    const account = await this.accounts.resolve(ctx.tenantId, row.method);
    if (!account) return row;
    const state = await this.gateways.of(row.method).capture(account, toGatewayIntent(row));
    return (await this.settle(ctx, row.id, state, source)).row;
  }

  async lock(tx: Tx, tenantId: string, id: string): Promise<PaymentIntentRow> {
    const row = await this.repo.find(tx, tenantId, id, { lock: true });
    if (!row) throw intentNotFound(id);
    return row;
  }

  /** The intent, if `ctx` may see it (customers only their own). */
  async load(ctx: TenantContext, id: string): Promise<PaymentIntentRow> {
    const row = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.find(tx, ctx.tenantId, id));
    if (!row || (!seesAllPayments(ctx) && row.customerId !== ctx.userId)) throw intentNotFound(id);
    return row;
  }

  async get(ctx: TenantContext, id: string): Promise<IntentView> {
    return toIntentView(await this.load(ctx, id));
  }

  async list(ctx: TenantContext, query: ListIntentsQuery): Promise<Page<IntentView>> {
    const after = decodeCursor(query.cursor, ListCursorSchema);
    const status =
      query.status && (PAYMENT_STATUSES as readonly string[]).includes(query.status)
        ? (query.status as PaymentStatus)
        : undefined;
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.list(
        tx,
        ctx.tenantId,
        {
          status,
          method: query.method,
          orderId: query.orderId,
          customerId: seesAllPayments(ctx) ? undefined : (ctx.userId ?? '-'),
          after: after && { createdAt: new Date(after.createdAt), id: after.id },
        },
        query.limit,
      ),
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ createdAt: r.createdAt.toISOString(), id: r.id }),
      toIntentView,
    );
  }

  async events(ctx: TenantContext, id: string, query: { limit: number; cursor?: string }) {
    await this.load(ctx, id);
    const after = decodeCursor(query.cursor, z.object({ id: IdSchema }));
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.listEvents(tx, ctx.tenantId, id, query.limit, after?.id),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toIntentEventView);
  }

  /** Cancels a payment nobody paid yet (voiding an authorization at the provider). */
  async cancel(ctx: TenantContext, id: string): Promise<IntentView> {
    const row = await this.load(ctx, id);
    if ((row.status !== 'requires_action' && row.status !== 'processing') || row.capturedMinor > 0n)
      throw notCancelable(row.status);
    const account = await this.accounts.resolve(ctx.tenantId, row.method);
    const reported = account
      ? await this.gateways.of(row.method).cancel(account, toGatewayIntent(row))
      : undefined;
    const state: ProviderState =
      !reported || reported.status === 'canceled'
        ? { status: 'canceled', failure: { code: 'CANCELED_ON_REQUEST', message: 'Canceled before payment' } }
        : reported;
    const settled = await this.settle(ctx, id, state, 'api');
    if (settled.row.status !== 'canceled') throw notCancelable(settled.row.status);
    return toIntentView(settled.row);
  }

  /** The intent a provider notification names, locked, in the caller's transaction. */
  lockByProviderMatch(
    tx: Tx,
    tenantId: string,
    method: PaymentMethod,
    match: { providerRef?: string; reference?: string; providerTxnId?: string },
  ): Promise<PaymentIntentRow | undefined> {
    return this.repo.findByProviderMatch(tx, tenantId, method, match, { lock: true });
  }

  /** The intent a provider notification names, if the tenant has it. */
  findByProviderMatch(
    tenantId: string,
    method: PaymentMethod,
    match: { providerRef?: string; reference?: string; providerTxnId?: string },
  ): Promise<PaymentIntentRow | undefined> {
    return this.database.withTenant(tenantId, (tx) =>
      this.repo.findByProviderMatch(tx, tenantId, method, match),
    );
  }

  /** The open cash-on-delivery intent of an order, locked in the caller's transaction. */
  findOpenCodInTx(tx: Tx, tenantId: string, orderId: string): Promise<PaymentIntentRow | undefined> {
    return this.repo.findOpenCod(tx, tenantId, orderId);
  }

  /** The intent of a browser return: the tenant's, paid with `method`. */
  findForReturn(
    tenantId: string,
    method: PaymentMethod,
    intentId: string,
  ): Promise<PaymentIntentRow | undefined> {
    return this.database
      .withTenant(tenantId, (tx) => this.repo.find(tx, tenantId, intentId))
      .then((row) => (row?.method === method ? row : undefined));
  }

  /** The enabled account of a method for the intent's tenant. */
  resolveAccount(tenantId: string, method: PaymentMethod): Promise<GatewayAccount | undefined> {
    return this.accounts.resolve(tenantId, method);
  }
}
