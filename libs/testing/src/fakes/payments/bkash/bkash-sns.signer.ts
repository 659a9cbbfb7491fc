import { createSign, randomUUID } from 'node:crypto';
import { SANDBOX_SIGNING_KEY_PEM } from '../sandbox-signing.keys.js';

/** An Amazon SNS message as delivered over HTTP (the bKash IPN envelope). */
export interface SnsMessage {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  Token?: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  SubscribeURL?: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL?: string;
}

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

/** SNS's canonical string: `key\nvalue\n` for each present key, in the documented order. */
export function snsCanonicalString(message: Omit<SnsMessage, 'Signature'>): string {
  const keys = message.Type === 'Notification' ? NOTIFICATION_KEYS : CONFIRMATION_KEYS;
  let out = '';
  for (const key of keys) {
    const value = message[key];
    if (value !== undefined && value !== '') out += `${key}\n${value}\n`;
  }
  return out;
}

/** Signs an SNS message with the sandbox key (SignatureVersion 1 = SHA-1, 2 = SHA-256). */
export function signSnsMessage(message: Omit<SnsMessage, 'Signature'>): SnsMessage {
  const signer = createSign(message.SignatureVersion === '2' ? 'RSA-SHA256' : 'RSA-SHA1');
  signer.update(snsCanonicalString(message), 'utf8');
  return { ...message, Signature: signer.sign(SANDBOX_SIGNING_KEY_PEM, 'base64') };
}

/** Builds and signs a message of `type` carrying `inner` (a JSON string for notifications). */
export function buildSnsMessage(options: {
  type: SnsMessage['Type'];
  topicArn: string;
  certUrl: string;
  message: string;
  subscribeUrl?: string;
  token?: string;
  signatureVersion?: '1' | '2';
  messageId?: string;
}): SnsMessage {
  return signSnsMessage({
    Type: options.type,
    MessageId: options.messageId ?? randomUUID(),
    TopicArn: options.topicArn,
    Message: options.message,
    Timestamp: new Date().toISOString(),
    SignatureVersion: options.signatureVersion ?? '1',
    SigningCertURL: options.certUrl,
    ...(options.subscribeUrl ? { SubscribeURL: options.subscribeUrl } : {}),
    ...(options.token ? { Token: options.token } : {}),
  });
}
