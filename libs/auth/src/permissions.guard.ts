import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RequestWithContext } from '@haat/tenant';
import { authRequired, permissionDenied } from './auth.errors.js';
import { type Identity, resolveIdentity } from './identity.resolver.js';
import { missingPermissions } from './permission.matcher.js';
import { RequiredPermissionsMetadata } from './require-permissions.metadata.js';
import {
  ROLE_PERMISSION_SOURCE,
  type RolePermissionSource,
  StaticRolePermissionSource,
} from './role-permission.source.js';

/** A request the `PermissionsGuard` let through carries the caller's identity. */
export interface RequestWithIdentity extends RequestWithContext {
  haatIdentity?: Identity;
}

/**
 * Enforces `@RequirePermissions()`: every permission the handler and its controller require
 * must be covered by the caller's. Runs after the `InternalAuthGuard`, which verified the
 * signed identity; routes without the decorator pass.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  private readonly source: RolePermissionSource;

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ROLE_PERMISSION_SOURCE) source?: RolePermissionSource,
  ) {
    this.source = source ?? new StaticRolePermissionSource();
  }

  async canActivate(host: ExecutionContext): Promise<boolean> {
    const required = [
      ...(this.reflector.get(RequiredPermissionsMetadata, host.getClass()) ?? []),
      ...(this.reflector.get(RequiredPermissionsMetadata, host.getHandler()) ?? []),
    ];
    if (required.length === 0) return true;
    const req = host.switchToHttp().getRequest<RequestWithIdentity>();
    const identity = await resolveIdentity(req.haatContext, this.source);
    if (!identity) throw authRequired();
    const missing = missingPermissions(identity.permissions, required);
    if (missing.length > 0) throw permissionDenied(missing);
    req.haatIdentity = identity;
    return true;
  }
}
