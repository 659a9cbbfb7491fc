import { hostname } from 'node:os';
import { type DestinationStream, type Level, type Logger, pino, stdTimeFunctions } from 'pino';
import { currentLogContext } from './log-context.js';
import { REDACTED_LOG_PATHS, REDACTED_VALUE } from './log-redaction.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** The service name every line carries (`service`). */
  service: string;
  /** The lowest level written; `silent` writes nothing. Default `info`. */
  level?: Level | 'silent';
  /** Where JSON lines go. Default: standard output. */
  destination?: DestinationStream;
}

/**
 * A pino logger writing one JSON object per line with `service`, an ISO `time`, the level as a
 * label, and the current `requestId`, `tenantId`, `traceId` and `spanId`; credentials are
 * censored (see {@link REDACTED_LOG_PATHS}).
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config = {
    level: options.level ?? 'info',
    base: { service: options.service, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: currentLogContext,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: REDACTED_VALUE },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
