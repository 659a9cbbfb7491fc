import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import { SECRET, type StartedGateway, startGateway } from './support/gateway.harness.js';

let dir: string;
let tenantService: FakeUpstream;
let gw: StartedGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haat-gateway-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'server.key'),
      '-out',
      join(dir, 'server.crt'),
    ],
    { stdio: 'ignore' },
  );
  tenantService = await FakeUpstream.start({ name: 'tenant-service', secret: SECRET });
  gw = await startGateway({
    TENANT_SERVICE_URL: tenantService.url,
    TLS_CERT_FILE: join(dir, 'server.crt'),
    TLS_KEY_FILE: join(dir, 'server.key'),
  });
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTPS', () => {
  it('serves TLS with the configured certificate, and HSTS', async () => {
    expect(gw.url).toMatch(/^https:\/\//);
    const dispatcher = new Agent({ connect: { ca: readFileSync(join(dir, 'server.crt')) } });
    const res = await request(`${gw.url.replace('127.0.0.1', 'localhost')}/api/v1/platform/plans`, {
      dispatcher,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    await res.body.dump();
    await dispatcher.close();
  });
});
