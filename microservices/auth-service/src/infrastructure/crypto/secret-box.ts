import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * AES-256-GCM encryption at rest under a key-encryption key. Output
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts) names the key, so data written under
 * an earlier key still opens while that key is listed as previous.
 */
export class SecretBox {
  private readonly current: Buffer;
  private readonly byId: Map<string, Buffer>;

  constructor(currentKeyBase64: string, previousKeysBase64: readonly string[] = []) {
    this.current = Buffer.from(currentKeyBase64, 'base64');
    const all = [this.current, ...previousKeysBase64.map((k) => Buffer.from(k, 'base64'))];
    for (const k of all) if (k.length !== 32) throw new Error('SecretBox keys must be 32 bytes');
    this.byId = new Map(all.map((k) => [keyId(k), k]));
  }

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, keyId(this.current), iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Throws when the key is unknown or the data (or its associated data) was tampered with. */
  open(sealed: string, associatedData: string): string {
    const [version, id, iv, tag, body] = sealed.split('.');
    const key = id === undefined ? undefined : this.byId.get(id);
    if (version !== VERSION || !key || !iv || !tag || body === undefined) {
      throw new Error('Sealed data is malformed or its key-encryption key is not configured');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
