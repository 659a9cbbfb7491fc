import { Inject, Injectable } from '@nestjs/common';
import { type Clock, ConflictError, newId, UnauthorizedError, ValidationError } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import type { EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import * as oidc from 'openid-client';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { sha256Hex } from '../../infrastructure/crypto/opaque-token.js';
import type { ClientInfo } from '../../infrastructure/http/client-info.js';
import {
  SOCIAL_ERRORS,
  type SocialProfile,
  type SocialProvider,
  type SocialProviderName,
} from '../../infrastructure/social/social-provider.js';
import {
  SOCIAL_PROVIDER_REGISTRY,
  type SocialProviderRegistry,
} from '../../infrastructure/social/social-providers.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccountRow } from '../accounts/accounts.schema.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Account } from '../accounts/dto/account.dto.js';
import { TENANT_SCOPE } from '../roles/role-catalog.js';
import { type SignedIn, SessionsService } from '../sessions/sessions.service.js';
import type { CallbackInput } from './dto/social.dto.js';
import { SocialRepository } from './social.repository.js';

const ATTEMPT_TTL_MS = 10 * 60_000;

/**
 * Sign-in with Google or Facebook: authorization code with PKCE, `state` (stored hashed, used
 * once) and `nonce` checked. An identity is keyed on the provider's subject; a new identity
 * joins an existing account only through a provider-verified email.
 */
@Injectable()
export class SocialLoginService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SOCIAL_PROVIDER_REGISTRY) private readonly providers: SocialProviderRegistry,
    private readonly repository: SocialRepository,
    private readonly accountsRepository: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  async authorize(space: string, providerName: SocialProviderName, redirectUri: string | undefined) {
    const provider = this.provider(providerName);
    const redirect = this.redirectUri(redirectUri);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ATTEMPT_TTL_MS);
    const authorizationUrl = await provider.authorizationUrl({
      redirectUri: redirect,
      state,
      nonce,
      codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    });
    await this.database.withTenant(space, (tx) =>
      this.repository.insertAttempt(tx, {
        id: newId(),
        tenantId: space,
        provider: providerName,
        stateHash: sha256Hex(state),
        nonce,
        codeVerifier,
        redirectUri: redirect,
        createdAt: now,
        expiresAt,
      }),
    );
    return { authorizationUrl, state, expiresAt: expiresAt.toISOString() };
  }

  /** Completes a sign-in from the provider's redirect: a wrong, used or expired `state` is 401. */
  async complete(
    ctx: EnvelopeContext,
    space: string,
    providerName: SocialProviderName,
    input: CallbackInput,
    from: ClientInfo,
  ): Promise<{ signedIn: SignedIn; account: Account }> {
    const provider = this.provider(providerName);
    const attempt = await this.database.withTenant(space, (tx) =>
      this.repository.consumeAttempt(tx, space, providerName, sha256Hex(input.state), this.clock.now()),
    );
    if (!attempt) {
      throw new UnauthorizedError(
        SOCIAL_ERRORS.stateInvalid,
        'This sign-in was not started here or has expired',
      );
    }
    const profile = await provider.exchange({
      code: input.code,
      redirectUri: attempt.redirectUri,
      state: input.state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
      issuer: input.iss,
    });
    return this.database.withTenant(space, async (tx) => {
      const account = await this.accountFor(ctx, space, providerName, profile, tx);
      const signedIn = await this.sessions.start(
        ctx,
        space,
        account,
        { method: providerName, client: input.client, device: input.device, from },
        tx,
      );
      return { signedIn, account: await this.accounts.describe(space, account, tx) };
    });
  }

  private async accountFor(
    ctx: EnvelopeContext,
    space: string,
    provider: SocialProviderName,
    profile: SocialProfile,
    tx: Tx,
  ): Promise<AccountRow> {
    const now = this.clock.now();
    const identity = await this.repository.findIdentity(tx, space, provider, profile.subject);
    if (identity) {
      await this.repository.touchIdentity(tx, space, provider, profile.subject, now);
      const known = await this.accountsRepository.findById(tx, space, identity.accountId);
      if (known) return known;
    }
    const byEmail = profile.email
      ? await this.accountsRepository.findByEmail(tx, space, profile.email)
      : undefined;
    let account: AccountRow;
    if (byEmail) {
      if (!profile.emailVerified) {
        throw new ConflictError(
          SOCIAL_ERRORS.emailUnverified,
          `An account with this email exists; sign in to it another way (${provider} did not verify the email)`,
        );
      }
      account = await this.claim(ctx, space, byEmail, tx);
    } else {
      account = await this.accounts.create(
        ctx,
        space,
        {
          email: profile.email,
          emailVerified: profile.emailVerified,
          displayName: profile.name,
          grants: [{ role: 'customer', scope: TENANT_SCOPE }],
          method: provider,
        },
        tx,
      );
    }
    await this.repository.insertIdentity(tx, {
      tenantId: space,
      provider,
      subject: profile.subject,
      accountId: account.id,
      email: profile.email,
      createdAt: now,
      lastUsedAt: now,
    });
    return account;
  }

  /**
   * Links a provider-verified email to the account holding it. If that account never proved
   * the email, whoever registered it may not be its owner (account pre-hijacking): its password
   * and sessions are dropped, and the email now counts as verified.
   */
  private async claim(ctx: EnvelopeContext, space: string, account: AccountRow, tx: Tx): Promise<AccountRow> {
    if (account.emailVerifiedAt) return account;
    const now = this.clock.now();
    await this.sessions.revokeAllInTx(ctx, space, account.id, 'account-secured', tx);
    return this.accountsRepository.update(
      tx,
      space,
      account.id,
      { emailVerifiedAt: now, passwordHash: null, passwordChangedAt: null },
      now,
    );
  }

  private provider(name: SocialProviderName): SocialProvider {
    const provider = this.providers.get(name);
    if (!provider) {
      throw new ValidationError(SOCIAL_ERRORS.providerDisabled, `Sign-in with ${name} is not configured`, {
        provider: name,
      });
    }
    return provider;
  }

  private redirectUri(given: string | undefined): string {
    const allowed = this.config.AUTH_SOCIAL_REDIRECT_URIS;
    const uri = given ?? allowed[0];
    if (!uri || !allowed.includes(uri)) {
      throw new ValidationError(
        SOCIAL_ERRORS.redirectUriNotAllowed,
        'Invalid body: redirectUri: not a registered redirect URI',
        {
          in: 'body',
          fields: [{ field: 'redirectUri', message: 'not a registered redirect URI', code: 'custom' }],
        },
      );
    }
    return uri;
  }
}
