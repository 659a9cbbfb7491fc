import { describe, expect, it } from 'vitest';
import { pushEndpointProblem, pushKeyProblem } from './push-endpoint.rules.js';

describe('pushEndpointProblem', () => {
  it('accepts public push services', () => {
    expect(pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', false)).toBeUndefined();
    expect(pushEndpointProblem('https://web.push.apple.com/QGx', false)).toBeUndefined();
  });

  it('refuses plain http, credentials and local or private addresses', () => {
    expect(pushEndpointProblem('http://fcm.googleapis.com/x', false)).toMatch(/https/);
    expect(pushEndpointProblem('https://u:p@push.example.com/x', false)).toMatch(/credentials/);
    for (const local of [
      'https://localhost/x',
      'https://127.0.0.1/x',
      'https://10.1.2.3/x',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
      'https://[fd00::1]/x',
    ]) {
      expect(pushEndpointProblem(local, false), local).toBeDefined();
    }
  });

  it('lets private addresses through when allowed', () => {
    expect(pushEndpointProblem('https://127.0.0.1:8443/push/1', true)).toBeUndefined();
  });
});

describe('pushKeyProblem', () => {
  it('checks the key sizes', () => {
    const point = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
    expect(pushKeyProblem('p256dh', point)).toBeUndefined();
    expect(pushKeyProblem('p256dh', Buffer.alloc(65).toString('base64url'))).toBeDefined();
    expect(pushKeyProblem('auth', Buffer.alloc(16).toString('base64url'))).toBeUndefined();
    expect(pushKeyProblem('auth', 'not base64!')).toBeDefined();
  });
});
