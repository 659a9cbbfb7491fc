import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@haat/common';
import { SERVICE_CONFIG } from '@haat/service';
import { serialize } from 'cookie';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { type HeaderBag, requestCookie } from '../../infrastructure/http/client-info.js';
import type { HeaderReply } from '../../infrastructure/http/reply.js';
import type { Account } from '../accounts/dto/account.dto.js';
import type { SignedInBody } from './dto/signed-in.dto.js';
import type { SignedIn } from './sessions.service.js';

/**
 * Where the refresh cookie is sent: only to the public auth paths (the gateway maps `/api/v1/auth`
 * and `/api/v1/operator-auth` to this service), never to the rest of the API.
 */
export const COOKIE_PATHS = { tenant: '/api/v1/auth', platform: '/api/v1/operator-auth' } as const;
export type CookieAudience = keyof typeof COOKIE_PATHS;

/** Turns a signed-in session into the response: storefront refresh tokens go in the cookie only. */
@Injectable()
export class SignedInResponder {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  respond(reply: HeaderReply, s: SignedIn, audience: CookieAudience, account?: Account): SignedInBody {
    const body: SignedInBody = {
      tokenType: 'Bearer',
      accessToken: s.accessToken,
      expiresIn: Math.max(
        0,
        Math.ceil((s.accessTokenExpiresAt.getTime() - this.clock.now().getTime()) / 1000),
      ),
      refreshTokenExpiresAt: s.refreshTokenExpiresAt.toISOString(),
      sessionId: s.sessionId,
      ...(account ? { account } : {}),
    };
    if (s.client === 'web') {
      reply.header(
        'set-cookie',
        serialize(this.config.AUTH_REFRESH_COOKIE_NAME, s.refreshToken, {
          httpOnly: true,
          secure: this.config.AUTH_REFRESH_COOKIE_SECURE,
          sameSite: 'strict',
          path: COOKIE_PATHS[audience],
          expires: s.refreshTokenExpiresAt,
        }),
      );
      return body;
    }
    return { ...body, refreshToken: s.refreshToken };
  }

  clearCookie(reply: HeaderReply, audience: CookieAudience): void {
    reply.header(
      'set-cookie',
      serialize(this.config.AUTH_REFRESH_COOKIE_NAME, '', {
        httpOnly: true,
        secure: this.config.AUTH_REFRESH_COOKIE_SECURE,
        sameSite: 'strict',
        path: COOKIE_PATHS[audience],
        maxAge: 0,
      }),
    );
  }

  /** The refresh token of a request: the body's (apps) or the cookie's (storefront). */
  refreshTokenOf(req: HeaderBag, fromBody: string | undefined): string | undefined {
    return fromBody ?? requestCookie(req, this.config.AUTH_REFRESH_COOKIE_NAME);
  }
}
