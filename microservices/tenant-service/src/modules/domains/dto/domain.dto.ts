import { IdSchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import { DOMAIN_KINDS, type TenantDomainRow } from '../domains.schema.js';
import { verificationRecord } from '../domain-verification.record.js';

/** A tenant's domain; custom domains carry the DNS record that proves ownership. */
export const DomainSchema = z.object({
  id: z.string().uuid(),
  hostname: z.string(),
  kind: z.enum(DOMAIN_KINDS),
  verified: z.boolean(),
  verifiedAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  /** Create this TXT record, then call verify. Null for the platform subdomain. */
  verification: z
    .object({ recordType: z.literal('TXT'), recordName: z.string(), recordValue: z.string() })
    .nullable(),
});
export type Domain = z.infer<typeof DomainSchema>;
export const DomainPageSchema = pageSchema(DomainSchema);

export const DomainIdParamsSchema = z.strictObject({ id: IdSchema });

export function toDomain(row: TenantDomainRow): Domain {
  return {
    id: row.id,
    hostname: row.hostname,
    kind: row.kind,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    verification: row.verificationToken
      ? { recordType: 'TXT', ...verificationRecord(row.hostname, row.verificationToken) }
      : null,
  };
}
