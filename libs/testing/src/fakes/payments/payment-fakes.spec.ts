import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSnsMessage, snsCanonicalString } from './bkash/bkash-sns.signer.js';
import { SANDBOX_SIGNING_CERT_PEM } from './sandbox-signing.keys.js';
import { sslcommerzVerifySign } from './sslcommerz/sslcommerz-sign.js';
import { parseStripeForm, stripeSignatureHeader } from './stripe/stripe-fake.codec.js';

describe('payment fakes’ signing', () => {
  it('signs SSLCommerz fields with the documented verify_sign (reference vector)', () => {
    const fields = {
      amount: '100.00',
      bank_tran_id: 'BT1',
      base_fair: '0.00',
      currency: 'BDT',
      status: 'VALID',
      store_id: 'demostore',
      tran_id: 'ORDER-1',
      val_id: 'VAL1',
      value_a: '',
    };
    expect(sslcommerzVerifySign(fields, Object.keys(fields), 'demo_store_pw')).toBe(
      'b10feb400e010b21dfae974d91d7ddc4',
    );
  });

  it('builds Stripe-Signature headers as Stripe does (reference vector), one v1 per secret', () => {
    const body = '{"id":"evt_test_1","object":"event","type":"payment_intent.succeeded"}';
    expect(stripeSignatureHeader(body, ['whsec_test_secret'], 1_700_000_000)).toBe(
      't=1700000000,v1=871acfe933554b446cc41d791076dd56a10c0553cc61aafbeb881d0082b45043',
    );
    expect(stripeSignatureHeader(body, ['whsec_a', 'whsec_b'], 1).split(',v1=')).toHaveLength(3);
  });

  it('parses Stripe bracket notation into nested params', () => {
    expect(
      parseStripeForm(
        'amount=100&metadata[order_id]=42&payment_method_types[]=card&payment_method_types[]=link&a[b][c]=d',
      ),
    ).toEqual({
      amount: '100',
      metadata: { order_id: '42' },
      payment_method_types: ['card', 'link'],
      a: { b: { c: 'd' } },
    });
  });

  it('signs SNS messages verifiably with the sandbox certificate (SHA-1 and SHA-256)', () => {
    for (const version of ['1', '2'] as const) {
      const message = buildSnsMessage({
        type: 'Notification',
        topicArn: 'arn:t',
        certUrl: 'http://x/c.pem',
        message: '{"trxID":"A"}',
        signatureVersion: version,
      });
      const ok = createVerify(version === '2' ? 'RSA-SHA256' : 'RSA-SHA1')
        .update(snsCanonicalString(message))
        .verify(SANDBOX_SIGNING_CERT_PEM, message.Signature, 'base64');
      expect(ok).toBe(true);
    }
  });
});
