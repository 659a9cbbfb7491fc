import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.js';

export const DOMAIN_KINDS = ['subdomain', 'custom'] as const;
export type DomainKind = (typeof DOMAIN_KINDS)[number];

/**
 * Host names a tenant answers at: its platform subdomain (`<slug>.<base domain>`, verified on
 * creation) and custom domains (verified by a DNS TXT record). A platform table: resolution
 * looks a host up across all tenants, and a host name belongs to one tenant only.
 */
export const tenantDomains = pgTable(
  'tenant_domains',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Lower-case ASCII (punycode), no port, no trailing dot. */
    hostname: text('hostname').notNull(),
    kind: text('kind', { enum: DOMAIN_KINDS }).notNull(),
    verificationToken: text('verification_token'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenant_domains_hostname_uq').on(t.hostname),
    index('tenant_domains_tenant_id_idx').on(t.tenantId, t.id),
  ],
);

export type TenantDomainRow = typeof tenantDomains.$inferSelect;
