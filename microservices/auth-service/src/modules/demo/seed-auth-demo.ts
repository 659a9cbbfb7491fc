import type { INestApplicationContext } from '@nestjs/common';
import { isUniqueViolation } from '@haat/database';
import { ConflictError } from '@haat/common';
import { type DemoSeedOptions, DemoSeeder } from './demo-seeder.js';

/**
 * Seeds the demo accounts (embedded demo mode): an operator, the demo tenant's owner, two
 * vendors' owners and staff, and a customer, all with `DEMO_PASSWORD`. Pass the running
 * auth-service (`RunningService.app`) and the demo tenant's id. Safe to call on every start;
 * a racing seeder's accounts are kept.
 */
export async function seedAuthDemo(app: INestApplicationContext, options: DemoSeedOptions) {
  const seeder = app.get(DemoSeeder, { strict: false });
  try {
    return await seeder.seed(options);
  } catch (err) {
    if (err instanceof ConflictError || isUniqueViolation(err)) return seeder.seed(options);
    throw err;
  }
}
