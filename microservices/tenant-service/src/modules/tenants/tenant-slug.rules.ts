import { z } from 'zod';

/**
 * Slugs that would shadow the platform's own hosts (`api.<base>`, `www.<base>`) or invite
 * phishing (`admin`, `login`): never a tenant's.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'admin',
  'app',
  'mail',
  'static',
  'assets',
  'auth',
  'billing',
  'blog',
  'cdn',
  'dashboard',
  'docs',
  'ftp',
  'gateway',
  'grpc',
  'haat',
  'help',
  'imap',
  'internal',
  'login',
  'media',
  'ns1',
  'ns2',
  'operator',
  'platform',
  'pop',
  'root',
  'secure',
  'smtp',
  'status',
  'support',
  'system',
  'webmail',
]);

/**
 * A tenant's slug: its platform subdomain label. 3–40 lower-case letters, digits and hyphens,
 * not starting or ending with a hyphen (DNS), not `xn--` (punycode), not reserved.
 */
export const TenantSlugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/,
    'must be 3–40 lower-case letters, digits and hyphens, starting and ending with a letter or digit',
  )
  .refine((s) => !s.startsWith('xn--'), 'must not start with xn--')
  .refine((s) => !RESERVED_SLUGS.has(s), 'is reserved by the platform');
