import { Body, Controller, Get, Module, type ModuleMetadata, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppExceptionFilter, newId } from '@haat/common';
import {
  INTERNAL_SIGNING_SECRETS,
  InternalAuthGuard,
  type RequestContext,
  signInternalRequest,
  systemContext,
} from '@haat/tenant';
import { AuthModule, RequirePermissions, StaticRolePermissionSource } from '../src/index.js';

const SECRET = 'auth-test-secret-0123456789abcdef';
const tenantId = newId();

@Controller('products')
class ProductsController {
  @Get('catalogue')
  catalogue() {
    return { open: true };
  }

  @Post()
  @RequirePermissions('product:create')
  create(@Body() body: { name: string }) {
    return { created: body.name };
  }

  @Post('bulk-delete')
  @RequirePermissions('product:delete', 'product:export')
  bulkDelete() {
    return { deleted: true };
  }
}

@Controller('payouts')
@RequirePermissions('payout:read')
class PayoutsController {
  @Get()
  list() {
    return { payouts: [] };
  }

  @Post('run')
  @RequirePermissions('payout:create')
  run() {
    return { started: true };
  }
}

async function boot(imports: ModuleMetadata['imports'] = []): Promise<NestFastifyApplication> {
  @Module({
    imports,
    controllers: [ProductsController, PayoutsController],
    providers: [
      { provide: INTERNAL_SIGNING_SECRETS, useValue: [SECRET] },
      { provide: APP_GUARD, useClass: InternalAuthGuard },
    ],
  })
  class TestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), {
    rawBody: true,
    logger: false,
  });
  app.useGlobalFilters(new AppExceptionFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

type Who = Partial<Pick<RequestContext, 'userId' | 'roles' | 'permissions'>> | RequestContext;

async function call(app: NestFastifyApplication, method: 'GET' | 'POST', url: string, who?: Who) {
  const payload = method === 'POST' ? JSON.stringify({ name: 'Tea' }) : undefined;
  const context: RequestContext = {
    tenantId,
    userId: null,
    roles: [],
    permissions: [],
    requestId: newId(),
    ...who,
  };
  const headers: Record<string, string> = who
    ? signInternalRequest({ method, path: url, body: payload, context, secret: SECRET })
    : {};
  if (payload) headers['content-type'] = 'application/json';
  const res = await app.inject({ method, url, headers, payload });
  return {
    status: res.statusCode,
    body: res.json<{ error?: { code: string; message: string; details: { missing?: string[] } } }>(),
  };
}

describe('PermissionsGuard with the built-in roles', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await boot();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 401 AUTH_REQUIRED to a signed request without a user', async () => {
    const res = await call(app, 'POST', '/products', { userId: null, permissions: ['*'] });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('AUTH_REQUIRED');
  });

  it('lets the unsigned request fail at the InternalAuthGuard first', async () => {
    const res = await call(app, 'POST', '/products');
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('INTERNAL_SIGNATURE_MISSING');
  });

  it('answers 403 PERMISSION_DENIED naming the missing permission', async () => {
    const res = await call(app, 'POST', '/products', { userId: 'u1', permissions: ['product:read'] });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('PERMISSION_DENIED');
    expect(res.body.error?.message).toContain('product:create');
    expect(res.body.error?.details.missing).toEqual(['product:create']);
  });

  it('names only the permissions that are missing when a route requires several', async () => {
    const res = await call(app, 'POST', '/products/bulk-delete', {
      userId: 'u1',
      permissions: ['product:delete'],
    });
    expect(res.status).toBe(403);
    expect(res.body.error?.details.missing).toEqual(['product:export']);
  });

  it('lets through a user holding the permission, its resource wildcard or *', async () => {
    for (const permissions of [['product:create'], ['product:*'], ['*'], ['order:read', 'product:create']]) {
      const res = await call(app, 'POST', '/products', { userId: 'u1', permissions });
      expect(res.status, permissions.join(',')).toBe(201);
      expect(res.body).toEqual({ created: 'Tea' });
    }
  });

  it('expands roles when the signed headers carry roles only', async () => {
    expect((await call(app, 'POST', '/products', { userId: 'u1', roles: ['vendor_staff'] })).status).toBe(
      201,
    );
    expect((await call(app, 'POST', '/products', { userId: 'u1', roles: ['operator'] })).status).toBe(201);
    const customer = await call(app, 'POST', '/products', { userId: 'u1', roles: ['customer'] });
    expect(customer.status).toBe(403);
    expect(customer.body.error?.code).toBe('PERMISSION_DENIED');
  });

  it('trusts signed permissions over roles when both are present', async () => {
    const res = await call(app, 'POST', '/products', {
      userId: 'u1',
      roles: ['operator'],
      permissions: ['product:read'],
    });
    expect(res.status).toBe(403);
  });

  it('lets platform work signed with the system context through', async () => {
    const res = await call(app, 'POST', '/products', systemContext(newId(), tenantId));
    expect(res.status).toBe(201);
  });

  it('requires both the controller and the route permissions', async () => {
    const reader = { userId: 'u1', permissions: ['payout:read'] };
    expect((await call(app, 'GET', '/payouts', reader)).status).toBe(200);
    const run = await call(app, 'POST', '/payouts/run', reader);
    expect(run.status).toBe(403);
    expect(run.body.error?.details.missing).toEqual(['payout:create']);
    const creatorOnly = await call(app, 'POST', '/payouts/run', {
      userId: 'u1',
      permissions: ['payout:create'],
    });
    expect(creatorOnly.body.error?.details.missing).toEqual(['payout:read']);
    const both = { userId: 'u1', permissions: ['payout:read', 'payout:create'] };
    expect((await call(app, 'POST', '/payouts/run', both)).status).toBe(201);
  });

  it('leaves routes without @RequirePermissions to anonymous callers', async () => {
    const res = await call(app, 'GET', '/products/catalogue', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ open: true });
  });
});

describe('PermissionsGuard with a role source from AuthModule', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    const roleSource = new StaticRolePermissionSource({ catalogue_editor: ['product:create'] });
    app = await boot([AuthModule.forRoot({ roleSource })]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('expands roles through the provided source instead of the built-in map', async () => {
    const editor = await call(app, 'POST', '/products', { userId: 'u1', roles: ['catalogue_editor'] });
    const operator = await call(app, 'POST', '/products', { userId: 'u1', roles: ['operator'] });
    expect(editor.status).toBe(201);
    expect(operator.status).toBe(403);
  });
});
