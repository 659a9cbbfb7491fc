import { z } from 'zod';
import { DisplayNameSchema, EmailSchema, PasswordInputSchema, PhoneSchema } from './identifiers.js';

export const RegisterSchema = z
  .object({
    email: EmailSchema,
    password: PasswordInputSchema,
    displayName: DisplayNameSchema.optional(),
    phone: PhoneSchema.optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const TokenBodySchema = z.object({ token: z.string().min(1).max(200) }).strict();

export const ForgotPasswordSchema = z.object({ email: EmailSchema }).strict();

export const ResetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), newPassword: PasswordInputSchema })
  .strict();

export const ChangePasswordSchema = z
  .object({
    currentPassword: PasswordInputSchema,
    newPassword: PasswordInputSchema,
    /** The session to keep signed in (yours); every other session is ended. */
    keepSessionId: z.string().uuid().optional(),
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;
