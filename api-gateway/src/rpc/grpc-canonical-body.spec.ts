import { describe, expect, it } from 'vitest';
import { canonicalBodyOf } from './grpc-canonical-body.js';
import { loadRpcMethod } from './proto-method.loader.js';

describe('canonical gRPC body', () => {
  it('is the request’s fields in declaration order, by proto name, int64 as numbers, defaults filled', () => {
    const method = loadRpcMethod('tenant.proto', 'haat.tenant.v1.TenantDirectory/CheckLimit');
    const canonical = canonicalBodyOf('tenant.proto', 'haat.tenant.v1.TenantDirectory/CheckLimit');
    const bytes = method.requestSerialize({ adding: '1', tenantId: 't-1', current: 3 });
    expect(canonical(bytes)).toBe('{"tenant_id":"t-1","resource":"","current":3,"adding":1}');
  });

  it('does not depend on how the client wrote its JSON', () => {
    const method = loadRpcMethod('tenant.proto', 'haat.tenant.v1.TenantDirectory/ResolveHost');
    const canonical = canonicalBodyOf('tenant.proto', 'haat.tenant.v1.TenantDirectory/ResolveHost');
    expect(canonical(method.requestSerialize({ unknown: 1, host: 'demo.localhost' }))).toBe(
      '{"host":"demo.localhost"}',
    );
  });
});
