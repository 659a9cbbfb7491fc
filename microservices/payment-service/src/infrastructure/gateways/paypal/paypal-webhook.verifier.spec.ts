import { describe, expect, it } from 'vitest';
import { paypalSignedString } from './paypal-webhook.verifier.js';

describe('PayPal signed string', () => {
  it('matches the reference vector (CRC32 as an unsigned decimal)', () => {
    const body = Buffer.from('{"id":"WH-TEST-1","event_type":"PAYMENT.CAPTURE.COMPLETED"}');
    expect(paypalSignedString('tx-123', '2024-01-01T00:00:00Z', 'WEBHOOKID1', body)).toBe(
      'tx-123|2024-01-01T00:00:00Z|WEBHOOKID1|2077941293',
    );
  });
});
