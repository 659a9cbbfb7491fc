import { z } from 'zod';

const segment = z.string().regex(/^[a-z][a-z0-9-]*$/);

/**
 * A permission: `resource:action` (`product:create`), every action on a resource
 * (`product:*`), or everything (`*`). Resources and actions are lower-case kebab words.
 */
export const PermissionSchema = z.union([
  z.literal('*'),
  z.templateLiteral([segment, ':', z.union([segment, z.literal('*')])]),
]);
export type Permission = z.infer<typeof PermissionSchema>;

/** A permission a route requires: a concrete `resource:action`. */
export const RequiredPermissionSchema = z.templateLiteral([segment, ':', segment]);
export type RequiredPermission = z.infer<typeof RequiredPermissionSchema>;
