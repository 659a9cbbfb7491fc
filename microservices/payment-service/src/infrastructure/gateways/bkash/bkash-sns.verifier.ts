import { verify } from 'node:crypto';
import { z } from 'zod';
import type { CertificateCache } from '../certificate.cache.js';
import { notificationMalformed, signatureInvalid } from '../gateway.errors.js';

/** The Amazon SNS HTTP envelope bKash IPNs travel in. */
export const SnsEnvelopeSchema = z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().min(1).max(200),
  Token: z.string().optional(),
  TopicArn: z.string().min(1),
  Subject: z.string().optional(),
  Message: z.string(),
  SubscribeURL: z.string().optional(),
  Timestamp: z.string().min(1),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
  UnsubscribeURL: z.string().optional(),
});
export type SnsEnvelope = z.infer<typeof SnsEnvelopeSchema>;

const NOTIFICATION_KEYS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_KEYS = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
] as const;

/** SNS's string to sign: `key\nvalue\n` for each present key, in the documented order. */
export function snsStringToSign(message: SnsEnvelope): string {
  const keys = message.Type === 'Notification' ? NOTIFICATION_KEYS : CONFIRMATION_KEYS;
  let out = '';
  for (const key of keys) {
    const value = message[key];
    if (value !== undefined && value !== '') out += `${key}\n${value}\n`;
  }
  return out;
}

/** Parses the raw body (sent as text/plain) into an SNS envelope; 400 when it is not one. */
export function parseSnsEnvelope(rawBody: Buffer): SnsEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw notificationMalformed('bkash', 'the body is not JSON');
  }
  const parsed = SnsEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw notificationMalformed('bkash', 'the body is not an SNS message');
  return parsed.data;
}

/**
 * Verifies an SNS message exactly as bKash's own plugin does: the certificate URL must match the
 * trusted pattern (the URL comes from the message itself), then RSA PKCS#1 v1.5 with SHA-1
 * (version 1) or SHA-256 (version 2) over the canonical string.
 */
export async function verifySnsMessage(
  message: SnsEnvelope,
  certificates: CertificateCache,
  trustedCertUrl: RegExp,
): Promise<void> {
  const key = await certificates.publicKey('bkash', message.SigningCertURL, trustedCertUrl);
  const algorithm = message.SignatureVersion === '2' ? 'sha256' : 'sha1';
  const ok = verify(
    algorithm,
    Buffer.from(snsStringToSign(message), 'utf8'),
    key,
    Buffer.from(message.Signature, 'base64'),
  );
  if (!ok) throw signatureInvalid('bkash', 'the SNS signature does not match');
}
