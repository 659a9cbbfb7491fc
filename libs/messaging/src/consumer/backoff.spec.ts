import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { initialMs: 100, maxMs: 1_000 };

describe('backoffDelay', () => {
  it('doubles the delay with each attempt', () => {
    expect(backoffDelay(1, options, () => 1)).toBe(100);
    expect(backoffDelay(2, options, () => 1)).toBe(200);
    expect(backoffDelay(3, options, () => 1)).toBe(400);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(50, options, () => 1)).toBe(1_000);
  });

  it('jitters between half and all of the delay', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(200);
    expect(backoffDelay(3, options, () => 0.5)).toBe(300);
  });
});
