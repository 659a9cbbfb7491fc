import type { z } from 'zod';
import { ValidationError } from './app-error.js';

export interface FieldIssue {
  field: string;
  message: string;
  code: string;
}

/** Turns Zod issues into `{ field, message, code }` with dotted paths (`lines.0.sku`). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * Parses `input` or throws a `ValidationError` whose details name every bad field.
 * `where` says which part of the request it was (body, query, params, headers).
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params' | 'headers' | 'payload' = 'body',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldIssues(result.error);
  const first = fields[0];
  throw new ValidationError(
    'VALIDATION_FAILED',
    first ? `Invalid ${where}: ${first.field}: ${first.message}` : `Invalid ${where}`,
    { in: where, fields },
  );
}
