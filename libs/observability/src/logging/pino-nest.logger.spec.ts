import { describe, expect, it } from 'vitest';
import type { DestinationStream } from 'pino';
import { createLogger } from './logger.factory.js';
import { PinoNestLogger } from './pino-nest.logger.js';

function nestLogger(level: 'trace' | 'info' = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const destination: DestinationStream = { write: (line: string) => lines.push(JSON.parse(line)) };
  return { lines, logger: new PinoNestLogger(createLogger({ service: 's', level, destination })) };
}

describe('PinoNestLogger', () => {
  it('maps Nest levels to pino levels and the trailing argument to the context', () => {
    const { lines, logger } = nestLogger();
    logger.log('Mapped {/orders, GET} route', 'RouterExplorer');
    logger.warn('slow', 'Orders');
    logger.debug('d', 'Orders');
    logger.verbose('v', 'Orders');
    logger.fatal('down', 'Orders');
    expect(lines.map((line) => [line['level'], line['msg'], line['context']])).toEqual([
      ['info', 'Mapped {/orders, GET} route', 'RouterExplorer'],
      ['warn', 'slow', 'Orders'],
      ['debug', 'd', 'Orders'],
      ['trace', 'v', 'Orders'],
      ['fatal', 'down', 'Orders'],
    ]);
  });

  it('keeps the stack of error(message, stack, context) and of error(message, stack)', () => {
    const { lines, logger } = nestLogger();
    const stack = new Error('boom').stack;
    logger.error('handler failed', stack, 'ExceptionsHandler');
    logger.error('no context', stack);
    logger.error('only context', 'Orders');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'ExceptionsHandler', stack });
    expect(lines[1]).toMatchObject({ msg: 'no context', stack });
    expect(lines[1]).not.toHaveProperty('context');
    expect(lines[2]).toMatchObject({ msg: 'only context', context: 'Orders' });
    expect(lines[2]).not.toHaveProperty('stack');
  });

  it('serialises an Error message and merges object messages and parameters', () => {
    const { lines, logger } = nestLogger();
    logger.error(new Error('db down'), 'Db');
    logger.log({ event: 'started', port: 3000 }, 'Bootstrap');
    logger.log('with params', { orderId: 'o-1' }, 42, 'Orders');
    expect(lines[0]).toMatchObject({ msg: 'db down', context: 'Db', err: { message: 'db down' } });
    expect(lines[1]).toMatchObject({ event: 'started', port: 3000, context: 'Bootstrap' });
    expect(lines[2]).toMatchObject({ msg: 'with params', orderId: 'o-1', params: [42] });
  });

  it('applies Nest log levels as pino’s threshold', () => {
    const { lines, logger } = nestLogger('info');
    logger.debug('hidden');
    logger.setLogLevels(['debug', 'log', 'warn', 'error']);
    logger.debug('shown');
    logger.setLogLevels(['error']);
    logger.warn('hidden too');
    logger.setLogLevels([]);
    logger.error('silenced');
    expect(lines.map((line) => line['msg'])).toEqual(['shown']);
  });
});
