/** ISMS Plus v3 status codes the fake answers with (the V3 specification's list). */
export const SSL_STATUS_CODES = {
  success: 200,
  unauthorized: 4001,
  sidNotPermitted: 4002,
  ipBlacklisted: 4003,
  endpointNotFound: 4004,
  invalidRequestFormat: 4005,
  invalidCsmsId: 4020,
  requiredParameterMissing: 4022,
  duplicateCsmsId: 4023,
  invalidCellNumber: 4025,
  blockedCellNumber: 4026,
  messageLengthExceeded: 4027,
  invalidMessageData: 4028,
  tooManyRequests: 4029,
  limitExceeded: 4030,
  tpsExceeded: 4031,
  unknownError: 5000,
} as const;

export const SSL_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  4001: 'Unauthorized',
  4002: 'SID not permitted',
  4003: 'IP blacklisted',
  4004: 'Endpoint not found',
  4005: 'Invalid request format',
  4020: 'Invalid CSMS ID',
  4022: 'Required parameter missing',
  4023: 'Duplicate CSMS ID',
  4025: 'Invalid cell number',
  4026: 'Blocked cell number',
  4027: 'Message length exceeded',
  4028: 'Invalid message data',
  4029: 'Too many requests',
  4030: 'Limit exceeded',
  4031: 'TPS exceeded',
  5000: 'Unknown error',
};

/**
 * A Bangladeshi mobile number as SSL takes it (`8801XXXXXXXXX` or `01XXXXXXXXX`), normalised to
 * `8801XXXXXXXXX`; undefined when it is not one.
 */
export function normalizeMsisdn(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const match = /^(?:\+?88)?(01[3-9]\d{8})$/.exec(String(value).trim());
  return match ? `88${match[1]}` : undefined;
}

/** `EN` when every character fits the GSM 7-bit basic set (approximated by printable ASCII), else `UNICODE`. */
export function smsType(text: string): 'EN' | 'UNICODE' {
  return /^[\x20-\x7E\r\n]*$/.test(text) ? 'EN' : 'UNICODE';
}

/** Characters a message may have across `maxParts` concatenated parts (153 GSM or 67 UCS-2 each). */
export function maxLength(type: 'EN' | 'UNICODE', maxParts: number): number {
  return type === 'EN' ? (maxParts === 1 ? 160 : 153 * maxParts) : maxParts === 1 ? 70 : 67 * maxParts;
}
