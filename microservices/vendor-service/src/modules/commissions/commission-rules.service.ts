import { Inject, Injectable } from '@nestjs/common';
import {
  type Clock,
  ConflictError,
  decodeCursor,
  newId,
  NotFoundError,
  type Page,
  toPage,
  ValidationError,
} from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import { CommissionRulesRepository } from './commission-rules.repository.js';
import { COMMISSION_ERRORS } from './commissions.errors.js';
import {
  type CommissionRule,
  type CreateCommissionRuleInput,
  type ListCommissionRulesQuery,
  toCommissionRule,
} from './dto/commission-rule.dto.js';

const CursorSchema = z.object({ id: z.string().uuid() });

/** The marketplace's commission rules (`commission-rule:*`): created, listed, ended; never edited. */
@Injectable()
export class CommissionRulesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    private readonly repository: CommissionRulesRepository,
    private readonly lifecycle: VendorLifecycle,
  ) {}

  async create(
    ctx: TenantContext,
    input: CreateCommissionRuleInput,
    options: { id?: string } = {},
  ): Promise<CommissionRule> {
    const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : this.clock.now();
    const effectiveTo = input.effectiveTo ? new Date(input.effectiveTo) : null;
    if (effectiveTo && effectiveTo <= effectiveFrom) {
      throw new ValidationError(
        'VALIDATION_FAILED',
        'Invalid body: effectiveTo: must be after effectiveFrom',
        {
          in: 'body',
          fields: [{ field: 'effectiveTo', message: 'must be after effectiveFrom', code: 'custom' }],
        },
      );
    }
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      // A vendor rule names a vendor of this tenant (404 VENDOR_NOT_FOUND otherwise).
      if (input.vendorId) await this.lifecycle.find(tx, input.vendorId);
      const row = await this.repository.insert(tx, {
        id: options.id ?? newId(),
        tenantId: ctx.tenantId,
        level: input.level,
        vendorId: input.vendorId ?? null,
        categoryId: input.categoryId ?? null,
        tier: input.tier ?? null,
        currency: input.currency,
        percentBps: input.percentBps,
        fixedMinor: input.fixedMinor ?? 0n,
        minimumMinor: input.minimumMinor ?? 0n,
        effectiveFrom,
        effectiveTo,
        note: input.note ?? null,
        createdBy: ctx.userId,
      });
      return toCommissionRule(row);
    });
  }

  async get(ctx: TenantContext, id: string): Promise<CommissionRule> {
    const row = await this.database.withTenant(ctx.tenantId, (tx) => this.repository.findById(tx, id));
    if (!row) throw ruleNotFound(id);
    return toCommissionRule(row);
  }

  async list(ctx: TenantContext, query: ListCommissionRulesQuery): Promise<Page<CommissionRule>> {
    const before = decodeCursor(query.cursor, CursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.list(tx, {
        level: query.level,
        vendorId: query.vendorId,
        categoryId: query.categoryId,
        tier: query.tier,
        activeAt: query.activeAt ? new Date(query.activeAt) : undefined,
        limit: query.limit,
        beforeId: before?.id,
      }),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toCommissionRule);
  }

  /**
   * The rules that can apply to this vendor's lines at `at` (its own, its tier's, every category
   * rule, the defaults), most specific level first: what the PDF report lists.
   */
  async applicableTo(tx: Tx, vendor: { id: string; tier: string }, at: Date): Promise<CommissionRule[]> {
    const rows = await this.repository.applicableTo(tx, vendor, at);
    const order = ['vendor', 'category', 'tier', 'default'];
    return rows
      .sort(
        (a, b) =>
          order.indexOf(a.level) - order.indexOf(b.level) ||
          b.effectiveFrom.getTime() - a.effectiveFrom.getTime(),
      )
      .map(toCommissionRule);
  }

  /** Ends a rule at `effectiveTo` (409 `COMMISSION_RULE_ENDED` if it already ends earlier, or starts later). */
  async end(ctx: TenantContext, id: string, effectiveTo: Date): Promise<CommissionRule> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repository.end(tx, id, effectiveTo, ctx.userId);
      if (row) return toCommissionRule(row);
      const current = await this.repository.findById(tx, id);
      if (!current) throw ruleNotFound(id);
      throw new ConflictError(
        COMMISSION_ERRORS.alreadyEnded,
        'A rule can only be ended after it starts and before it already ends',
        {
          id,
          effectiveFrom: current.effectiveFrom.toISOString(),
          effectiveTo: current.effectiveTo?.toISOString() ?? null,
        },
      );
    });
  }
}

function ruleNotFound(id: string): NotFoundError {
  return new NotFoundError(COMMISSION_ERRORS.ruleNotFound, 'No such commission rule', { id });
}
