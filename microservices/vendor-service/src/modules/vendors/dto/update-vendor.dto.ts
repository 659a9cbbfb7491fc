import { z } from 'zod';
import { BUSINESS_TYPES } from '../vendors.schema.js';
import { AddressSchema, ContactPhoneSchema, NameSchema } from './vendor-fields.dto.js';

/**
 * `PATCH /v1/vendors/:id`: contact details any time; the names and business type (what the
 * compliance checks verified) only before a submission passed or after a rejection.
 */
export const UpdateVendorSchema = z
  .strictObject({
    legalName: NameSchema.optional(),
    ownerName: NameSchema.optional(),
    businessType: z.enum(BUSINESS_TYPES).optional(),
    contactEmail: z.string().trim().toLowerCase().email().max(254).optional(),
    contactPhone: ContactPhoneSchema.optional(),
    address: AddressSchema.optional(),
  })
  .refine((t) => Object.values(t).some((v) => v !== undefined), 'must change at least one field');
export type UpdateVendorInput = z.output<typeof UpdateVendorSchema>;

/** The fields the compliance checks verified: locked once a submission is in review or passed. */
export const KYC_FIELDS = ['legalName', 'ownerName', 'businessType'] as const;
