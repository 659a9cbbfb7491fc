import type { INestApplicationContext } from '@nestjs/common';
import { ConflictError, newId } from '@haat/common';
import { isUniqueViolation } from '@haat/database';
import { systemContext } from '@haat/tenant';
import type { Tenant } from './dto/tenant.dto.js';
import { TENANT_ERRORS } from './tenants.errors.js';
import { TenantsService } from './tenants.service.js';

/** The demo tenant's fixed id, so other services' demo data can refer to it without a lookup. */
export const DEMO_TENANT_ID = '01960000-0000-7000-8000-00000000d3e0';
export const DEMO_TENANT_SLUG = 'demo';

/**
 * Creates the demo tenant (`demo`, "Haat Demo Bazaar", BDT, English and Bangla, plan growth)
 * unless it exists; safe to call on every start and from racing callers. Its events go through
 * the outbox like any other tenant's. Pass the running tenant-service (`RunningService.app`).
 */
export async function seedDemoTenant(app: INestApplicationContext): Promise<Tenant> {
  const tenants = app.get(TenantsService, { strict: false });
  const ctx = systemContext(`seed-demo-tenant-${newId()}`);
  const existing = await tenants.findBySlug(ctx, DEMO_TENANT_SLUG);
  if (existing) return existing;
  try {
    return await tenants.create(
      ctx,
      {
        slug: DEMO_TENANT_SLUG,
        name: 'Haat Demo Bazaar',
        planCode: 'growth',
        defaultCurrency: 'BDT',
        defaultLocale: 'en',
        locales: ['en', 'bn'],
      },
      { id: DEMO_TENANT_ID },
    );
  } catch (err) {
    // A racing seeder won, on the slug or on the fixed id.
    if ((err instanceof ConflictError && err.code === TENANT_ERRORS.slugTaken) || isUniqueViolation(err)) {
      const winner = await tenants.findBySlug(ctx, DEMO_TENANT_SLUG);
      if (winner) return winner;
    }
    throw err;
  }
}
