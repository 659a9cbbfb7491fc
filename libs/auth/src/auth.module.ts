import { ConfigurableModuleBuilder, Module } from '@nestjs/common';
import { PermissionsGuard } from './permissions.guard.js';
import {
  ROLE_PERMISSION_SOURCE,
  type RolePermissionSource,
  StaticRolePermissionSource,
} from './role-permission.source.js';

/** What `AuthModule.forRoot()` takes. */
export interface AuthModuleOptions {
  /** Resolves roles to permissions; defaults to the built-in roles' static map. */
  roleSource?: RolePermissionSource;
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<AuthModuleOptions>({
  moduleName: 'Auth',
})
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();

/**
 * Provides the `RolePermissionSource` the `PermissionsGuard` uses, to every module (global by
 * default). Without it the guard falls back to the built-in roles.
 */
@Module({
  providers: [
    {
      provide: ROLE_PERMISSION_SOURCE,
      inject: [MODULE_OPTIONS_TOKEN],
      useFactory: (options: AuthModuleOptions) => options.roleSource ?? new StaticRolePermissionSource(),
    },
    PermissionsGuard,
  ],
  exports: [ROLE_PERMISSION_SOURCE, PermissionsGuard],
})
export class AuthModule extends ConfigurableModuleClass {}
