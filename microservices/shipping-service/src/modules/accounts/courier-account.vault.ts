import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';
import {
  type CourierAccount,
  PathaoCredentialsSchema,
  PathaoSettingsSchema,
  SteadfastCredentialsSchema,
  SteadfastSettingsSchema,
} from '../../infrastructure/couriers/courier-account.js';
import { CredentialCipher } from '../../infrastructure/crypto/credential.cipher.js';
import type { CourierAccountRow } from './accounts.schema.js';

/** Seals credentials for storage and opens stored rows into usable accounts. */
@Injectable()
export class CourierAccountVault {
  private readonly cipher: CredentialCipher;

  constructor(@Inject(SERVICE_CONFIG) config: ShippingServiceConfig) {
    this.cipher = CredentialCipher.fromBase64(
      config.COURIER_CREDENTIALS_KEY,
      config.COURIER_CREDENTIALS_PREVIOUS_KEYS,
    );
  }

  get keyId(): string {
    return this.cipher.keyId;
  }

  seal(tenantId: string, accountId: string, credentials: object): string {
    return this.cipher.seal(JSON.stringify(credentials), `${tenantId}/${accountId}`);
  }

  open(row: CourierAccountRow): CourierAccount {
    const plain = JSON.parse(this.cipher.open(row.sealedCredentials, `${row.tenantId}/${row.id}`)) as unknown;
    const base = { id: row.id, tenantId: row.tenantId, vendorId: row.vendorId };
    if (row.courier === 'pathao') {
      return {
        ...base,
        courier: 'pathao',
        credentials: PathaoCredentialsSchema.parse(plain),
        settings: PathaoSettingsSchema.parse(row.settings),
      };
    }
    return {
      ...base,
      courier: 'steadfast',
      credentials: SteadfastCredentialsSchema.parse(plain),
      settings: SteadfastSettingsSchema.parse(row.settings),
    };
  }
}
