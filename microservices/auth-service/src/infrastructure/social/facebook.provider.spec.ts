import { describe, expect, it } from 'vitest';
import { appSecretProof } from './facebook.provider.js';

describe('appSecretProof', () => {
  it('matches the published test vector', () => {
    expect(appSecretProof('app_secret_x', 'EAAtoken')).toBe(
      '2430335658d62994f777b11e4d1952605a73ddebc1f90e976b4383b0fd5966d4',
    );
  });
});
