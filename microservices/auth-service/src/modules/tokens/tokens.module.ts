import { Module } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token.issuer.js';
import { JwksController, SigningKeysController } from './jwks.controller.js';
import { SigningKeyStore } from './signing-key.store.js';
import { SigningKeysRepository } from './signing-keys.repository.js';

@Module({
  controllers: [JwksController, SigningKeysController],
  providers: [SigningKeysRepository, SigningKeyStore, AccessTokenIssuer],
  exports: [AccessTokenIssuer],
})
export class TokensModule {}
