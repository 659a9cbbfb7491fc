/**
 * Wraps an email body in the shipped layout. Liquid source: the shop's name is a variable, and
 * every output is HTML-escaped by the email renderer.
 */
export function emailLayout(body: string, lang: 'en' | 'bn'): string {
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>{{ shop.name }}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;background:#f6f6f6;margin:0;padding:24px">',
    '<div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:24px">',
    '<h2 style="margin-top:0">{{ shop.name }}</h2>',
    body,
    '</div></body></html>',
  ].join('');
}
