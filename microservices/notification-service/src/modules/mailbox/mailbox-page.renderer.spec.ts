import { describe, expect, it } from 'vitest';
import { renderMailboxPage } from './mailbox-page.renderer.js';

describe('renderMailboxPage', () => {
  it('lists messages and escapes everything they say', () => {
    const html = renderMailboxPage(
      [
        {
          id: '019ab000-0000-7000-8000-000000000001',
          tenantId: null,
          kind: 'email',
          from: 'Shop <no-reply@haat.localhost>',
          to: ['rahim@example.com'],
          subject: '<script>alert(1)</script>',
          text: 'Your code is 123456 & more',
          html: '<img src=x onerror=alert(1)>',
          messageId: '<a@b>',
          receivedAt: '2026-01-01T10:00:00.000Z',
        },
      ],
      false,
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Your code is 123456 &amp; more');
    expect(html).toContain('rahim@example.com');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('onerror');
  });
});
