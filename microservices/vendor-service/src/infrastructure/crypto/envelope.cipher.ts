import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): [Buffer, Buffer, Buffer] {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), body];
}

function decrypt(key: Buffer, iv: Buffer, tag: Buffer, body: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Thrown when sealed data cannot be opened: unknown key, malformed, or tampered with. */
export class SealedDataError extends Error {}

/**
 * Envelope encryption at rest: every record gets a fresh 256-bit data key that encrypts it
 * (AES-256-GCM); the data key itself is encrypted ("wrapped") by the key-encryption key from
 * configuration. What is stored is one string,
 * `v1.<kek id>.<wrap iv>.<wrap tag>.<wrapped data key>.<iv>.<tag>.<ciphertext>` (base64url),
 * naming its key-encryption key so records sealed under a previous key still open. The
 * associated data (e.g. `tenant:vendor:payout`) binds a ciphertext to its row: copied onto
 * another row it does not open.
 */
export class EnvelopeCipher {
  private readonly current: Buffer;
  private readonly byId: Map<string, Buffer>;

  constructor(currentKeyBase64: string, previousKeysBase64: readonly string[] = []) {
    this.current = Buffer.from(currentKeyBase64, 'base64');
    const all = [this.current, ...previousKeysBase64.map((k) => Buffer.from(k, 'base64'))];
    for (const k of all) if (k.length !== 32) throw new Error('Key-encryption keys must be 32 bytes');
    this.byId = new Map(all.map((k) => [keyId(k), k]));
  }

  seal(plaintext: string, associatedData: string): string {
    const aad = Buffer.from(associatedData, 'utf8');
    const dataKey = randomBytes(32);
    const kekId = keyId(this.current);
    // The wrapped key is bound to the same associated data and to the key-encryption key's id.
    const wrapAad = Buffer.from(`${kekId}|${associatedData}`, 'utf8');
    const wrapped = encrypt(this.current, dataKey, wrapAad);
    const sealed = encrypt(dataKey, Buffer.from(plaintext, 'utf8'), aad);
    dataKey.fill(0);
    return [VERSION, kekId, ...wrapped, ...sealed]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Throws `SealedDataError` when the key is not configured or the data or its associated data changed. */
  open(sealed: string, associatedData: string): string {
    const parts = sealed.split('.');
    const [version, kekId, ...rest] = parts;
    const key = kekId === undefined ? undefined : this.byId.get(kekId);
    if (version !== VERSION || !key || rest.length !== 6) {
      throw new SealedDataError('Sealed data is malformed or its key-encryption key is not configured');
    }
    const [wrapIv, wrapTag, wrappedKey, iv, tag, body] = rest.map((p) => Buffer.from(p, 'base64url')) as [
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
    ];
    try {
      const dataKey = decrypt(key, wrapIv, wrapTag, wrappedKey, Buffer.from(`${kekId}|${associatedData}`));
      const plain = decrypt(dataKey, iv, tag, body, Buffer.from(associatedData, 'utf8'));
      dataKey.fill(0);
      return plain.toString('utf8');
    } catch {
      throw new SealedDataError('Sealed data was tampered with or belongs to another record');
    }
  }

  /** True when `sealed` was written under an earlier key (re-seal it to rotate). */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== keyId(this.current);
  }
}
