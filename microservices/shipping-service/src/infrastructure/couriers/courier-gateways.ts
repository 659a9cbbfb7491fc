import { Inject, Injectable } from '@nestjs/common';
import type { Courier } from '@haat/contracts';
import { SERVICE_CONFIG } from '@haat/service';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';
import type { CourierGateway } from './courier-gateway.js';
import { PathaoAdapter } from './pathao/pathao.adapter.js';
import { PathaoClient } from './pathao/pathao.client.js';
import { PathaoLocations } from './pathao/pathao-locations.js';
import { PathaoTokenCache } from './pathao/pathao-token.cache.js';
import { SteadfastAdapter } from './steadfast/steadfast.adapter.js';

/** The courier adapters of this service, by courier. */
@Injectable()
export class CourierGateways {
  readonly pathao: PathaoAdapter;
  readonly steadfast: SteadfastAdapter;
  /** Pathao tokens per account; dropped when an account's credentials change. */
  readonly pathaoTokens = new PathaoTokenCache();

  constructor(@Inject(SERVICE_CONFIG) config: ShippingServiceConfig) {
    const client = new PathaoClient(
      config.PATHAO_BASE_URL.replace(/\/+$/, ''),
      config.COURIER_TIMEOUT,
      this.pathaoTokens,
    );
    this.pathao = new PathaoAdapter(client, new PathaoLocations(client));
    this.steadfast = new SteadfastAdapter(
      config.STEADFAST_BASE_URL.replace(/\/+$/, ''),
      config.COURIER_TIMEOUT,
    );
  }

  of(courier: Courier): CourierGateway {
    return courier === 'pathao' ? this.pathao : this.steadfast;
  }
}
