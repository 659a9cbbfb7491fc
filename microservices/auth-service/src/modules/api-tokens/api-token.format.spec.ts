import { describe, expect, it } from 'vitest';
import { newId } from '@haat/common';
import { newApiToken, parseApiToken } from './api-token.format.js';

describe('API token format', () => {
  it('round-trips the space, id and secret', () => {
    const space = newId();
    const id = newId();
    const { token, secret } = newApiToken(space, id);
    expect(token).toMatch(/^haat_[A-Za-z0-9_-]{86}$/);
    expect(parseApiToken(token)).toEqual({ space, tokenId: id, secret });
  });

  it('refuses anything malformed', () => {
    const { token } = newApiToken(newId(), newId());
    expect(parseApiToken(token.slice(0, -1))).toBeUndefined();
    expect(parseApiToken(token.replace('haat_', 'hat_'))).toBeUndefined();
    expect(parseApiToken('eyJhbGciOiJFZERTQSJ9.x.y')).toBeUndefined();
    expect(parseApiToken(`${token}=`)).toBeUndefined();
  });
});
