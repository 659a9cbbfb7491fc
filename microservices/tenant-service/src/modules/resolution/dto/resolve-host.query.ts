import { ResolveHostQuerySchema } from '@haat/contracts';

/** `GET /internal/v1/tenants/resolve?host=`: the contract's query, refusing unknown parameters. */
export const ResolveHostStrictQuerySchema = ResolveHostQuerySchema.strict();
