import { ConflictError, NotFoundError } from '@haat/common';

export const shipmentNotFound = (id: string) =>
  new NotFoundError('SHIPMENT_NOT_FOUND', 'No such shipment', { id });

export const labelNotReady = (id: string, status: string) =>
  new ConflictError('SHIPMENT_LABEL_NOT_READY', 'The label is made once the courier has booked the parcel', {
    id,
    status,
  });

/** 404: a courier webhook about a consignment that is none of this tenant's shipments; nothing changed. */
export const consignmentUnknown = (courier: string, consignmentId: string | null) =>
  new NotFoundError('SHIPMENT_CONSIGNMENT_UNKNOWN', `No ${courier} shipment has this consignment`, {
    courier,
    consignmentId,
  });
