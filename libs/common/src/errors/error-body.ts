import { z } from 'zod';
import { AppError } from './app-error.js';

/** The one error shape every endpoint answers with. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function toErrorBody(err: AppError, requestId?: string): ErrorBody {
  return { error: { code: err.code, message: err.message, details: err.details, requestId } };
}

/** What clients see for anything unexpected: nothing about the cause. */
export function internalErrorBody(requestId?: string): ErrorBody {
  return { error: { code: 'INTERNAL', message: 'Internal server error', details: {}, requestId } };
}
