/**
 * The logging the messaging lib needs; a pino logger fits (`(obj, msg)` order). The lib never
 * imports a logging library itself.
 */
export interface MessagingLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** Default: warnings and errors to stderr, nothing else. */
export const consoleMessagingLogger: MessagingLogger = {
  info: () => undefined,
  warn: (obj, msg) => console.warn(`[messaging] ${msg}`, obj),
  error: (obj, msg) => console.error(`[messaging] ${msg}`, obj),
};

/** `err` as text for logs and `last_error` columns, bounded in size. */
export function describeError(err: unknown, max = 4000): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
