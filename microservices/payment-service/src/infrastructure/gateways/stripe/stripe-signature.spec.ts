import { describe, expect, it } from 'vitest';
import { verifyStripeSignature } from './stripe-signature.js';

// The vector of shared/gateways/stripe.md §6.2.
const body = Buffer.from('{"id":"evt_test_1","object":"event","type":"payment_intent.succeeded"}');
const v1 = '871acfe933554b446cc41d791076dd56a10c0553cc61aafbeb881d0082b45043';
const at = 1_700_000_000_000;

function check(
  header: string | undefined,
  options: { secrets?: string[]; nowMs?: number; rawBody?: Buffer } = {},
) {
  return () =>
    verifyStripeSignature({
      header,
      rawBody: options.rawBody ?? body,
      secrets: options.secrets ?? ['whsec_test_secret'],
      toleranceMs: 300_000,
      nowMs: options.nowMs ?? at + 10_000,
    });
}

describe('Stripe-Signature verification', () => {
  it('accepts the reference vector, also among several v1 values and v0 noise', () => {
    expect(check(`t=1700000000,v1=${v1}`)).not.toThrow();
    expect(check(`t=1700000000,v0=${'0'.repeat(64)},v1=${'a'.repeat(64)},v1=${v1}`)).not.toThrow();
    expect(
      check(`t=1700000000,v1=${v1}`, { secrets: ['whsec_new_secret', 'whsec_test_secret'] }),
    ).not.toThrow();
  });

  it('refuses a changed body, a wrong secret, a missing header and a missing v1', () => {
    expect(check(`t=1700000000,v1=${v1}`, { rawBody: Buffer.from(`${body.toString()} `) })).toThrow(
      /no signature matches/,
    );
    expect(check(`t=1700000000,v1=${v1}`, { secrets: ['whsec_other'] })).toThrow(/no signature matches/);
    expect(check(undefined)).toThrow(/no Stripe-Signature/);
    expect(check('t=1700000000')).toThrow(/no v1/);
    expect(check(`v1=${v1}`)).toThrow(/no timestamp/);
  });

  it('refuses a signature older than the tolerance, but not one within it', () => {
    expect(check(`t=1700000000,v1=${v1}`, { nowMs: at + 301_000 })).toThrow(/tolerance/);
    expect(check(`t=1700000000,v1=${v1}`, { nowMs: at + 299_000 })).not.toThrow();
  });
});
