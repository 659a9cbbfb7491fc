import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@haat/common';

/**
 * The clock vendor-service reads for commission effective dates, licence expiry and metric
 * periods; tests hand in a manual one (`createVendorService({ clock })`).
 */
export const VENDOR_CLOCK = Symbol.for('haat.vendor.clock');

/** Provides `VENDOR_CLOCK` to every feature module. */
@Module({})
export class VendorClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: VendorClockModule,
      global: true,
      providers: [{ provide: VENDOR_CLOCK, useValue: clock }],
      exports: [VENDOR_CLOCK],
    };
  }
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
