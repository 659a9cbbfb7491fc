import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { clientInfo, type HeaderBag } from '../../infrastructure/http/client-info.js';
import type { HeaderReply } from '../../infrastructure/http/reply.js';
import { SignedInResponder } from '../sessions/signed-in.responder.js';
import { RequestOtpSchema, VerifyOtpSchema } from './dto/otp.dto.js';
import { OtpService } from './otp.service.js';

/** Sign-in by a code sent to a phone or email. */
@Controller('v1/auth/otp')
export class OtpController {
  constructor(
    private readonly otp: OtpService,
    private readonly responder: SignedInResponder,
  ) {}

  @Post('request')
  @HttpCode(202)
  request(@Ctx() ctx: RequestContext, @Body() body: unknown, @Req() req: HeaderBag) {
    return this.otp.request(ctx, tenantSpace(ctx), parseOrThrow(RequestOtpSchema, body), clientInfo(req));
  }

  @Post('verify')
  @HttpCode(200)
  async verify(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Req() req: HeaderBag,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const input = parseOrThrow(VerifyOtpSchema, body);
    const { signedIn, account } = await this.otp.verify(ctx, tenantSpace(ctx), input, clientInfo(req));
    return this.responder.respond(reply, signedIn, 'tenant', account);
  }
}
