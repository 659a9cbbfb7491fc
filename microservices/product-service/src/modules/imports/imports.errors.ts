/** Stable error codes of CSV imports. */
export const IMPORT_ERRORS = {
  notFound: 'IMPORT_NOT_FOUND',
  uploadSignatureInvalid: 'IMPORT_UPLOAD_SIGNATURE_INVALID',
  uploadExpired: 'IMPORT_UPLOAD_EXPIRED',
  alreadyUploaded: 'IMPORT_ALREADY_UPLOADED',
  tooLarge: 'IMPORT_FILE_TOO_LARGE',
  emptyFile: 'IMPORT_FILE_EMPTY',
  /** A whole batch could not be stored (a concurrent change kept conflicting). */
  batchFailed: 'IMPORT_BATCH_FAILED',
  malformedRecord: 'CSV_MALFORMED_RECORD',
} as const;
