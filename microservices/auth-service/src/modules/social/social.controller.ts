import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { clientInfo, type HeaderBag } from '../../infrastructure/http/client-info.js';
import type { HeaderReply } from '../../infrastructure/http/reply.js';
import { SignedInResponder } from '../sessions/signed-in.responder.js';
import { AuthorizeSchema, CallbackSchema, ProviderParamsSchema } from './dto/social.dto.js';
import { SocialLoginService } from './social-login.service.js';

/** Sign-in with Google or Facebook on a tenant's host. */
@Controller('v1/auth/social/:provider')
export class SocialController {
  constructor(
    private readonly social: SocialLoginService,
    private readonly responder: SignedInResponder,
  ) {}

  @Post('authorize')
  @HttpCode(200)
  authorize(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { provider } = parseOrThrow(ProviderParamsSchema, params, 'params');
    return this.social.authorize(
      tenantSpace(ctx),
      provider,
      parseOrThrow(AuthorizeSchema, body ?? {}).redirectUri,
    );
  }

  @Post('callback')
  @HttpCode(200)
  async callback(
    @Ctx() ctx: RequestContext,
    @Param() params: unknown,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const { provider } = parseOrThrow(ProviderParamsSchema, params, 'params');
    const input = parseOrThrow(CallbackSchema, body);
    const { signedIn, account } = await this.social.complete(
      ctx,
      tenantSpace(ctx),
      provider,
      input,
      clientInfo(req),
    );
    return this.responder.respond(reply, signedIn, 'tenant', account);
  }
}
