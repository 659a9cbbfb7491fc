import { NotFoundError, UnavailableError, UnprocessableError, ValidationError } from '@haat/common';

/** Stable codes of provider-facing failures. */
export const GATEWAY_ERRORS = {
  signatureInvalid: 'PAYMENT_WEBHOOK_SIGNATURE_INVALID',
  malformed: 'PAYMENT_WEBHOOK_MALFORMED',
  unavailable: 'PAYMENT_PROVIDER_UNAVAILABLE',
  badResponse: 'PAYMENT_PROVIDER_BAD_RESPONSE',
  credentialsRejected: 'PAYMENT_PROVIDER_CREDENTIALS_REJECTED',
  callbackMismatch: 'PAYMENT_CALLBACK_MISMATCH',
  currencyUnsupported: 'PAYMENT_CURRENCY_UNSUPPORTED',
  notSupported: 'PAYMENT_OPERATION_UNSUPPORTED',
} as const;

/** 400: a notification whose signature (or signing certificate) does not check out. */
export function signatureInvalid(provider: string, reason: string): ValidationError {
  return new ValidationError(
    GATEWAY_ERRORS.signatureInvalid,
    `The ${provider} notification signature is invalid: ${reason}`,
    {
      provider,
      reason,
    },
  );
}

/** 400: a notification that is not what the provider sends. */
export function notificationMalformed(provider: string, reason: string): ValidationError {
  return new ValidationError(
    GATEWAY_ERRORS.malformed,
    `The ${provider} notification is malformed: ${reason}`,
    {
      provider,
      reason,
    },
  );
}

/** 503: the provider did not answer usefully (timeout, 5xx, garbage); retry later. */
export function providerUnavailable(provider: string, reason: string): UnavailableError {
  return new UnavailableError(GATEWAY_ERRORS.unavailable, `${provider} is unavailable: ${reason}`, {
    provider,
    reason,
    retryAfterMs: 5_000,
  });
}

/** 422: the tenant's credentials were refused by the provider. */
export function credentialsRejected(provider: string): UnprocessableError {
  return new UnprocessableError(
    GATEWAY_ERRORS.credentialsRejected,
    `${provider} refused this shop's credentials; check the provider settings`,
    { provider },
  );
}

/** 404: a browser return naming another payment than the intent's. */
export function callbackMismatch(provider: string): NotFoundError {
  return new NotFoundError(
    GATEWAY_ERRORS.callbackMismatch,
    `This ${provider} return does not belong to a known payment`,
    {
      provider,
    },
  );
}

/** 422: the provider does not take this currency. */
export function currencyUnsupported(provider: string, currency: string): UnprocessableError {
  return new UnprocessableError(GATEWAY_ERRORS.currencyUnsupported, `${provider} does not take ${currency}`, {
    provider,
    currency,
    fields: [{ field: 'currency', message: `${provider} does not take ${currency}`, code: 'custom' }],
  });
}
