import { describe, expect, it } from 'vitest';
import { ANONYMOUS, identify } from './authenticator.js';
import { OPERATOR_IDENTITY, OperatorTokenAuthenticator } from './operator-token.authenticator.js';

const TOKEN = 'operator-token-for-unit-tests-0001';
const chain = [new OperatorTokenAuthenticator(TOKEN)];

describe('operator token authentication', () => {
  it('makes the bearer of the operator token the operator', async () => {
    expect(await identify(chain, { authorization: `Bearer ${TOKEN}` })).toEqual(OPERATOR_IDENTITY);
    expect(await identify(chain, { authorization: `bearer ${TOKEN}` })).toEqual(OPERATOR_IDENTITY);
  });

  it('leaves callers without the token anonymous', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Basic ${TOKEN}`,
      'Bearer',
      `Bearer  ${TOKEN.slice(1)}`,
    ]) {
      expect(await identify(chain, { authorization }), String(authorization)).toEqual(ANONYMOUS);
    }
  });
});
