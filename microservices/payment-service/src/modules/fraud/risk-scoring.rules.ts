import type { FraudSettings } from './dto/fraud-settings.dto.js';

/** What the checks know about a payment and its customer. */
export interface RiskSignals {
  method: string;
  amountMinor: string;
  currency: string;
  customerId: string | null;
  email: string | null;
  phone: string | null;
  deviceId: string | null;
  ip: string | null;
  shippingCountry: string | null;
  billingCountry: string | null;
  addressLine: string | null;
  city: string | null;
}

/** Counts from the tenant's recent payments (the new one excluded). */
export interface RiskHistory {
  byCustomer: number;
  byDevice: number;
  byIp: number;
  byPhone: number;
  recentFailures: number;
  customersOnPhone: number;
}

/** One reason the score went up, shown to staff. */
export interface RiskReason {
  code: string;
  points: number;
  message: string;
}

export type RiskDecision = 'allow' | 'review' | 'deny';

export interface RiskAssessment {
  score: number;
  decision: RiskDecision;
  reasons: RiskReason[];
}

const BD_MOBILE = /^(?:\+?88)?01[3-9]\d{8}$/;
// A few throwaway-mail domains; the blocklist covers the rest per tenant.
const DISPOSABLE_DOMAINS = new Set([
  'mailinator.com',
  'guerrillamail.com',
  '10minutemail.com',
  'tempmail.com',
  'yopmail.com',
  'trashmail.com',
]);

/**
 * Scores a payment before anything is captured: blocklists (any hit denies), velocity per
 * customer, device, IP and phone, amount thresholds, address and phone signals. Pure: the
 * service gathers `history` and `blocked`, this decides.
 */
export function assessRisk(
  signals: RiskSignals,
  history: RiskHistory,
  blocked: readonly { kind: string; reason: string }[],
  settings: FraudSettings,
): RiskAssessment {
  const reasons: RiskReason[] = [];
  const add = (code: string, points: number, message: string) => reasons.push({ code, points, message });

  for (const hit of blocked)
    add(`BLOCKLISTED_${hit.kind.toUpperCase()}`, 100, `The ${hit.kind} is blocklisted: ${hit.reason}`);

  const v = settings.velocity;
  const window = `${v.windowMinutes} min`;
  if (signals.customerId && history.byCustomer >= v.perCustomer)
    add('VELOCITY_CUSTOMER', 25, `${history.byCustomer} payments by this customer in ${window}`);
  if (signals.deviceId && history.byDevice >= v.perDevice)
    add('VELOCITY_DEVICE', 25, `${history.byDevice} payments from this device in ${window}`);
  if (signals.ip && history.byIp >= v.perIp)
    add('VELOCITY_IP', 20, `${history.byIp} payments from this IP address in ${window}`);
  if (signals.phone && history.byPhone >= v.perPhone)
    add('VELOCITY_PHONE', 20, `${history.byPhone} payments with this phone in ${window}`);
  if (history.recentFailures >= settings.recentFailures)
    add('RECENT_FAILURES', 20, `${history.recentFailures} failed payments in 24 h`);

  const threshold = settings.amountThresholds[signals.currency];
  const amount = BigInt(signals.amountMinor);
  if (threshold && amount >= BigInt(threshold.highMinor))
    add('AMOUNT_VERY_HIGH', 45, 'The amount is above the high-amount threshold');
  else if (threshold && amount >= BigInt(threshold.reviewMinor))
    add('AMOUNT_HIGH', 30, 'The amount is above the review threshold');
  if (!signals.customerId && threshold && amount >= BigInt(threshold.reviewMinor))
    add('GUEST_HIGH_AMOUNT', 10, 'A guest checkout with a high amount');

  const phone = signals.phone?.replace(/[\s-]/g, '') ?? null;
  const bangladeshi = signals.currency === 'BDT' || signals.shippingCountry === 'BD';
  if (!phone && signals.method === 'cod') add('PHONE_MISSING', 15, 'Cash on delivery without a phone number');
  if (phone && bangladeshi && !BD_MOBILE.test(phone))
    add('PHONE_INVALID', 15, 'The phone is not a valid Bangladeshi mobile number');
  if (phone && history.customersOnPhone >= settings.customersPerPhone)
    add('PHONE_SHARED', 20, `${history.customersOnPhone} customers used this phone in 30 days`);

  if (
    signals.shippingCountry &&
    signals.billingCountry &&
    signals.shippingCountry !== signals.billingCountry
  ) {
    add(
      'COUNTRY_MISMATCH',
      15,
      `Billing country ${signals.billingCountry} differs from shipping country ${signals.shippingCountry}`,
    );
  }
  if (
    signals.method === 'cod' &&
    (!signals.addressLine || signals.addressLine.trim().length < 8 || !signals.city)
  ) {
    add('ADDRESS_INCOMPLETE', 10, 'The delivery address is incomplete');
  }
  const domain = signals.email?.split('@')[1]?.toLowerCase();
  if (domain && DISPOSABLE_DOMAINS.has(domain)) add('EMAIL_DISPOSABLE', 10, 'A disposable e-mail address');

  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  const decision: RiskDecision =
    score >= settings.denyScore ? 'deny' : score >= settings.reviewScore ? 'review' : 'allow';
  return { score, decision, reasons };
}
