import { ValidationError } from '@haat/common';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_ERRORS = {
  tooShort: 'AUTH_PASSWORD_TOO_SHORT',
  tooLong: 'AUTH_PASSWORD_TOO_LONG',
  common: 'AUTH_PASSWORD_TOO_COMMON',
  containsIdentifier: 'AUTH_PASSWORD_CONTAINS_IDENTIFIER',
} as const;

function refuse(code: string, message: string, field: string): ValidationError {
  return new ValidationError(code, `Invalid body: ${field}: ${message}`, {
    in: 'body',
    fields: [{ field, message, code: 'custom' }],
  });
}

/**
 * NIST SP 800-63B style: length between the minimum and 128 characters (code points), not in
 * the common-password list, not the account's own email or phone. No composition rules.
 */
export function assertAcceptablePassword(
  password: string,
  options: { minLength: number; identifiers?: readonly (string | null | undefined)[]; field?: string },
): void {
  const field = options.field ?? 'password';
  const length = [...password].length;
  if (length < options.minLength) {
    throw refuse(PASSWORD_ERRORS.tooShort, `must be at least ${options.minLength} characters`, field);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw refuse(PASSWORD_ERRORS.tooLong, `must be at most ${PASSWORD_MAX_LENGTH} characters`, field);
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) {
    throw refuse(PASSWORD_ERRORS.common, 'is one of the most common passwords; choose another', field);
  }
  for (const id of options.identifiers ?? []) {
    const local = id?.toLowerCase().split('@')[0];
    if (local && local.length >= 4 && lower.includes(local)) {
      throw refuse(PASSWORD_ERRORS.containsIdentifier, 'must not contain your email or phone', field);
    }
  }
}
