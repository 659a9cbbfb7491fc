import { describe, expect, it } from 'vitest';
import { hasPermission, missingPermissions } from './permission.matcher.js';

describe('hasPermission', () => {
  it('matches the same permission only', () => {
    expect(hasPermission(['product:create'], 'product:create')).toBe(true);
    expect(hasPermission(['product:create'], 'product:update')).toBe(false);
    expect(hasPermission(['product:create'], 'order:create')).toBe(false);
    expect(hasPermission([], 'product:create')).toBe(false);
  });

  it('lets resource:* cover every action on that resource and nothing else', () => {
    expect(hasPermission(['product:*'], 'product:create')).toBe(true);
    expect(hasPermission(['product:*'], 'product:delete')).toBe(true);
    expect(hasPermission(['product:*'], 'order:create')).toBe(false);
    expect(hasPermission(['product:*'], 'product-review:create')).toBe(false);
  });

  it('lets * cover everything', () => {
    expect(hasPermission(['*'], 'product:create')).toBe(true);
    expect(hasPermission(['*'], 'tenant:delete')).toBe(true);
  });

  it('does not treat a prefix or another wildcard form as a match', () => {
    expect(hasPermission(['product'], 'product:create')).toBe(false);
    expect(hasPermission(['product:'], 'product:create')).toBe(false);
    expect(hasPermission(['*:create'], 'product:create')).toBe(false);
    expect(hasPermission(['prod*'], 'product:create')).toBe(false);
    expect(hasPermission(['Product:*'], 'product:create')).toBe(false);
  });

  it('ignores malformed grants even when they equal the requirement', () => {
    expect(hasPermission(['a:b:c'], 'a:b:c')).toBe(false);
  });
});

describe('missingPermissions', () => {
  it('lists what is not covered, in the order required', () => {
    expect(missingPermissions(['product:*'], ['order:read', 'product:create', 'order:cancel'])).toEqual([
      'order:read',
      'order:cancel',
    ]);
    expect(missingPermissions(['*'], ['order:read'])).toEqual([]);
  });
});
