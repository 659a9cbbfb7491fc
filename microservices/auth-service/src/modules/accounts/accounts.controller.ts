import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { clientInfo, type HeaderBag } from '../../infrastructure/http/client-info.js';
import { signedInAccount } from '../../infrastructure/http/signed-in.js';
import { AccountsService } from './accounts.service.js';
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  RegisterSchema,
  ResetPasswordSchema,
  TokenBodySchema,
} from './dto/register.dto.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordChangeService } from './password-change.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { RegistrationService } from './registration.service.js';

/** A tenant's accounts: sign-up, email verification, passwords, and who am I. */
@Controller('v1/auth')
export class AccountsController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly accounts: AccountsService,
    private readonly registration: RegistrationService,
    private readonly emails: EmailVerificationService,
    private readonly resets: PasswordResetService,
    private readonly changes: PasswordChangeService,
  ) {}

  @Post('register')
  register(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.registration.register(ctx, tenantSpace(ctx), parseOrThrow(RegisterSchema, body));
  }

  @Get('me')
  me(@Ctx() ctx: RequestContext) {
    const space = tenantSpace(ctx);
    const id = signedInAccount(ctx);
    return this.database.withTenant(space, (tx) => this.accounts.get(space, id, tx));
  }

  @Post('email/verify')
  @HttpCode(204)
  async verifyEmail(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<void> {
    await this.emails.verify(ctx, tenantSpace(ctx), parseOrThrow(TokenBodySchema, body).token);
  }

  @Post('email/verification')
  @HttpCode(202)
  async resendVerification(@Ctx() ctx: RequestContext): Promise<void> {
    await this.emails.resend(ctx, tenantSpace(ctx), signedInAccount(ctx));
  }

  @Post('password/forgot')
  @HttpCode(202)
  async forgot(@Ctx() ctx: RequestContext, @Body() body: unknown, @Req() req: HeaderBag): Promise<void> {
    await this.resets.forgot(
      ctx,
      tenantSpace(ctx),
      parseOrThrow(ForgotPasswordSchema, body).email,
      clientInfo(req),
    );
  }

  @Post('password/reset')
  @HttpCode(204)
  async reset(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<void> {
    const input = parseOrThrow(ResetPasswordSchema, body);
    await this.resets.reset(ctx, tenantSpace(ctx), input.token, input.newPassword);
  }

  @Post('password/change')
  @HttpCode(204)
  async change(@Ctx() ctx: RequestContext, @Body() body: unknown, @Req() req: HeaderBag): Promise<void> {
    const input = parseOrThrow(ChangePasswordSchema, body);
    await this.changes.change(ctx, tenantSpace(ctx), signedInAccount(ctx), input, clientInfo(req));
  }
}
