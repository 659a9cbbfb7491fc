import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { PageQuerySchema, parseOrThrow, UnauthorizedError } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { clientInfo, type HeaderBag } from '../../infrastructure/http/client-info.js';
import type { HeaderReply } from '../../infrastructure/http/reply.js';
import { signedInAccount } from '../../infrastructure/http/signed-in.js';
import { RefreshSchema, RevokeOthersSchema, SessionIdParamsSchema } from './dto/signed-in.dto.js';
import { SESSION_ERRORS } from './sessions.errors.js';
import { SessionsService } from './sessions.service.js';
import { SignedInResponder } from './signed-in.responder.js';

/** A tenant's sessions: refresh, sign-out, and a signed-in person's own sessions. */
@Controller('v1/auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly responder: SignedInResponder,
  ) {}

  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const input = parseOrThrow(RefreshSchema, body ?? {});
    const token = this.responder.refreshTokenOf(req, input.refreshToken);
    if (!token)
      throw new UnauthorizedError(SESSION_ERRORS.refreshMissing, 'No refresh token in the body or cookie');
    const signedIn = await this.sessions.refresh(ctx, tenantSpace(ctx), token, clientInfo(req));
    return this.responder.respond(reply, signedIn, 'tenant');
  }

  @Post('logout')
  @HttpCode(204)
  async logout(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<void> {
    const input = parseOrThrow(RefreshSchema, body ?? {});
    const token = this.responder.refreshTokenOf(req, input.refreshToken);
    if (token) await this.sessions.signOut(ctx, tenantSpace(ctx), token);
    this.responder.clearCookie(reply, 'tenant');
  }

  @Get('sessions')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.sessions.list(
      tenantSpace(ctx),
      signedInAccount(ctx),
      parseOrThrow(PageQuerySchema, query, 'query'),
    );
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async revoke(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    const { id } = parseOrThrow(SessionIdParamsSchema, params, 'params');
    await this.sessions.revokeOwn(ctx, tenantSpace(ctx), signedInAccount(ctx), id);
  }

  @Post('sessions/revoke-others')
  @HttpCode(200)
  async revokeOthers(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const { keepSessionId } = parseOrThrow(RevokeOthersSchema, body);
    const revoked = await this.sessions.revokeOthers(
      ctx,
      tenantSpace(ctx),
      signedInAccount(ctx),
      keepSessionId,
    );
    return { revoked };
  }
}
