import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK, decodeCursor, newId, type Page, toPage } from '@haat/common';
import { type Database, isUniqueViolation, type Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { IntentsRepository } from '../intents/intents.repository.js';
import { DEFAULT_FRAUD_SETTINGS, type FraudSettings, FraudSettingsSchema } from './dto/fraud-settings.dto.js';
import {
  type AddBlockSchema,
  CreatedCursorSchema,
  normaliseBlockValue,
  toAssessmentView,
  toBlockView,
} from './dto/fraud.dto.js';
import { assessmentNotFound, blockExists, blockNotFound } from './fraud.errors.js';
import { FraudRepository } from './fraud.repository.js';
import type { BlocklistKind } from './fraud.schema.js';
import { assessRisk, type RiskAssessment, type RiskSignals } from './risk-scoring.rules.js';
import type { z } from 'zod';

const DAY_MS = 86_400_000;

/**
 * Fraud checks before capture: gathers the tenant's settings, blocklist hits and recent payment
 * counts, scores with `assessRisk` and stores the assessment with the intent; settings,
 * blocklists and assessments for tenant staff.
 */
@Injectable()
export class FraudService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: FraudRepository,
    private readonly intents: IntentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Scores a payment about to be created (inside the creating transaction). */
  async assess(tx: Tx, tenantId: string, signals: RiskSignals): Promise<RiskAssessment> {
    const settings = (await this.repo.settings(tx, tenantId)) ?? DEFAULT_FRAUD_SETTINGS;
    const now = this.clock.now().getTime();
    const since = new Date(now - settings.velocity.windowMinutes * 60_000);
    const phone = signals.phone ? normaliseBlockValue('phone', signals.phone) : null;
    const count = (column: 'customerId' | 'deviceId' | 'clientIp' | 'customerPhone', value: string | null) =>
      value ? this.intents.countSince(tx, tenantId, column, value, since) : Promise.resolve(0);
    // One after the other: a transaction is one connection, and pg queues concurrent queries on it anyway.
    const byCustomer = await count('customerId', signals.customerId);
    const byDevice = await count('deviceId', signals.deviceId);
    const byIp = await count('clientIp', signals.ip);
    const byPhone = await count('customerPhone', phone);
    const recentFailures = await this.intents.failuresSince(
      tx,
      tenantId,
      signals.customerId,
      phone,
      new Date(now - DAY_MS),
    );
    const customersOnPhone = phone
      ? await this.intents.customersOnPhone(tx, tenantId, phone, new Date(now - 30 * DAY_MS))
      : 0;
    const hits = await this.repo.hits(tx, tenantId, this.blockCandidates(signals));
    return assessRisk(
      signals,
      { byCustomer, byDevice, byIp, byPhone, recentFailures, customersOnPhone },
      hits.map((h) => ({ kind: h.kind, reason: h.reason })),
      settings,
    );
  }

  /** Stores the assessment of a created intent. */
  async record(
    tx: Tx,
    tenantId: string,
    intent: { id: string; orderId: string },
    signals: RiskSignals,
    result: RiskAssessment,
  ): Promise<void> {
    await this.repo.addAssessment(tx, {
      tenantId,
      id: newId(),
      intentId: intent.id,
      orderId: intent.orderId,
      score: result.score,
      decision: result.decision,
      reasons: result.reasons,
      signals,
      createdAt: this.clock.now(),
    });
  }

  private blockCandidates(s: RiskSignals): { kind: BlocklistKind; value: string }[] {
    const out: { kind: BlocklistKind; value: string }[] = [];
    if (s.phone) out.push({ kind: 'phone', value: normaliseBlockValue('phone', s.phone) });
    if (s.email) out.push({ kind: 'email', value: normaliseBlockValue('email', s.email) });
    if (s.ip) out.push({ kind: 'ip', value: s.ip });
    if (s.deviceId) out.push({ kind: 'device', value: s.deviceId });
    if (s.customerId) out.push({ kind: 'customer', value: s.customerId });
    return out;
  }

  async getSettings(ctx: TenantContext): Promise<FraudSettings> {
    return (
      (await this.database.withTenant(ctx.tenantId, (tx) => this.repo.settings(tx, ctx.tenantId))) ??
      DEFAULT_FRAUD_SETTINGS
    );
  }

  async putSettings(
    ctx: TenantContext,
    settings: z.output<typeof FraudSettingsSchema>,
  ): Promise<FraudSettings> {
    await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.saveSettings(tx, ctx.tenantId, settings, ctx.userId, this.clock.now()),
    );
    return settings;
  }

  async addBlock(ctx: TenantContext, input: z.output<typeof AddBlockSchema>) {
    try {
      const row = await this.database.withTenant(ctx.tenantId, (tx) =>
        this.repo.addBlock(tx, {
          tenantId: ctx.tenantId,
          id: newId(),
          kind: input.kind,
          value: normaliseBlockValue(input.kind, input.value),
          reason: input.reason,
          createdBy: ctx.userId,
          createdAt: this.clock.now(),
        }),
      );
      return toBlockView(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw blockExists(input.kind);
      throw err;
    }
  }

  async removeBlock(ctx: TenantContext, id: string): Promise<void> {
    const removed = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.removeBlock(tx, ctx.tenantId, id),
    );
    if (!removed) throw blockNotFound(id);
  }

  async listBlocks(
    ctx: TenantContext,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ReturnType<typeof toBlockView>>> {
    const after = decodeCursor(query.cursor, CreatedCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.listBlocks(
        tx,
        ctx.tenantId,
        query.limit,
        after && { createdAt: new Date(after.createdAt), id: after.id },
      ),
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ createdAt: r.createdAt.toISOString(), id: r.id }),
      toBlockView,
    );
  }

  async listAssessments(
    ctx: TenantContext,
    query: { limit: number; cursor?: string; decision?: 'allow' | 'review' | 'deny' },
  ): Promise<Page<ReturnType<typeof toAssessmentView>>> {
    const after = decodeCursor(query.cursor, CreatedCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.listAssessments(
        tx,
        ctx.tenantId,
        { decisions: query.decision ? [query.decision] : undefined },
        query.limit,
        after && { createdAt: new Date(after.createdAt), id: after.id },
      ),
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ createdAt: r.createdAt.toISOString(), id: r.id }),
      toAssessmentView,
    );
  }

  async assessmentOf(ctx: TenantContext, intentId: string) {
    const row = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.assessmentOf(tx, ctx.tenantId, intentId),
    );
    if (!row) throw assessmentNotFound(intentId);
    return toAssessmentView(row);
  }
}
