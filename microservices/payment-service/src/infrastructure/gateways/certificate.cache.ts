import { createPublicKey, type KeyObject } from 'node:crypto';
import { signatureInvalid } from './gateway.errors.js';

/**
 * Signing certificates named by the notification itself (SNS `SigningCertURL`, PayPal
 * `PAYPAL-CERT-URL`): fetched only from URLs the allow-list pattern accepts — otherwise anyone
 * could sign with their own certificate — and cached by URL.
 */
export class CertificateCache {
  private readonly keys = new Map<string, Promise<KeyObject>>();

  constructor(private readonly timeoutMs: number) {}

  async publicKey(provider: string, url: string, allowed: RegExp): Promise<KeyObject> {
    if (!allowed.test(url)) throw signatureInvalid(provider, 'the signing certificate URL is not trusted');
    let key = this.keys.get(url);
    if (!key) {
      key = this.fetchKey(url);
      this.keys.set(url, key);
      key.catch(() => this.keys.delete(url));
    }
    try {
      return await key;
    } catch {
      throw signatureInvalid(provider, 'the signing certificate could not be loaded');
    }
  }

  private async fetchKey(url: string): Promise<KeyObject> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    if (!res.ok) throw new Error(`certificate ${url} answered ${res.status}`);
    return createPublicKey(await res.text());
  }
}
