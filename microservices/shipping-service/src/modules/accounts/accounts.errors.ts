import { NotFoundError, UnprocessableError } from '@haat/common';

export const courierAccountNotFound = (id: string) =>
  new NotFoundError('SHIPPING_COURIER_ACCOUNT_NOT_FOUND', 'No such courier account', { id });

/** 422: no enabled courier account serves this vendor (nor the tenant as a whole). */
export const noCourierAccount = (vendorId: string) =>
  new UnprocessableError(
    'SHIPPING_NO_COURIER_ACCOUNT',
    'No courier account ships for this vendor; add one first',
    {
      vendorId,
    },
  );
