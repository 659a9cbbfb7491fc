import type { PlatformConfig } from '@haat/config';
import { provisionServiceDatabase } from '@haat/database';

export interface ServiceDatabaseUrls {
  ownerUrl: string;
  appUrl: string;
  /** The role DML is granted to after migrations; undefined when owner and app are one role. */
  appRole?: string;
}

/**
 * Where a service's database is: provisioned by the service itself from `DATABASE_ADMIN_URL`
 * (its own database, owner role and least-privilege app role, created if missing), or given
 * outright as `DATABASE_URL` (+ `DATABASE_MIGRATION_URL` for the owner).
 */
export async function resolveServiceDatabase(
  service: string,
  config: PlatformConfig,
): Promise<ServiceDatabaseUrls> {
  if (config.DATABASE_URL) {
    const appRole = config.DATABASE_MIGRATION_URL
      ? decodeURIComponent(new URL(config.DATABASE_URL).username)
      : undefined;
    return {
      ownerUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL,
      appUrl: config.DATABASE_URL,
      appRole,
    };
  }
  if (config.DATABASE_ADMIN_URL) {
    const p = await provisionServiceDatabase({
      adminUrl: config.DATABASE_ADMIN_URL,
      service,
      secret: config.INTERNAL_SIGNING_SECRET,
      prefix: config.DATABASE_NAME_PREFIX,
    });
    return {
      ownerUrl: p.ownerUrl,
      appUrl: p.appUrl,
      appRole: decodeURIComponent(new URL(p.appUrl).username),
    };
  }
  throw new Error(`${service}: DATABASE_URL or DATABASE_ADMIN_URL must be set`);
}
