import type { EventDefinition } from '@haat/contracts';
import { type EnvelopeContext, envelope } from '@haat/messaging';
import type { z } from 'zod';
import { publicTenant } from './account-space.js';

/**
 * The envelope of an auth event about `aggregateType`/`aggregateId` in an account space: the
 * tenant is the space's (null for platform accounts), whatever the request's context says.
 */
export function authEvent<T extends string, S extends z.ZodType>(
  definition: EventDefinition<T, S>,
  ctx: EnvelopeContext,
  space: string,
  aggregateType: string,
  aggregateId: string,
  payload: z.input<S>,
) {
  return envelope(definition, ctx, { aggregateType, aggregateId, tenantId: publicTenant(space), payload });
}
