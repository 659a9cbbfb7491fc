import { Metadata, type ServiceError, status as Status } from '@grpc/grpc-js';
import { renderError } from '@haat/common';
import { describe, expect, it } from 'vitest';
import { grpcErrorToAppError } from './grpc-status.mapper.js';

function serviceError(code: Status, details: string, serverCode?: string): ServiceError {
  const metadata = new Metadata();
  if (serverCode) metadata.set('x-haat-error-code', serverCode);
  return Object.assign(new Error(details), { code, details, metadata });
}

describe('gRPC status → HTTP', () => {
  it.each([
    [Status.NOT_FOUND, 404],
    [Status.INVALID_ARGUMENT, 400],
    [Status.PERMISSION_DENIED, 403],
    [Status.UNAUTHENTICATED, 401],
    [Status.UNAVAILABLE, 503],
    [Status.DEADLINE_EXCEEDED, 503],
    [Status.ALREADY_EXISTS, 409],
    [Status.RESOURCE_EXHAUSTED, 429],
    [Status.INTERNAL, 500],
  ])('maps status %s to HTTP %s', (status, http) => {
    expect(renderError(grpcErrorToAppError(serviceError(status, 'x'), 'tenant-service')).status).toBe(http);
  });

  it('keeps the server’s own error code and message', () => {
    const rendered = renderError(
      grpcErrorToAppError(
        serviceError(Status.NOT_FOUND, 'TENANT_NOT_FOUND: No tenant at x', 'TENANT_NOT_FOUND'),
        't',
      ),
    );
    expect(rendered.body.error).toMatchObject({ code: 'TENANT_NOT_FOUND', message: 'No tenant at x' });
  });

  it('names the status when the server gives no code', () => {
    expect(grpcErrorToAppError(serviceError(Status.PERMISSION_DENIED, 'no'), 't').code).toBe(
      'RPC_PERMISSION_DENIED',
    );
  });
});
