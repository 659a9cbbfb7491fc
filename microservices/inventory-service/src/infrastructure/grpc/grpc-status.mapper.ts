import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';
import { AppError, type ErrorKind } from '@haat/common';

const STATUS_BY_KIND: Record<ErrorKind, status> = {
  validation: status.INVALID_ARGUMENT,
  unauthorized: status.UNAUTHENTICATED,
  forbidden: status.PERMISSION_DENIED,
  not_found: status.NOT_FOUND,
  conflict: status.ABORTED,
  payload_too_large: status.RESOURCE_EXHAUSTED,
  unprocessable: status.FAILED_PRECONDITION,
  rate_limited: status.RESOURCE_EXHAUSTED,
  internal: status.INTERNAL,
  unavailable: status.UNAVAILABLE,
};

/** Trailing metadata key carrying the stable `DOMAIN_REASON` code (`STOCK_INSUFFICIENT`). */
export const GRPC_ERROR_CODE_KEY = 'x-haat-error-code';

export interface MappedGrpcError {
  error: ServerErrorResponse;
  /** True for a bug: log it; the caller sees INTERNAL and nothing more. */
  unexpected: boolean;
}

/**
 * An error as a gRPC status: app errors keep their code (in the message and in trailing
 * metadata `x-haat-error-code`); anything else is INTERNAL and reveals nothing.
 */
export function toGrpcError(err: unknown): MappedGrpcError {
  const metadata = new Metadata();
  if (err instanceof AppError && err.kind !== 'internal') {
    metadata.set(GRPC_ERROR_CODE_KEY, err.code);
    const details = `${err.code}: ${err.message}`;
    return {
      error: Object.assign(new Error(details), { code: STATUS_BY_KIND[err.kind], details, metadata }),
      unexpected: false,
    };
  }
  metadata.set(GRPC_ERROR_CODE_KEY, 'INTERNAL');
  const details = 'INTERNAL: Internal server error';
  return {
    error: Object.assign(new Error(details), { code: status.INTERNAL, details, metadata }),
    unexpected: true,
  };
}
