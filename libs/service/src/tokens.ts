/** DI tokens the kit provides to every service's modules. */
export const DATABASE = Symbol.for('haat.database');
export const SERVICE_CONFIG = Symbol.for('haat.service-config');
export const SERVICE_RUNTIME = Symbol.for('haat.service-runtime');
export const EVENT_TRANSPORT = Symbol.for('haat.event-transport');
