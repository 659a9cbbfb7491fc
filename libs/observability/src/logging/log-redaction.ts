/**
 * Paths pino censors before a line is written: credentials at the top level, one level down
 * (`headers.authorization`, `user.password`) and in logged requests (`req.headers.cookie`).
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'authorization',
  'cookie',
  'password',
  'token',
  '["x-haat-signature"]',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*["x-haat-signature"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-haat-signature"]',
];

/** What a redacted value is replaced with. */
export const REDACTED_VALUE = '[REDACTED]';
