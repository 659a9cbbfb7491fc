import { PermissionSchema } from './permission.schema.js';

/**
 * True when `granted` covers `required`: the same permission, `resource:*` for any action on
 * that resource, or `*`. Malformed grants match nothing, so a typo never widens access.
 */
export function hasPermission(granted: readonly string[], required: string): boolean {
  const colon = required.indexOf(':');
  const resourceWildcard = colon > 0 ? `${required.slice(0, colon)}:*` : undefined;
  return granted.some(
    (g) => PermissionSchema.safeParse(g).success && (g === '*' || g === required || g === resourceWildcard),
  );
}

/** The permissions of `required` that `granted` does not cover, in the order required. */
export function missingPermissions(granted: readonly string[], required: readonly string[]): string[] {
  return required.filter((r) => !hasPermission(granted, r));
}
