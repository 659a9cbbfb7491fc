import { ConflictError, NotFoundError } from '@haat/common';

export function blockExists(kind: string): ConflictError {
  return new ConflictError('FRAUD_BLOCK_EXISTS', `This ${kind} is already blocklisted`, { kind });
}

export function blockNotFound(id: string): NotFoundError {
  return new NotFoundError('FRAUD_BLOCK_NOT_FOUND', 'No such blocklist entry', { id });
}

export function assessmentNotFound(intentId: string): NotFoundError {
  return new NotFoundError('FRAUD_ASSESSMENT_NOT_FOUND', 'No risk assessment for this payment', { intentId });
}
