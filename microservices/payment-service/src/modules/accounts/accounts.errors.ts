import { NotFoundError, ValidationError } from '@haat/common';
import type { z } from 'zod';
import { fieldIssues } from '@haat/common';

export function accountNotFound(provider: string): NotFoundError {
  return new NotFoundError('PAYMENT_ACCOUNT_NOT_FOUND', `This shop has no ${provider} account`, { provider });
}

/** 400 naming `credentials.<field>`. */
export function credentialsInvalid(provider: string, error: z.ZodError): ValidationError {
  const fields = fieldIssues(error).map((f) => ({
    ...f,
    field: `credentials.${f.field === '(root)' ? '' : f.field}`.replace(/\.$/, ''),
  }));
  return new ValidationError(
    'PAYMENT_CREDENTIALS_INVALID',
    `Invalid ${provider} credentials: ${fields[0]?.field ?? 'credentials'}`,
    {
      in: 'body',
      provider,
      fields,
    },
  );
}
