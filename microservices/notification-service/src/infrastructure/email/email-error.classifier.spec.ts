import { describe, expect, it } from 'vitest';
import { classifyEmailError } from './email-error.classifier.js';

describe('classifyEmailError', () => {
  it('gives up on a 5xx reply', () => {
    expect(
      classifyEmailError('smtp', { responseCode: 550, code: 'EENVELOPE', message: 'no such user' }),
    ).toEqual({
      outcome: 'permanent_error',
      provider: 'smtp',
      errorCode: 'SMTP_550',
      error: 'no such user',
    });
  });

  it('retries a 4xx reply, a refused login and a lost connection', () => {
    expect(classifyEmailError('smtp', { responseCode: 451, message: 'try later' }).outcome).toBe(
      'retryable_error',
    );
    expect(
      classifyEmailError('smtp', { responseCode: 535, code: 'EAUTH', message: 'bad login' }).outcome,
    ).toBe('retryable_error');
    expect(
      classifyEmailError('smtp', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })),
    ).toMatchObject({
      outcome: 'retryable_error',
      errorCode: 'ESOCKET',
    });
  });
});
