import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { FacebookProvider } from './facebook.provider.js';
import { GoogleOidcProvider } from './google-oidc.provider.js';
import type { SocialProvider, SocialProviderName } from './social-provider.js';

/** Injection token of the configured providers (a provider without credentials is absent). */
export const SOCIAL_PROVIDER_REGISTRY = Symbol.for('haat.auth.social-providers');
export type SocialProviderRegistry = ReadonlyMap<SocialProviderName, SocialProvider>;

export function socialProvidersFrom(config: AuthServiceConfig): SocialProviderRegistry {
  const providers = new Map<SocialProviderName, SocialProvider>();
  if (config.AUTH_GOOGLE_CLIENT_ID && config.AUTH_GOOGLE_CLIENT_SECRET) {
    providers.set(
      'google',
      new GoogleOidcProvider({
        issuer: config.AUTH_GOOGLE_ISSUER,
        clientId: config.AUTH_GOOGLE_CLIENT_ID,
        clientSecret: config.AUTH_GOOGLE_CLIENT_SECRET,
        allowHttp: config.AUTH_SOCIAL_ALLOW_HTTP,
        timeoutMs: config.AUTH_SOCIAL_TIMEOUT,
      }),
    );
  }
  if (config.AUTH_FACEBOOK_APP_ID && config.AUTH_FACEBOOK_APP_SECRET) {
    providers.set(
      'facebook',
      new FacebookProvider({
        appId: config.AUTH_FACEBOOK_APP_ID,
        appSecret: config.AUTH_FACEBOOK_APP_SECRET,
        dialogUrl: config.AUTH_FACEBOOK_DIALOG_URL,
        graphUrl: config.AUTH_FACEBOOK_GRAPH_URL,
        timeoutMs: config.AUTH_SOCIAL_TIMEOUT,
      }),
    );
  }
  return providers;
}
