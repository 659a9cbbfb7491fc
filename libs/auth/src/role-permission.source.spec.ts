import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLE_PERMISSIONS, BUILT_IN_ROLES } from './built-in-roles.js';
import { hasPermission } from './permission.matcher.js';
import { PermissionSchema } from './permission.schema.js';
import { StaticRolePermissionSource } from './role-permission.source.js';

const source = new StaticRolePermissionSource();
const can = async (roles: string[], permission: string) =>
  hasPermission(await source.permissionsFor(roles, null), permission);

describe('the built-in roles', () => {
  it('are all well-formed permissions', () => {
    for (const role of BUILT_IN_ROLES) {
      for (const p of BUILT_IN_ROLE_PERMISSIONS[role])
        expect(PermissionSchema.safeParse(p).success, p).toBe(true);
    }
  });

  it('give the operator everything', async () => {
    expect(await can(['operator'], 'tenant:create')).toBe(true);
    expect(await can(['operator'], 'plan:update')).toBe(true);
  });

  it('keep platform administration to the operator', async () => {
    for (const role of BUILT_IN_ROLES.filter((r) => r !== 'operator')) {
      expect(await can([role], 'tenant:create'), role).toBe(false);
      expect(await can([role], 'plan:update'), role).toBe(false);
    }
  });

  it('let a customer buy but not sell', async () => {
    expect(await can(['customer'], 'order:create')).toBe(true);
    expect(await can(['customer'], 'cart:update')).toBe(true);
    expect(await can(['customer'], 'product:create')).toBe(false);
    expect(await can(['customer'], 'refund:create')).toBe(false);
  });

  it('let vendor staff list products and fulfil, but not manage payouts or staff', async () => {
    expect(await can(['vendor_staff'], 'product:create')).toBe(true);
    expect(await can(['vendor_staff'], 'order:fulfil')).toBe(true);
    expect(await can(['vendor_staff'], 'payout-account:update')).toBe(false);
    expect(await can(['vendor_staff'], 'vendor-staff:create')).toBe(false);
    expect(await can(['vendor_owner'], 'payout-account:update')).toBe(true);
  });

  it('let tenant staff run orders but not change commission or staff', async () => {
    expect(await can(['tenant_staff'], 'order:cancel')).toBe(true);
    expect(await can(['tenant_staff'], 'commission-rule:update')).toBe(false);
    expect(await can(['tenant_staff'], 'user:create')).toBe(false);
    expect(await can(['tenant_owner'], 'commission-rule:update')).toBe(true);
  });
});

describe('StaticRolePermissionSource', () => {
  it('unites the permissions of several roles and grants nothing for unknown roles', async () => {
    const custom = new StaticRolePermissionSource({ a: ['x:read'], b: ['x:read', 'y:*'] });
    expect(await custom.permissionsFor(['a', 'b', 'nobody', 'constructor'], null)).toEqual(['x:read', 'y:*']);
  });
});
