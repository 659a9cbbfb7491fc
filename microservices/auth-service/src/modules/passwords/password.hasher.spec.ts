import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password.hasher.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and verifies only the same password', async () => {
    const phc = await hasher.hash('correct horse battery');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(phc, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(phc, 'correct horse batterY')).toBe(false);
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    expect(await hasher.verify('not-a-hash', 'whatever')).toBe(false);
  });

  it('spends comparable time on an unknown account as on a wrong password', async () => {
    const phc = await hasher.hash('some password here');
    const time = async (f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      return performance.now() - t;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    await hasher.verifyNothing('warm up');
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await time(() => hasher.verify(phc, 'wrong password')));
      unknown.push(await time(() => hasher.verifyNothing('wrong password')));
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
