import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, RFC 9562 "custom") derived from `parts`: the same parts always give the same
 * id. For rows that one event or one seed run creates several of, so a repeat collides on the
 * primary key instead of duplicating.
 */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
