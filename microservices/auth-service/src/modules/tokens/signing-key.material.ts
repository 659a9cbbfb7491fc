import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { newId } from '@haat/common';
import type { SecretBox } from '../../infrastructure/crypto/secret-box.js';
import type { SigningKeyRow } from './signing-keys.schema.js';

export const SIGNING_ALGORITHM = 'EdDSA';

/** A fresh Ed25519 key pair: its public JWK and its private key sealed under the key-encryption key. */
export function generateSigningKey(
  box: SecretBox,
): Pick<SigningKeyRow, 'kid' | 'alg' | 'publicJwk' | 'privateKeyEncrypted'> {
  const kid = newId();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return {
    kid,
    alg: SIGNING_ALGORITHM,
    publicJwk: { kty: String(jwk.kty), crv: String(jwk.crv), x: String(jwk.x) },
    privateKeyEncrypted: box.seal(pem, kid),
  };
}

/** The private key of a stored row (the `kid` is the associated data, so keys cannot be swapped). */
export function openPrivateKey(box: SecretBox, row: SigningKeyRow): KeyObject {
  return createPrivateKey(box.open(row.privateKeyEncrypted, row.kid));
}

/** The JWKS entry of a stored key. */
export function publicJwkOf(row: SigningKeyRow): Record<string, string> {
  return { ...row.publicJwk, kid: row.kid, alg: row.alg, use: 'sig' };
}
