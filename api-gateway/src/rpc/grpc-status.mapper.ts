import {
  type AppError,
  ConflictError,
  type ErrorDetails,
  ForbiddenError,
  InternalError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '@haat/common';
import { type ServiceError, status as Status } from '@grpc/grpc-js';

type AppErrorClass = new (code: string, message: string, details?: ErrorDetails) => AppError;

/** gRPC status → the HTTP error kind (as grpc-gateway maps them, within our closed set). */
const KIND_BY_STATUS: Partial<Record<Status, AppErrorClass>> = {
  [Status.INVALID_ARGUMENT]: ValidationError,
  [Status.FAILED_PRECONDITION]: ValidationError,
  [Status.OUT_OF_RANGE]: ValidationError,
  [Status.UNAUTHENTICATED]: UnauthorizedError,
  [Status.PERMISSION_DENIED]: ForbiddenError,
  [Status.NOT_FOUND]: NotFoundError,
  [Status.UNIMPLEMENTED]: NotFoundError,
  [Status.ALREADY_EXISTS]: ConflictError,
  [Status.ABORTED]: ConflictError,
  [Status.RESOURCE_EXHAUSTED]: RateLimitedError,
  [Status.UNAVAILABLE]: UnavailableError,
  [Status.DEADLINE_EXCEEDED]: UnavailableError,
  [Status.CANCELLED]: UnavailableError,
};

/** Transport-level statuses keep the HTTP proxy's codes. */
const CODE_BY_STATUS: Partial<Record<Status, string>> = {
  [Status.UNAVAILABLE]: 'UPSTREAM_UNREACHABLE',
  [Status.DEADLINE_EXCEEDED]: 'UPSTREAM_TIMEOUT',
};

/** Trailing-metadata key a Haat gRPC server may set to its stable error code. */
export const GRPC_ERROR_CODE_METADATA = 'x-haat-error-code';

export function isGrpcServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && 'code' in error && typeof error.code === 'number' && 'metadata' in error;
}

/**
 * An upstream gRPC failure as the bridge answers it: the mapped HTTP kind, the server's own code
 * (`x-haat-error-code` trailer) or `RPC_<STATUS>`, and the status details as the message
 * (except for internal errors, whose details stay in the log).
 */
export function grpcErrorToAppError(error: ServiceError, upstream: string): AppError {
  const status = error.code as Status;
  const name = Status[status] ?? 'UNKNOWN';
  const serverCode = error.metadata?.get(GRPC_ERROR_CODE_METADATA)[0];
  const code =
    typeof serverCode === 'string' && serverCode ? serverCode : (CODE_BY_STATUS[status] ?? `RPC_${name}`);
  const details: ErrorDetails = { upstream, grpcStatus: name };
  const Kind = KIND_BY_STATUS[status];
  if (!Kind) return new InternalError(code, `${upstream} failed (${name})`, details);
  // Haat servers put `<CODE>: <message>` in the details; the code is already in the body.
  const message = error.details?.startsWith(`${code}: `)
    ? error.details.slice(code.length + 2)
    : error.details;
  return new Kind(code, message || `${upstream} answered ${name}`, details);
}
