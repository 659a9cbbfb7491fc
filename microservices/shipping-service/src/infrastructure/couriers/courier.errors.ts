import { UnauthorizedError, UnavailableError, UnprocessableError } from '@haat/common';

/** The courier refused the request as sent (validation, inactive store): retrying will not help. */
export class CourierRejectedError extends UnprocessableError {}

/** The courier did not answer usefully (down, timeout, 5xx): retry later. */
export class CourierUnavailableError extends UnavailableError {}

/** `field: message` pairs of a courier's validation errors (`{ field: [messages] }`). */
function describeFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(
      ([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`,
    )
    .join('; ');
}

export const courierRejected = (courier: string, message: string, fields: Record<string, unknown> = {}) => {
  const detail = describeFields(fields);
  return new CourierRejectedError(
    'SHIPPING_COURIER_REJECTED',
    `${courier} refused the request: ${message}${detail ? ` (${detail})` : ''}`.slice(0, 1000),
    { courier, fields },
  );
};

export const courierUnavailable = (courier: string, reason: string) =>
  new CourierUnavailableError('SHIPPING_COURIER_UNAVAILABLE', `${courier} is not answering: ${reason}`, {
    courier,
  });

export const courierAuthFailed = (courier: string) =>
  new CourierRejectedError('SHIPPING_COURIER_AUTH_FAILED', `${courier} refused the account's credentials`, {
    courier,
  });

/** 401: the webhook's secret or token is missing or wrong; nothing was changed. */
export const webhookSignatureInvalid = (courier: string) =>
  new UnauthorizedError('SHIPPING_WEBHOOK_SIGNATURE_INVALID', `The ${courier} webhook is not authenticated`, {
    courier,
  });
