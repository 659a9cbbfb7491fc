import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bool, duration, port } from './fields.js';
import { ConfigError, loadConfig } from './load-config.js';
import { PlatformConfigSchema } from './platform-config.js';

const Schema = z.object({
  PORT: port(3000),
  DEBUG: bool(false),
  TIMEOUT: duration(1000),
  NAME: z.string().default('x'),
});

describe('loadConfig', () => {
  it('applies embedded defaults', () => {
    expect(loadConfig('svc', Schema, {})).toEqual({ PORT: 3000, DEBUG: false, TIMEOUT: 1000, NAME: 'x' });
  });

  it('parses typed values', () => {
    expect(loadConfig('svc', Schema, { PORT: '8080', DEBUG: 'yes', TIMEOUT: '5m' })).toMatchObject({
      PORT: 8080,
      DEBUG: true,
      TIMEOUT: 300_000,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig('svc', Schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('stops start-up naming every bad variable', () => {
    let err: unknown;
    try {
      loadConfig('tenant-service', Schema, { PORT: '99999', TIMEOUT: 'soon' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.variable)).toEqual(['PORT', 'TIMEOUT']);
    expect((err as Error).message).toMatch(/tenant-service: invalid configuration:\n {2}- PORT:/);
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => loadConfig('svc', PlatformConfigSchema, { DATABASE_URL: 'mysql://x@y/z' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
