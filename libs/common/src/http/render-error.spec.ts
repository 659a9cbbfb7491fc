import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, UnavailableError } from '../errors/app-error.js';
import { parseOrThrow } from '../errors/zod-parse.js';
import { renderError } from './render-error.js';

describe('renderError', () => {
  it('keeps an app error code and status', () => {
    const r = renderError(new ConflictError('ORDER_ILLEGAL_TRANSITION', 'nope', { from: 'A' }), 'req-1');
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      error: {
        code: 'ORDER_ILLEGAL_TRANSITION',
        message: 'nope',
        details: { from: 'A' },
        requestId: 'req-1',
      },
    });
  });

  it('names the bad field of a validation error', () => {
    let thrown: unknown;
    try {
      parseOrThrow(
        z.object({ name: z.string().min(1), lines: z.array(z.object({ qty: z.number().int() })) }),
        { name: '', lines: [{ qty: 1.5 }] },
      );
    } catch (e) {
      thrown = e;
    }
    const r = renderError(thrown);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const fields = (r.body.error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(['name', 'lines.0.qty']);
  });

  it('maps a malformed JSON body from Fastify to 400 MALFORMED_JSON', () => {
    const err = Object.assign(new SyntaxError('Unexpected token'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    const r = renderError(err);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('MALFORMED_JSON');
  });

  it('hides the cause of an unexpected error', () => {
    const r = renderError(new Error('password=hunter2 at db'));
    expect(r.status).toBe(500);
    expect(r.unexpected).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('hunter2');
  });

  it('sets Retry-After from retryAfterMs', () => {
    const r = renderError(new UnavailableError('UPSTREAM_UNAVAILABLE', 'down', { retryAfterMs: 1500 }));
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('2');
  });
});
