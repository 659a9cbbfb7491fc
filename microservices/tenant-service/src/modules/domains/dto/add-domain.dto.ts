import { z } from 'zod';
import { normalizeHost } from '../host-name.rules.js';

/** `POST /v1/tenant/domains`: the host name is stored lower-case, without port or trailing dot. */
export const AddDomainSchema = z.strictObject({
  hostname: z
    .string()
    .max(300)
    .transform((raw, ctx) => {
      const host = normalizeHost(raw);
      if (host) return host;
      ctx.addIssue({ code: 'custom', message: 'must be a host name like shop.example.com' });
      return z.NEVER;
    }),
});
export type AddDomainInput = z.output<typeof AddDomainSchema>;
