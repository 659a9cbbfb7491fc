import { describe, expect, it } from 'vitest';
import { identify } from './authenticator.js';
import { OPERATOR_IDENTITY, OperatorTokenAuthenticator } from './operator-token.authenticator.js';

const TOKEN = 'operator-token-for-unit-tests-0001';
const chain = [new OperatorTokenAuthenticator(TOKEN)];

describe('operator token authentication', () => {
  it('makes the bearer of the operator token the operator, belonging to no tenant', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer   ${TOKEN}  `]) {
      expect(await identify(chain, { authorization }, 'r1')).toEqual({
        identity: OPERATOR_IDENTITY,
        tenantId: null,
      });
    }
  });

  it('leaves callers without credentials, or with another scheme, anonymous', async () => {
    for (const authorization of [undefined, '', `Basic ${TOKEN}`, `Bearerx ${TOKEN}`]) {
      expect(await identify(chain, { authorization }, 'r1'), String(authorization)).toBeNull();
    }
  });

  it('refuses any other bearer token, or a malformed Bearer header, with 401 AUTH_TOKEN_INVALID', async () => {
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      'Bearer',
      'Bearer ',
      `Bearer ${TOKEN} ${TOKEN}`,
    ]) {
      await expect(identify(chain, { authorization }, 'r1'), authorization).rejects.toMatchObject({
        status: 401,
        code: 'AUTH_TOKEN_INVALID',
      });
    }
  });
});
