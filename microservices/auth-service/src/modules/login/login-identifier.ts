import { EmailSchema, PhoneSchema } from '../accounts/dto/identifiers.js';

/** How an account is looked up from what the person typed; `unknown` matches no account. */
export type LoginIdentifier = { kind: 'email' | 'phone'; value: string } | { kind: 'unknown'; value: string };

export function parseLoginIdentifier(raw: string): LoginIdentifier {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) {
    const email = EmailSchema.safeParse(trimmed);
    return email.success
      ? { kind: 'email', value: email.data }
      : { kind: 'unknown', value: trimmed.toLowerCase() };
  }
  const phone = PhoneSchema.safeParse(trimmed);
  return phone.success
    ? { kind: 'phone', value: phone.data }
    : { kind: 'unknown', value: trimmed.toLowerCase() };
}
