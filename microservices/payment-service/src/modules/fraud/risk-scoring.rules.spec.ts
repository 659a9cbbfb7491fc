import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAUD_SETTINGS } from './dto/fraud-settings.dto.js';
import { assessRisk, type RiskHistory, type RiskSignals } from './risk-scoring.rules.js';

const signals: RiskSignals = {
  method: 'bkash',
  amountMinor: '150000',
  currency: 'BDT',
  customerId: 'u1',
  email: 'rahim@example.com',
  phone: '01712345678',
  deviceId: 'd1',
  ip: '203.0.113.9',
  shippingCountry: 'BD',
  billingCountry: 'BD',
  addressLine: 'House 12, Road 5, Dhanmondi',
  city: 'Dhaka',
};
const quiet: RiskHistory = {
  byCustomer: 0,
  byDevice: 0,
  byIp: 0,
  byPhone: 0,
  recentFailures: 0,
  customersOnPhone: 1,
};

describe('risk scoring', () => {
  it('allows an ordinary payment with a score of zero', () => {
    expect(assessRisk(signals, quiet, [], DEFAULT_FRAUD_SETTINGS)).toEqual({
      score: 0,
      decision: 'allow',
      reasons: [],
    });
  });

  it('denies a blocklisted phone whatever else', () => {
    const result = assessRisk(
      signals,
      quiet,
      [{ kind: 'phone', reason: 'chargebacks' }],
      DEFAULT_FRAUD_SETTINGS,
    );
    expect(result.decision).toBe('deny');
    expect(result.score).toBe(100);
    expect(result.reasons[0]).toMatchObject({ code: 'BLOCKLISTED_PHONE' });
  });

  it('holds a high amount from a busy device for review, naming both reasons', () => {
    const result = assessRisk(
      { ...signals, amountMinor: '6000000' },
      { ...quiet, byDevice: 3 },
      [],
      DEFAULT_FRAUD_SETTINGS,
    );
    expect(result.decision).toBe('review');
    expect(result.reasons.map((r) => r.code)).toEqual(['VELOCITY_DEVICE', 'AMOUNT_HIGH']);
    expect(result.score).toBe(55);
  });

  it('denies when velocity, amount and phone signals pile up', () => {
    const result = assessRisk(
      { ...signals, amountMinor: '25000000', phone: '12345' },
      { ...quiet, byCustomer: 5, byIp: 9 },
      [],
      DEFAULT_FRAUD_SETTINGS,
    );
    expect(result.decision).toBe('deny');
    expect(result.reasons.map((r) => r.code)).toEqual([
      'VELOCITY_CUSTOMER',
      'VELOCITY_IP',
      'AMOUNT_VERY_HIGH',
      'PHONE_INVALID',
    ]);
  });

  it('flags cash on delivery without a phone or with a thin address, and country mismatches', () => {
    const result = assessRisk(
      { ...signals, method: 'cod', phone: null, addressLine: 'x', billingCountry: 'US' },
      quiet,
      [],
      DEFAULT_FRAUD_SETTINGS,
    );
    expect(result.reasons.map((r) => r.code)).toEqual([
      'PHONE_MISSING',
      'COUNTRY_MISMATCH',
      'ADDRESS_INCOMPLETE',
    ]);
  });

  it('follows the tenant thresholds', () => {
    const strict = { ...DEFAULT_FRAUD_SETTINGS, reviewScore: 10, denyScore: 20 };
    expect(assessRisk({ ...signals, email: 'x@mailinator.com' }, quiet, [], strict).decision).toBe('review');
  });
});
