import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { clientInfo, type HeaderBag } from '../../infrastructure/http/client-info.js';
import type { HeaderReply } from '../../infrastructure/http/reply.js';
import { SignedInResponder } from '../sessions/signed-in.responder.js';
import { PasswordLoginSchema } from './dto/login.dto.js';
import { PasswordLoginService } from './password-login.service.js';

/** Password sign-in on a tenant's host. */
@Controller('v1/auth')
export class LoginController {
  constructor(
    private readonly login: PasswordLoginService,
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
    const { signedIn, account } = await this.login.login(ctx, tenantSpace(ctx), input, clientInfo(req));
    return this.responder.respond(reply, signedIn, 'tenant', account);
  }
}
