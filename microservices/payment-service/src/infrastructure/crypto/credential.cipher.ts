import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { InternalError } from '@haat/common';

const VERSION = 'v1';

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * AES-256-GCM for provider credentials at rest: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 * The associated data binds a ciphertext to its row (tenant and provider), so a secret copied
 * into another tenant's row does not decrypt there. Previous keys still decrypt (rotation).
 */
export class CredentialCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly keyId: string;

  constructor(
    private readonly current: Buffer,
    previous: readonly Buffer[] = [],
  ) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new Error('Credential keys must be 32 bytes');
      this.keys.set(keyIdOf(key), key);
    }
    this.keyId = keyIdOf(current);
  }

  static fromBase64(current: string, previous: readonly string[] = []): CredentialCipher {
    return new CredentialCipher(
      Buffer.from(current, 'base64'),
      previous.map((k) => Buffer.from(k, 'base64')),
    );
  }

  encrypt(plaintext: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [VERSION, this.keyId, ...parts].join('.');
  }

  decrypt(sealed: string, associatedData: string): string {
    const [version, keyId, iv, tag, body] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (version !== VERSION || !key || iv === undefined || tag === undefined || body === undefined) {
      throw new InternalError(
        'PAYMENT_CREDENTIALS_UNREADABLE',
        'Stored credentials use an unknown key or format',
        {
          keyId,
        },
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new InternalError('PAYMENT_CREDENTIALS_UNREADABLE', 'Stored credentials failed authentication', {
        keyId,
      });
    }
  }
}
