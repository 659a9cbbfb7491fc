import { ErrorBodySchema } from '@haat/common';
import type { ResponseConfig } from '@haat/contracts/openapi';
import { standardErrorResponses } from '@haat/service';
import type { z } from 'zod';

/** A JSON response of `schema`. */
export function json(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

/** The standard error responses with these statuses. */
export function errors(...statuses: number[]): Record<number, ResponseConfig> {
  return Object.fromEntries(
    statuses.flatMap((s) =>
      standardErrorResponses[s]
        ? [[s, standardErrorResponses[s]]]
        : [[s, json(`Error ${s}`, ErrorBodySchema)]],
    ),
  );
}
