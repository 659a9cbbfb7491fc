import type { RequestContext } from './request-context.js';
import { contextStorage } from './request-context.js';

/**
 * Binds `ctx` to the rest of the current async flow. Guards cannot wrap the handler, so this
 * uses `enterWith`; each request runs in its own async resource, so contexts never leak.
 */
export function enterContext(ctx: RequestContext): void {
  contextStorage.enterWith(ctx);
}
