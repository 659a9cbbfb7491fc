import { addMoney, formatMajor, type Money, money, percentOf } from '@haat/common';
import type { CommissionLevel } from './commissions.schema.js';

/** The facts of a rule the resolver needs. */
export interface CommissionRuleFacts {
  id: string;
  level: CommissionLevel;
  vendorId: string | null;
  categoryId: string | null;
  tier: string | null;
  currency: string;
  percentBps: number;
  fixedMinor: bigint;
  minimumMinor: bigint;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

/** One order line to resolve: its vendor (and the vendor's tier), its categories, its amount. */
export interface CommissionLineFacts {
  vendorId: string;
  vendorTier: string;
  /** The line's category, then its ancestors: the most specific category rule wins. */
  categoryIds: readonly string[];
  amount: Money;
}

export interface CommissionComputation {
  percentPart: Money;
  fixed: Money;
  minimum: Money;
  commission: Money;
  minimumApplied: boolean;
  cappedAtLineAmount: boolean;
}

export interface ResolvedCommission extends CommissionComputation {
  rule: CommissionRuleFacts;
  /** The vendor id, category id or tier that matched; null for the tenant default. */
  matchedOn: string | null;
  explanation: string;
}

const effectiveAt = (rule: CommissionRuleFacts, at: Date) =>
  rule.effectiveFrom.getTime() <= at.getTime() &&
  (rule.effectiveTo === null || at.getTime() < rule.effectiveTo.getTime());

/** Within one level the rule that started last wins (ties: the newer rule, by its time-ordered id). */
function newest(rules: CommissionRuleFacts[]): CommissionRuleFacts | undefined {
  return [...rules].sort(
    (a, b) =>
      b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  )[0];
}

/**
 * The rule that applies to `line` at `at`: among rules in the line's currency and effective at
 * that instant, the vendor's own rule; else the most specific category's; else the vendor
 * tier's; else the tenant default. Undefined when none applies.
 */
export function pickCommissionRule(
  rules: readonly CommissionRuleFacts[],
  line: CommissionLineFacts,
  at: Date,
): { rule: CommissionRuleFacts; matchedOn: string | null } | undefined {
  const live = rules.filter((r) => r.currency === line.amount.currency && effectiveAt(r, at));
  const vendor = newest(live.filter((r) => r.level === 'vendor' && r.vendorId === line.vendorId));
  if (vendor) return { rule: vendor, matchedOn: line.vendorId };
  for (const categoryId of line.categoryIds) {
    const category = newest(live.filter((r) => r.level === 'category' && r.categoryId === categoryId));
    if (category) return { rule: category, matchedOn: categoryId };
  }
  const tier = newest(live.filter((r) => r.level === 'tier' && r.tier === line.vendorTier));
  if (tier) return { rule: tier, matchedOn: line.vendorTier };
  const fallback = newest(live.filter((r) => r.level === 'default'));
  return fallback ? { rule: fallback, matchedOn: null } : undefined;
}

/**
 * `percent of amount` (basis points, the platform's half-even rounding) `+ fixed`, raised to the
 * minimum, never more than the line amount itself.
 */
export function computeCommission(rule: CommissionRuleFacts, amount: Money): CommissionComputation {
  const currency = amount.currency;
  const percentPart = percentOf(amount, rule.percentBps);
  const fixed = money(rule.fixedMinor, currency);
  const minimum = money(rule.minimumMinor, currency);
  const raw = addMoney(percentPart, fixed);
  const minimumApplied = raw.amountMinor < minimum.amountMinor;
  const floored = minimumApplied ? minimum : raw;
  const cappedAtLineAmount = floored.amountMinor > amount.amountMinor;
  return {
    percentPart,
    fixed,
    minimum,
    commission: cappedAtLineAmount ? amount : floored,
    minimumApplied,
    cappedAtLineAmount,
  };
}

const PRECEDENCE: readonly CommissionLevel[] = ['vendor', 'category', 'tier', 'default'];
const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;
const show = (m: Money) => `${m.currency} ${formatMajor(m)}`;
const LEVEL_WORDS: Record<CommissionLevel, string> = {
  vendor: "the vendor's own rule",
  category: 'the rule of category',
  tier: 'the rule of tier',
  default: "the marketplace's default rule",
};

/** Resolves one line: the rule, why it applies, and the arithmetic as a sentence. */
export function resolveCommission(
  rules: readonly CommissionRuleFacts[],
  line: CommissionLineFacts,
  at: Date,
): ResolvedCommission | undefined {
  const picked = pickCommissionRule(rules, line, at);
  if (!picked) return undefined;
  const c = computeCommission(picked.rule, line.amount);
  const which =
    picked.rule.level === 'vendor' || picked.rule.level === 'default'
      ? LEVEL_WORDS[picked.rule.level]
      : `${LEVEL_WORDS[picked.rule.level]} ${picked.matchedOn}`;
  const skipped = PRECEDENCE.slice(0, PRECEDENCE.indexOf(picked.rule.level));
  const why = skipped.length > 0 ? ` (no ${skipped.join(', no ')} rule applies)` : '';
  let arithmetic = `${pct(picked.rule.percentBps)} of ${show(line.amount)} = ${show(c.percentPart)}`;
  if (c.fixed.amountMinor > 0n)
    arithmetic += ` + fixed ${show(c.fixed)} = ${show(addMoney(c.percentPart, c.fixed))}`;
  if (c.minimumApplied) arithmetic += `, raised to the minimum ${show(c.minimum)}`;
  if (c.cappedAtLineAmount) arithmetic += `, capped at the line amount ${show(line.amount)}`;
  return {
    ...c,
    rule: picked.rule,
    matchedOn: picked.matchedOn,
    explanation: `Rule ${picked.rule.id}, ${which}${why}, effective since ${picked.rule.effectiveFrom.toISOString()}: ${arithmetic}.`,
  };
}
