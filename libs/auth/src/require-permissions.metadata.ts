import { Reflector } from '@nestjs/core';
import type { RequiredPermission } from './permission.schema.js';

/** The route metadata `@RequirePermissions()` sets and the `PermissionsGuard` reads. */
export const RequiredPermissionsMetadata = Reflector.createDecorator<readonly RequiredPermission[]>();
