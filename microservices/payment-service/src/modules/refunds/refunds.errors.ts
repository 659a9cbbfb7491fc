import { ConflictError, NotFoundError } from '@haat/common';

export function notRefundable(status: string): ConflictError {
  return new ConflictError('PAYMENT_NOT_REFUNDABLE', `A ${status} payment has nothing to refund`, { status });
}

export function refundExceeds(requestedMinor: bigint, refundableMinor: bigint): ConflictError {
  return new ConflictError(
    'PAYMENT_REFUND_EXCEEDS_REFUNDABLE',
    'The refund is more than what is left to refund',
    {
      requestedMinor: requestedMinor.toString(),
      refundableMinor: refundableMinor.toString(),
    },
  );
}

export function refundNotFound(id: string): NotFoundError {
  return new NotFoundError('PAYMENT_REFUND_NOT_FOUND', 'No such refund', { id });
}
