import { ValidationError } from '@haat/common';

/** Stable error codes of media. */
export const MEDIA_ERRORS = {
  notFound: 'MEDIA_NOT_FOUND',
  unsupportedType: 'MEDIA_UNSUPPORTED_TYPE',
  contentMismatch: 'MEDIA_CONTENT_MISMATCH',
  fileMissing: 'MEDIA_FILE_MISSING',
  tooLarge: 'MEDIA_TOO_LARGE',
  emptyFile: 'MEDIA_EMPTY_FILE',
  signatureInvalid: 'MEDIA_URL_SIGNATURE_INVALID',
  urlExpired: 'MEDIA_URL_EXPIRED',
  alreadyUploaded: 'MEDIA_ALREADY_UPLOADED',
  notReady: 'MEDIA_NOT_READY',
  notAFile: 'MEDIA_NOT_A_FILE',
} as const;

/**
 * 415: the body's type is not accepted here (wrong content type, or bytes that are not what
 * they claim). A validation error answered as 415, keeping its stable code.
 */
export class UnsupportedMediaError extends ValidationError {
  override get status(): number {
    return 415;
  }
}
