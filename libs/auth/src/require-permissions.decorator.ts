import { applyDecorators, UseGuards } from '@nestjs/common';
import { type RequiredPermission, RequiredPermissionSchema } from './permission.schema.js';
import { PermissionsGuard } from './permissions.guard.js';
import { RequiredPermissionsMetadata } from './require-permissions.metadata.js';

/**
 * The route (or every route of the controller) needs all of `permissions`: 401 `AUTH_REQUIRED`
 * without a user, 403 `PERMISSION_DENIED` naming what is missing. Installs the
 * `PermissionsGuard` itself, after the global `InternalAuthGuard` that sets the context.
 */
export function RequirePermissions(
  ...permissions: [RequiredPermission, ...RequiredPermission[]]
): MethodDecorator & ClassDecorator {
  const parsed = permissions.map((p) => RequiredPermissionSchema.parse(p));
  return applyDecorators(RequiredPermissionsMetadata(parsed), UseGuards(PermissionsGuard));
}
