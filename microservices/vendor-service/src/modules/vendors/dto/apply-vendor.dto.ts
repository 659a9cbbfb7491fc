import { z } from 'zod';
import { BUSINESS_TYPES } from '../vendors.schema.js';
import { AddressSchema, ContactPhoneSchema, NameSchema, StoreSlugSchema } from './vendor-fields.dto.js';

/** `POST /v1/vendors`: apply to sell. The applicant becomes the vendor's owner account. */
export const ApplyVendorSchema = z.strictObject({
  /** The business name as on the trade licence. */
  legalName: NameSchema,
  /** The proprietor or managing director, as on their NID. */
  ownerName: NameSchema,
  businessType: z.enum(BUSINESS_TYPES),
  contactEmail: z.string().trim().toLowerCase().email().max(254),
  contactPhone: ContactPhoneSchema,
  address: AddressSchema,
  store: z.strictObject({ name: z.string().trim().min(2).max(120), slug: StoreSlugSchema }),
});
export type ApplyVendorInput = z.output<typeof ApplyVendorSchema>;
