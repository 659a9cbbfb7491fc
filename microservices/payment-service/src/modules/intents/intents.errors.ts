import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '@haat/common';

export const INTENT_ERRORS = {
  notFound: 'PAYMENT_INTENT_NOT_FOUND',
  exists: 'PAYMENT_INTENT_EXISTS',
  unknown: 'PAYMENT_INTENT_UNKNOWN',
  methodNotConfigured: 'PAYMENT_METHOD_NOT_CONFIGURED',
  amountMismatch: 'PAYMENT_AMOUNT_MISMATCH',
  notCancelable: 'PAYMENT_NOT_CANCELABLE',
  reviewNotPending: 'PAYMENT_REVIEW_NOT_PENDING',
} as const;

export function intentNotFound(id: string): NotFoundError {
  return new NotFoundError(INTENT_ERRORS.notFound, 'No such payment', { id });
}

export function intentExists(orderId: string): ConflictError {
  return new ConflictError(INTENT_ERRORS.exists, 'This order already has a payment in progress or paid', {
    orderId,
  });
}

/** 404 for a notification or return naming a payment this tenant does not have. */
export function intentUnknown(provider: string, match: Record<string, unknown>): NotFoundError {
  return new NotFoundError(
    INTENT_ERRORS.unknown,
    `The ${provider} notification names no payment of this shop`,
    {
      provider,
      ...match,
    },
  );
}

export function methodNotConfigured(method: string): UnprocessableError {
  return new UnprocessableError(
    INTENT_ERRORS.methodNotConfigured,
    `This shop does not accept ${method} payments`,
    {
      method,
      fields: [{ field: 'method', message: `${method} is not configured for this shop`, code: 'custom' }],
    },
  );
}

/** 400: what the provider reports (amount or currency) is not what the intent asked for. */
export function amountMismatch(details: Record<string, unknown>): ValidationError {
  return new ValidationError(
    INTENT_ERRORS.amountMismatch,
    'The amount or currency does not match the payment',
    details,
  );
}

export function notCancelable(status: string): ConflictError {
  return new ConflictError(
    INTENT_ERRORS.notCancelable,
    `A ${status} payment cannot be canceled (refund it instead)`,
    { status },
  );
}

export function reviewNotPending(reviewState: string | null): ConflictError {
  return new ConflictError(INTENT_ERRORS.reviewNotPending, 'This payment is not waiting for review', {
    reviewState,
  });
}
