import type { MailboxMessage } from '../../infrastructure/mailbox/mailbox-message.js';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The embedded mailbox as one HTML page: newest first, each message's plain text inside a
 * `<details>`. Everything a message says is escaped; its own HTML is never rendered here.
 */
export function renderMailboxPage(messages: readonly MailboxMessage[], hasMore: boolean): string {
  const rows = messages.map((m) => {
    const subject = m.kind === 'sms' ? '(SMS)' : (m.subject ?? '(no subject)');
    return [
      '<details><summary>',
      `<time>${escapeHtml(m.receivedAt.replace('T', ' ').slice(0, 19))}</time> `,
      `<b class="${m.kind}">${m.kind.toUpperCase()}</b> `,
      `to ${escapeHtml(m.to.join(', '))} — ${escapeHtml(subject)}`,
      `<small> tenant ${escapeHtml(m.tenantId ?? 'none')}</small>`,
      '</summary>',
      m.from ? `<p>From: ${escapeHtml(m.from)}</p>` : '',
      `<pre>${escapeHtml(m.text ?? '')}</pre>`,
      '</details>',
    ].join('');
  });
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Haat local mailbox</title><style>',
    'body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}',
    'details{border-bottom:1px solid #ddd;padding:.5rem 0}summary{cursor:pointer}',
    'pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}b.sms{color:#0a7}b.email{color:#06c}',
    'small,time{color:#777}</style></head><body>',
    '<h1>Haat local mailbox</h1>',
    '<p>Email and SMS the platform sent in embedded mode, newest first. ',
    'The same messages are at <code>GET /v1/mailbox/messages</code> (signed, per tenant).</p>',
    messages.length === 0 ? '<p>Nothing yet.</p>' : rows.join(''),
    hasMore ? '<p>Older messages are not shown.</p>' : '',
    '</body></html>',
  ].join('');
}
