import { SetMetadata } from '@nestjs/common';

/**
 * Nest metadata key marking a route that needs no internal signature. The internal-auth guard
 * of `@haat/tenant` reads the same string.
 */
export const PUBLIC_ROUTE_KEY = 'haat:public';

/** Marks a handler (or controller) as public for the internal-auth guard. */
export const Public = () => SetMetadata(PUBLIC_ROUTE_KEY, true);
