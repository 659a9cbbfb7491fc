import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/**
 * argon2id at OWASP's first recommended configuration (m = 19 MiB, t = 2, p = 1). The library's
 * default algorithm is argon2id (its `Algorithm` is a const enum, which isolated modules cannot
 * reference); the PHC string says so (`$argon2id$v=19$m=19456,t=2,p=1$…`).
 */
export const ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

@Injectable()
export class PasswordHasher {
  /** A hash of nothing anyone knows, verified against when the account does not exist. */
  private readonly dummy: Promise<string> = hash('haat-dummy-password-for-equal-timing', ARGON2_PARAMETERS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_PARAMETERS);
  }

  async verify(phc: string, password: string): Promise<boolean> {
    try {
      return await verify(phc, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same time as a real verification and answers false: unknown accounts and
   * accounts without a password cost an attacker what a wrong password costs.
   */
  async verifyNothing(password: string): Promise<false> {
    await this.verify(await this.dummy, password);
    return false;
  }
}
