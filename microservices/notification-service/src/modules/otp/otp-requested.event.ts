import { AuthOtpRequestedV1, defineEvent } from '@haat/contracts';
import { z } from 'zod';

/**
 * `auth.otp-requested.v1` as this service reads it: the contract plus an optional `locale`
 * (BCP 47), which notifications need to pick the language and auth-service does not publish yet.
 * Additive, so events without it parse; drop the extension once the contract carries the field.
 */
export const OtpRequestedEvent = defineEvent(
  AuthOtpRequestedV1.type,
  AuthOtpRequestedV1.schema.extend({ locale: z.string().max(35).nullable().optional() }),
);
