/** One weight slab: parcels up to `maxGrams` cost `feeMinor`. */
export interface WeightSlab {
  maxGrams: number;
  feeMinor: bigint;
}

/** A tenant's (or vendor's) price for one zone. */
export interface RateRule {
  slabs: readonly WeightSlab[];
  /** Added per started kilogram beyond the last slab; null: heavier parcels are refused. */
  extraPerKgMinor: bigint | null;
  /** Cash-on-delivery charge in basis points of the amount collected (100 = 1 %). */
  codFeeBps: number;
  /** The least COD charge when there is one. */
  codFeeMinMinor: bigint;
  /** Goods worth at least this ship free (the delivery fee, not the COD charge); null: never. */
  freeShippingThresholdMinor: bigint | null;
}

/** What a parcel costs to ship. */
export interface ShippingCost {
  deliveryFeeMinor: bigint;
  codFeeMinor: bigint;
  discountMinor: bigint;
  totalMinor: bigint;
  freeShipping: boolean;
}

/** Why a parcel cannot be priced by a rule. */
export type CostRefusal = { reason: 'too_heavy'; maxGrams: number };

/** `ceil(a / b)` for non-negative integers. */
const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/** The delivery fee of a weight by the slabs; a refusal when it is heavier than every slab and no per-kg price is set. */
export function slabFee(rule: RateRule, weightGrams: number): bigint | CostRefusal {
  const slabs = [...rule.slabs].sort((a, b) => a.maxGrams - b.maxGrams);
  const fit = slabs.find((s) => weightGrams <= s.maxGrams);
  if (fit) return fit.feeMinor;
  const last = slabs[slabs.length - 1];
  if (!last || rule.extraPerKgMinor === null) return { reason: 'too_heavy', maxGrams: last?.maxGrams ?? 0 };
  return last.feeMinor + BigInt(ceilDiv(weightGrams - last.maxGrams, 1000)) * rule.extraPerKgMinor;
}

/** The COD charge: `bps` of the amount, at least the minimum, nothing when nothing is collected. Rounded half up. */
export function codFee(rule: RateRule, codAmountMinor: bigint): bigint {
  if (codAmountMinor <= 0n) return 0n;
  const fee = (codAmountMinor * BigInt(rule.codFeeBps) + 5_000n) / 10_000n;
  return fee > rule.codFeeMinMinor ? fee : rule.codFeeMinMinor;
}

/**
 * The cost of shipping goods worth `subtotalMinor`, collecting `codAmountMinor` on delivery:
 * the delivery fee (from the slabs, or the courier's own when given), waived at the free-shipping
 * threshold, plus the COD charge (the courier's when given, else the rule's).
 */
export function shippingCost(
  rule: RateRule,
  input: {
    deliveryFeeMinor: bigint;
    subtotalMinor: bigint;
    codAmountMinor: bigint;
    courierCodFeeMinor?: bigint;
  },
): ShippingCost {
  const freeShipping =
    rule.freeShippingThresholdMinor !== null && input.subtotalMinor >= rule.freeShippingThresholdMinor;
  const discountMinor = freeShipping ? input.deliveryFeeMinor : 0n;
  const codFeeMinor = input.courierCodFeeMinor ?? codFee(rule, input.codAmountMinor);
  return {
    deliveryFeeMinor: input.deliveryFeeMinor,
    codFeeMinor,
    discountMinor,
    totalMinor: input.deliveryFeeMinor - discountMinor + codFeeMinor,
    freeShipping,
  };
}
