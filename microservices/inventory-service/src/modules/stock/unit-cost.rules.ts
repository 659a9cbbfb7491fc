import { type CurrencyCode, divideRounded, type Money } from '@haat/common';

/**
 * The moving average cost of a unit after a receipt: the value of what was on hand plus the
 * value received, over the new quantity, rounded by the platform's one rule (half to even).
 * Without a previous cost (or nothing on hand) the received cost is the cost.
 */
export function movingAverageCost(
  previous: { unitCost: Money | null; onHand: number },
  receipt: { quantity: number; unitCost: Money },
): Money {
  const { unitCost } = receipt;
  if (!previous.unitCost || previous.onHand <= 0) return unitCost;
  const currency: CurrencyCode = unitCost.currency;
  const value =
    previous.unitCost.amountMinor * BigInt(previous.onHand) + unitCost.amountMinor * BigInt(receipt.quantity);
  return { amountMinor: divideRounded(value, BigInt(previous.onHand + receipt.quantity)), currency };
}
