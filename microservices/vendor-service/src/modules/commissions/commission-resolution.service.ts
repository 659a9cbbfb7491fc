import { Inject, Injectable } from '@nestjs/common';
import { type Clock, type CurrencyCode, money, NotFoundError, toMoneyJson } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import { resolveCommission } from './commission.resolver.js';
import { CommissionRulesRepository } from './commission-rules.repository.js';
import { COMMISSION_ERRORS } from './commissions.errors.js';
import type { ResolveCommissionInput, ResolveCommissionResult } from './dto/resolve-commission.dto.js';

/**
 * "Which commission applies to this order line, and why", for order and accounting (REST and
 * gRPC): the rule by precedence and effective date, its level, and the amount in minor units
 * with the platform's half-even rounding.
 */
@Injectable()
export class CommissionResolutionService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    private readonly rules: CommissionRulesRepository,
    private readonly lifecycle: VendorLifecycle,
  ) {}

  async resolve(ctx: TenantContext, input: ResolveCommissionInput): Promise<ResolveCommissionResult> {
    const at = input.at ? new Date(input.at) : this.clock.now();
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const vendorIds = [...new Set(input.lines.map((l) => l.vendorId))];
      const tiers = new Map<string, string>();
      for (const id of vendorIds) tiers.set(id, (await this.lifecycle.find(tx, id)).tier);
      const candidates = await this.rules.candidates(tx, {
        vendorIds,
        categoryIds: [...new Set(input.lines.flatMap((l) => l.categoryIds))],
        tiers: [...new Set(tiers.values())],
        currencies: [...new Set(input.lines.map((l) => l.amount.currency))],
        at,
      });
      const lines = input.lines.map((l, index) => {
        const vendorTier = tiers.get(l.vendorId) ?? 'standard';
        const amount = money(l.amount.amountMinor, l.amount.currency as CurrencyCode);
        const resolved = resolveCommission(
          candidates,
          { vendorId: l.vendorId, vendorTier, categoryIds: l.categoryIds, amount },
          at,
        );
        if (!resolved) {
          throw new NotFoundError(
            COMMISSION_ERRORS.noRule,
            `No commission rule applies to line ${l.lineId ?? index} (${amount.currency}) at ${at.toISOString()}: add a default rule`,
            { line: index, lineId: l.lineId ?? null, vendorId: l.vendorId, currency: amount.currency },
          );
        }
        return {
          lineId: l.lineId ?? null,
          vendorId: l.vendorId,
          vendorTier,
          ruleId: resolved.rule.id,
          level: resolved.rule.level,
          matchedOn: resolved.matchedOn,
          percentBps: resolved.rule.percentBps,
          effectiveFrom: resolved.rule.effectiveFrom.toISOString(),
          effectiveTo: resolved.rule.effectiveTo?.toISOString() ?? null,
          amount: toMoneyJson(amount),
          percentPart: toMoneyJson(resolved.percentPart),
          fixed: toMoneyJson(resolved.fixed),
          minimum: toMoneyJson(resolved.minimum),
          commission: toMoneyJson(resolved.commission),
          minimumApplied: resolved.minimumApplied,
          cappedAtLineAmount: resolved.cappedAtLineAmount,
          explanation: resolved.explanation,
        };
      });
      return { at: at.toISOString(), lines };
    });
  }
}
