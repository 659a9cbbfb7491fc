import { NotFoundError, ValidationError } from '@haat/common';

export function webhookUnsupported(provider: string): NotFoundError {
  return new NotFoundError('PAYMENT_WEBHOOK_UNSUPPORTED', `${provider} sends no webhooks`, { provider });
}

export function webhookAccountUnknown(provider: string): NotFoundError {
  return new NotFoundError('PAYMENT_ACCOUNT_NOT_FOUND', `This shop has no ${provider} account`, { provider });
}

/** 400: the gateway resolved another tenant from the host than the one in the path. */
export function webhookTenantMismatch(): ValidationError {
  return new ValidationError(
    'PAYMENT_WEBHOOK_TENANT_MISMATCH',
    'The webhook path names another shop than its host',
    {
      fields: [{ field: 'tenantId', message: 'does not match the host', code: 'custom' }],
    },
  );
}
