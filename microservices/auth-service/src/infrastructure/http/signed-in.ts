import { authRequired } from '@haat/auth';
import type { RequestContext } from '@haat/tenant';

/** The signed-in account of a request, or 401 `AUTH_REQUIRED`. */
export function signedInAccount(ctx: RequestContext): string {
  if (!ctx.userId) throw authRequired();
  return ctx.userId;
}
