import type { MessagingLogger } from '../../src/messaging.logger.js';

/** Keeps the expected retry and dead-letter logs out of the test output. */
export const quietLogger: MessagingLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
