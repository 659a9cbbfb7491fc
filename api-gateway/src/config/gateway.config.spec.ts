import { ConfigError, EMBEDDED_SIGNING_SECRET } from '@haat/config';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig, platformHosts } from './gateway.config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('gateway configuration', () => {
  it('runs embedded with defaults', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HAAT_BASE_DOMAIN: 'localhost',
      INTERNAL_SIGNING_SECRET: EMBEDDED_SIGNING_SECRET,
      BODY_LIMIT_BYTES: 1_048_576,
      TRUST_PROXY: ['loopback'],
      upstreams: { 'tenant-service': { url: 'http://127.0.0.1:4101', grpc: '127.0.0.1:5101' } },
    });
    expect([...platformHosts(config)]).toEqual(['localhost', 'api.localhost']);
  });

  it('stops start-up naming every bad variable', () => {
    expect(
      problems({
        PORT: 'eighty',
        TENANT_SERVICE_URL: 'ftp://x',
        TENANT_SERVICE_GRPC: 'nohost',
        HAAT_BASE_DOMAIN: 'bad_domain',
      }),
    ).toEqual(['PORT', 'HAAT_BASE_DOMAIN', 'TENANT_SERVICE_URL', 'TENANT_SERVICE_GRPC']);
  });

  it('wants the TLS certificate and key together', () => {
    expect(problems({ TLS_CERT_FILE: '/x.pem' })).toEqual(['TLS_KEY_FILE']);
  });

  it('refuses the development signing secret and a short operator token in distributed mode', () => {
    expect(problems({ HAAT_MODE: 'distributed', HAAT_OPERATOR_TOKEN: 'short' })).toEqual([
      'HAAT_OPERATOR_TOKEN',
      'INTERNAL_SIGNING_SECRET',
    ]);
  });
});
