import { status } from '@grpc/grpc-js';
import { ConflictError, NotFoundError, ValidationError } from '@haat/common';
import { describe, expect, it } from 'vitest';
import { GRPC_ERROR_CODE_KEY, toGrpcError } from './grpc-status.mapper.js';

describe('toGrpcError', () => {
  it('maps app errors to their gRPC status and keeps the stable code', () => {
    const cases = [
      [new NotFoundError('SKU_NOT_FOUND', 'No such SKU'), status.NOT_FOUND],
      [new ValidationError('VALIDATION_FAILED', 'bad'), status.INVALID_ARGUMENT],
      [new ConflictError('STOCK_INSUFFICIENT', 'Only 0 left'), status.ABORTED],
    ] as const;
    for (const [err, code] of cases) {
      const { error, unexpected } = toGrpcError(err);
      expect(error.code).toBe(code);
      expect(error.details).toBe(`${err.code}: ${err.message}`);
      expect(error.metadata?.get(GRPC_ERROR_CODE_KEY)).toEqual([err.code]);
      expect(unexpected).toBe(false);
    }
  });

  it('hides anything else behind INTERNAL', () => {
    const { error, unexpected } = toGrpcError(new Error('password authentication failed for user x'));
    expect(error.code).toBe(status.INTERNAL);
    expect(error.details).not.toContain('password');
    expect(unexpected).toBe(true);
  });
});
