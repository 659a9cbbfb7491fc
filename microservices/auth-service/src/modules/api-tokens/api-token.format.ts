import { API_TOKEN_PREFIX } from '@haat/contracts';
import { parse as uuidParse, stringify as uuidStringify } from 'uuid';
import { randomSecret } from '../../infrastructure/crypto/opaque-token.js';

export interface ApiTokenParts {
  /** The account space the token belongs to. */
  space: string;
  tokenId: string;
  secret: string;
}

const BODY = /^[A-Za-z0-9_-]{86}$/;

/**
 * `haat_` + base64url(space uuid ‖ token uuid ‖ 32-byte secret): the space and id say where to
 * look (no cross-tenant index needed), the secret is what is checked (stored as SHA-256).
 */
export function formatApiToken(space: string, tokenId: string, secret: string): string {
  const bytes = Buffer.concat([
    Buffer.from(uuidParse(space)),
    Buffer.from(uuidParse(tokenId)),
    Buffer.from(secret, 'base64url'),
  ]);
  return `${API_TOKEN_PREFIX}${bytes.toString('base64url')}`;
}

export function newApiToken(space: string, tokenId: string): { token: string; secret: string } {
  const secret = randomSecret(32);
  return { token: formatApiToken(space, tokenId, secret), secret };
}

/** The parts of a well-formed token; undefined for anything else. */
export function parseApiToken(token: string): ApiTokenParts | undefined {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const body = token.slice(API_TOKEN_PREFIX.length);
  if (!BODY.test(body)) return undefined;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length !== 64) return undefined;
  return {
    space: uuidStringify(bytes.subarray(0, 16)),
    tokenId: uuidStringify(bytes.subarray(16, 32)),
    secret: bytes.subarray(32).toString('base64url'),
  };
}
