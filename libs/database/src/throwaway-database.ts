import { randomBytes } from 'node:crypto';
import { provisionServiceDatabase, dropServiceDatabase, type ProvisionedDatabase } from './provision.js';

export interface ThrowawayDatabase extends ProvisionedDatabase {
  appRole: string;
  drop(): Promise<void>;
}

/** Default admin URL for tests: the machine's PostgreSQL, or `HAAT_TEST_ADMIN_URL`. */
export function testAdminUrl(): string {
  return process.env.HAAT_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A uniquely named database with its own owner and app roles, for one test run; `drop()`
 * removes all three. Two runs sharing a server never collide.
 */
export async function createThrowawayDatabase(
  service: string,
  adminUrl = testAdminUrl(),
): Promise<ThrowawayDatabase> {
  const prefix = `haat_test_${randomBytes(4).toString('hex')}`;
  const provisioned = await provisionServiceDatabase({ adminUrl, service, secret: prefix, prefix });
  return {
    ...provisioned,
    appRole: `${provisioned.database}_app`,
    drop: () => dropServiceDatabase(adminUrl, service, prefix),
  };
}
