import { createHmac } from 'node:crypto';

/** `tenant-service` → `tenant_service`: identifiers safe for PostgreSQL without quoting. */
export function sqlName(service: string): string {
  const n = service
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(n)) throw new Error(`Not a usable service name: ${service}`);
  return n;
}

export interface ServiceDbNames {
  database: string;
  ownerRole: string;
  appRole: string;
}

export function serviceDbNames(service: string, prefix = 'haat'): ServiceDbNames {
  const base = `${prefix}_${sqlName(service)}`;
  return { database: base, ownerRole: `${base}_owner`, appRole: `${base}_app` };
}

/** Role passwords derive from the platform secret, so restarts and other processes agree. */
export function rolePassword(secret: string, role: string): string {
  return createHmac('sha256', secret).update(`pg-role:${role}`).digest('base64url');
}

/** `postgres://admin@host/db` with another user, password and database. */
export function withCredentials(url: string, user: string, password: string, database: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  u.pathname = `/${database}`;
  return u.toString();
}
