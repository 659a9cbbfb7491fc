import { verify } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CertificateCache } from '../certificate.cache.js';
import { signatureInvalid } from '../gateway.errors.js';
import { headerValue } from '../provider-money.js';

/** PayPal's signed string: `<transmission id>|<transmission time>|<webhook id>|<CRC32 of the raw body>`. */
export function paypalSignedString(
  transmissionId: string,
  transmissionTime: string,
  webhookId: string,
  rawBody: Buffer,
): string {
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody)}`;
}

/**
 * Offline verification of a PayPal webhook (shared/gateways/paypal.md §7.3): the certificate must
 * come from a trusted URL, then SHA256withRSA over the signed string with the tenant's own
 * webhook id — so one tenant's webhook cannot be replayed to another tenant's listener.
 */
export async function verifyPaypalWebhook(options: {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  webhookId: string;
  certificates: CertificateCache;
  trustedCertUrl: RegExp;
}): Promise<void> {
  const h = (name: string) => headerValue(options.headers, name);
  const transmissionId = h('paypal-transmission-id');
  const time = h('paypal-transmission-time');
  const signature = h('paypal-transmission-sig');
  const certUrl = h('paypal-cert-url');
  const algorithm = h('paypal-auth-algo') ?? 'SHA256withRSA';
  if (!transmissionId || !time || !signature || !certUrl)
    throw signatureInvalid('paypal', 'PAYPAL-TRANSMISSION headers are missing');
  if (algorithm !== 'SHA256withRSA') throw signatureInvalid('paypal', `unsupported algorithm ${algorithm}`);
  const key = await options.certificates.publicKey('paypal', certUrl, options.trustedCertUrl);
  const signed = paypalSignedString(transmissionId, time, options.webhookId, options.rawBody);
  if (!verify('sha256', Buffer.from(signed, 'utf8'), key, Buffer.from(signature, 'base64'))) {
    throw signatureInvalid('paypal', 'the transmission signature does not match');
  }
}
