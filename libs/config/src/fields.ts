import { z } from 'zod';

/** A TCP port. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

/** `true/false/1/0/yes/no`, case-insensitive. */
export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'TRUE', 'FALSE', 'YES', 'NO'])
    .transform((v) => ['true', '1', 'yes'].includes(v.toLowerCase()))
    .default(fallback);

/** A URL with one of the given schemes. */
export const url = (schemes: readonly string[]) =>
  z
    .string()
    .url()
    .refine((u) => schemes.includes(new URL(u).protocol.replace(/:$/, '')), {
      message: `must be a ${schemes.join(' or ')} URL`,
    });

/** A duration in milliseconds: `500`, `500ms`, `30s`, `5m`, `2h`. */
export const duration = (fallbackMs: number) =>
  z
    .string()
    .regex(/^\d+(ms|s|m|h)?$/, 'must be a duration like 500ms, 30s, 5m or 2h')
    .transform((v) => {
      const m = /^(\d+)(ms|s|m|h)?$/.exec(v) as RegExpExecArray;
      const n = Number(m[1]);
      const unit = m[2] ?? 'ms';
      return n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
    })
    .default(fallbackMs);

/** A comma-separated list. */
export const list = (fallback: string[] = []) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .default(fallback);

/**
 * A secret: at least 16 characters. The embedded default is for local runs only; distributed
 * mode refuses to start with it.
 */
export const secret = (embeddedDefault: string) =>
  z.string().min(16, 'must be at least 16 characters').default(embeddedDefault);
