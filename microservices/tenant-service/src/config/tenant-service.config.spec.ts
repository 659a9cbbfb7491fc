import { ConfigError, loadConfig } from '@haat/config';
import { describe, expect, it } from 'vitest';
import { TenantServiceConfigSchema } from './tenant-service.config.js';

describe('TenantServiceConfigSchema', () => {
  it('defaults to demo.localhost-style subdomains and the system DNS servers', () => {
    const config = loadConfig('tenant-service', TenantServiceConfigSchema, {});
    expect(config).toEqual({ HAAT_BASE_DOMAIN: 'localhost', DNS_SERVERS: [], DNS_TIMEOUT: 3000 });
  });

  it('takes DNS servers with or without ports, IPv4 and IPv6', () => {
    const config = loadConfig('tenant-service', TenantServiceConfigSchema, {
      DNS_SERVERS: '1.1.1.1, 127.0.0.1:5353,::1,[::1]:53',
      HAAT_BASE_DOMAIN: 'Haat.App',
    });
    expect(config.DNS_SERVERS).toEqual(['1.1.1.1', '127.0.0.1:5353', '::1', '[::1]:53']);
    expect(config.HAAT_BASE_DOMAIN).toBe('haat.app');
  });

  it('stops start-up naming the variable for a bad DNS server or base domain', () => {
    expect(() =>
      loadConfig('tenant-service', TenantServiceConfigSchema, { DNS_SERVERS: 'dns.google' }),
    ).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ variable: 'DNS_SERVERS' })] }));
    expect(() =>
      loadConfig('tenant-service', TenantServiceConfigSchema, { HAAT_BASE_DOMAIN: 'bad_domain' }),
    ).toThrow(ConfigError);
  });
});
