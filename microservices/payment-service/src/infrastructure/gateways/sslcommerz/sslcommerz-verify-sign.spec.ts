import { describe, expect, it } from 'vitest';
import { expectedVerifySign, verifySignMatches } from './sslcommerz-verify-sign.js';

// The synthetic vector of shared/gateways/sslcommerz.md §4.1.
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
  verify_key: 'amount,bank_tran_id,base_fair,currency,status,store_id,tran_id,val_id,value_a',
  verify_sign: 'b10feb400e010b21dfae974d91d7ddc4',
};

describe('SSLCommerz verify_sign', () => {
  it('reproduces the reference vector bit for bit', () => {
    expect(expectedVerifySign(fields, 'demostore', 'demo_store_pw')).toBe('b10feb400e010b21dfae974d91d7ddc4');
    expect(verifySignMatches(fields, 'demostore', 'demo_store_pw')).toBe(true);
  });

  it('fails for a changed amount, a wrong password or a key list that leaves the amount out', () => {
    expect(verifySignMatches({ ...fields, amount: '1.00' }, 'demostore', 'demo_store_pw')).toBe(false);
    expect(verifySignMatches(fields, 'demostore', 'other')).toBe(false);
    expect(verifySignMatches({ ...fields, verify_key: 'status,tran_id' }, 'demostore', 'demo_store_pw')).toBe(
      false,
    );
    expect(
      verifySignMatches(
        { ...fields, verify_key: undefined as unknown as string },
        'demostore',
        'demo_store_pw',
      ),
    ).toBe(false);
  });
});
