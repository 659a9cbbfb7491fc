import { NotFoundError, UnprocessableError } from '@haat/common';

/** 422: the address is in no shipping zone (a Bangladesh address naming no district of Bangladesh). */
export const addressOutsideZones = (district: string) =>
  new UnprocessableError(
    'SHIPPING_ADDRESS_OUTSIDE_ZONES',
    `We cannot ship to "${district}": it is not a district of Bangladesh`,
    {
      fields: [{ field: 'destination.district', message: 'not a district of Bangladesh', code: 'custom' }],
      district,
    },
  );

/** 422: the shop does not ship to this zone (no rate is set for it). */
export const zoneNotServed = (zone: string) =>
  new UnprocessableError(
    'SHIPPING_ZONE_NOT_SERVED',
    `This shop does not ship to ${zone.replace(/_/g, ' ')}`,
    {
      fields: [{ field: 'destination', message: `no shipping rate for zone ${zone}`, code: 'custom' }],
      zone,
    },
  );

/** 422: heavier than the zone's slabs allow. */
export const parcelTooHeavy = (weightGrams: number, maxGrams: number) =>
  new UnprocessableError(
    'SHIPPING_PARCEL_TOO_HEAVY',
    `The parcel weighs ${weightGrams} g; at most ${maxGrams} g ships`,
    {
      fields: [{ field: 'lines', message: `total weight over ${maxGrams} g`, code: 'custom' }],
      weightGrams,
      maxGrams,
    },
  );

export const currencyMismatch = (asked: string, rated: string) =>
  new UnprocessableError('SHIPPING_CURRENCY_MISMATCH', `Shipping is priced in ${rated}, not ${asked}`, {
    fields: [{ field: 'currency', message: `must be ${rated}`, code: 'custom' }],
  });

export const rateRuleNotFound = (id: string) =>
  new NotFoundError('SHIPPING_RATE_NOT_FOUND', 'No such shipping rate', { id });
