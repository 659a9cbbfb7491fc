import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Nest's levels from the most to the least verbose. */
const NEST_LEVEL_ORDER: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/** Same test as Nest's ConsoleLogger: a stack has at least one `at file:line:col` frame. */
function isStack(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && /\n[ \t]+at .+:\d+:\d+/.test(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Nest's `LoggerService` over a pino logger, so Nest's own lines (module wiring, routes, errors
 * from the framework) come out as the same JSON as the service's: pass it as
 * `NestFactory.create(AppModule, adapter, { logger: new PinoNestLogger(logger) })`.
 * Nest's trailing context argument becomes the `context` field, an error stack `stack`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('log', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('verbose', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  /** pino has one threshold: the most verbose of the enabled Nest levels becomes it. */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = NEST_LEVEL_ORDER.find((level) => levels.includes(level));
    this.logger.level = lowest ? PINO_LEVEL[lowest] : 'silent';
  }

  private write(level: LogLevel, message: unknown, optionalParams: unknown[]): void {
    const rest = [...optionalParams];
    const fields: Record<string, unknown> = {};
    const takesStack = level === 'error' || level === 'fatal';
    // Nest's Logger appends its context as the last string; `error(msg, stack)` has no context.
    const onlyAStack = takesStack && rest.length === 1 && isStack(rest[0]);
    if (!onlyAStack && typeof rest.at(-1) === 'string') fields['context'] = rest.pop();
    if (takesStack && rest.length > 0 && isStack(rest.at(-1))) {
      const stack = rest.pop();
      if (stack !== undefined) fields['stack'] = stack;
    }
    const params: unknown[] = [];
    for (const param of rest) {
      if (isPlainObject(param)) Object.assign(fields, param);
      else params.push(param);
    }
    if (params.length > 0) fields['params'] = params;

    let text: string | undefined;
    if (message instanceof Error) {
      fields['err'] = message;
      text = message.message;
    } else if (isPlainObject(message)) {
      Object.assign(fields, message);
    } else {
      text = String(message);
    }
    this.logger[PINO_LEVEL[level]](fields, text);
  }
}
