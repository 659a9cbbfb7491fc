type Body = Record<string, unknown>;
/** Field → messages, as Steadfast reports validation errors. */
export type Errors = Record<string, string[]>;

const INVOICE = /^[A-Za-z0-9_-]+$/;

/** Steadfast's create-order rules (shared/gateways/steadfast.md §2.1); empty when acceptable. */
export function validateSteadfastOrder(
  b: Body,
  taken: (invoice: string) => boolean,
  seen: ReadonlySet<string>,
): Errors {
  const errors: Errors = {};
  if (typeof b.invoice !== 'string' || b.invoice === '') errors.invoice = ['The invoice field is required.'];
  else if (!INVOICE.test(b.invoice))
    errors.invoice = ['The invoice may only contain letters, numbers, dashes and underscores.'];
  else if (seen.has(b.invoice) || taken(b.invoice)) {
    errors.invoice = ['The invoice has already been taken.'];
  }
  if (typeof b.recipient_name !== 'string' || b.recipient_name === '' || b.recipient_name.length > 100) {
    errors.recipient_name = [
      'The recipient name field is required and may not be greater than 100 characters.',
    ];
  }
  if (typeof b.recipient_phone !== 'string' || !/^\d{11}$/.test(b.recipient_phone)) {
    errors.recipient_phone = ['The recipient phone must be 11 digits.'];
  }
  if (
    b.alternative_phone !== undefined &&
    (typeof b.alternative_phone !== 'string' || !/^\d{11}$/.test(b.alternative_phone))
  ) {
    errors.alternative_phone = ['The alternative phone must be 11 digits.'];
  }
  if (
    typeof b.recipient_address !== 'string' ||
    b.recipient_address === '' ||
    b.recipient_address.length > 250
  ) {
    errors.recipient_address = [
      'The recipient address field is required and may not be greater than 250 characters.',
    ];
  }
  const cod = Number(b.cod_amount);
  if (
    b.cod_amount === undefined ||
    b.cod_amount === null ||
    b.cod_amount === '' ||
    !Number.isFinite(cod) ||
    cod < 0
  ) {
    errors.cod_amount = ['The cod amount must be a number of at least 0.'];
  }
  if (b.delivery_type !== undefined && b.delivery_type !== 0 && b.delivery_type !== 1) {
    errors.delivery_type = ['The selected delivery type is invalid.'];
  }
  return errors;
}
