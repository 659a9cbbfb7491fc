import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { PageQuerySchema, parseOrThrow, UnauthorizedError } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { Ctx, PlatformScope, type RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { PLATFORM_SPACE } from '../../infrastructure/account-space.js';
import { clientInfo, type HeaderBag } from '../../infrastructure/http/client-info.js';
import type { HeaderReply } from '../../infrastructure/http/reply.js';
import { signedInAccount } from '../../infrastructure/http/signed-in.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { ChangePasswordSchema } from '../accounts/dto/register.dto.js';
import { DisplayNameSchema, EmailSchema } from '../accounts/dto/identifiers.js';
import { PasswordChangeService } from '../accounts/password-change.service.js';
import { PasswordLoginSchema } from '../login/dto/login.dto.js';
import { PasswordLoginService } from '../login/password-login.service.js';
import { RefreshSchema, RevokeOthersSchema, SessionIdParamsSchema } from '../sessions/dto/signed-in.dto.js';
import { SESSION_ERRORS } from '../sessions/sessions.errors.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SignedInResponder } from '../sessions/signed-in.responder.js';
import { TenantOwnersService } from './tenant-owners.service.js';

export const AppointOwnerSchema = z
  .object({ email: EmailSchema, displayName: DisplayNameSchema.optional() })
  .strict();
const TenantParamsSchema = z.object({ tenantId: z.string().uuid() });

/**
 * Operators (platform accounts) sign in on the platform's host: the same flows as a tenant's
 * accounts, in the platform account space; their tokens carry `tenant: null`.
 */
@Controller('v1/operator-auth')
@PlatformScope()
export class OperatorAuthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly login: PasswordLoginService,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordChangeService,
    private readonly owners: TenantOwnersService,
    private readonly responder: SignedInResponder,
  ) {}

  @Post('login')
  @HttpCode(200)
  async signIn(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const input = parseOrThrow(PasswordLoginSchema, body);
    const { signedIn, account } = await this.login.login(ctx, PLATFORM_SPACE, input, clientInfo(req));
    return this.responder.respond(reply, signedIn, 'platform', account);
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const token = this.responder.refreshTokenOf(req, parseOrThrow(RefreshSchema, body ?? {}).refreshToken);
    if (!token)
      throw new UnauthorizedError(SESSION_ERRORS.refreshMissing, 'No refresh token in the body or cookie');
    const signedIn = await this.sessions.refresh(ctx, PLATFORM_SPACE, token, clientInfo(req));
    return this.responder.respond(reply, signedIn, 'platform');
  }

  @Post('logout')
  @HttpCode(204)
  async logout(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<void> {
    const token = this.responder.refreshTokenOf(req, parseOrThrow(RefreshSchema, body ?? {}).refreshToken);
    if (token) await this.sessions.signOut(ctx, PLATFORM_SPACE, token);
    this.responder.clearCookie(reply, 'platform');
  }

  @Get('me')
  me(@Ctx() ctx: RequestContext) {
    const id = signedInAccount(ctx);
    return this.database.withTenant(PLATFORM_SPACE, (tx) => this.accounts.get(PLATFORM_SPACE, id, tx));
  }

  @Get('sessions')
  sessionsOf(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.sessions.list(
      PLATFORM_SPACE,
      signedInAccount(ctx),
      parseOrThrow(PageQuerySchema, query, 'query'),
    );
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async revoke(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    const { id } = parseOrThrow(SessionIdParamsSchema, params, 'params');
    await this.sessions.revokeOwn(ctx, PLATFORM_SPACE, signedInAccount(ctx), id);
  }

  @Post('sessions/revoke-others')
  @HttpCode(200)
  async revokeOthers(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const { keepSessionId } = parseOrThrow(RevokeOthersSchema, body);
    return {
      revoked: await this.sessions.revokeOthers(ctx, PLATFORM_SPACE, signedInAccount(ctx), keepSessionId),
    };
  }

  @Post('password/change')
  @HttpCode(204)
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
  ): Promise<void> {
    const input = parseOrThrow(ChangePasswordSchema, body);
    await this.passwords.change(ctx, PLATFORM_SPACE, signedInAccount(ctx), input, clientInfo(req));
  }

  /** Appoints a tenant's owner (invited by email to set a password). */
  @Post('tenants/:tenantId/owners')
  @RequirePermissions('tenant:manage')
  appointOwner(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { tenantId } = parseOrThrow(TenantParamsSchema, params, 'params');
    return this.owners.appoint(ctx, tenantId, parseOrThrow(AppointOwnerSchema, body));
  }
}
