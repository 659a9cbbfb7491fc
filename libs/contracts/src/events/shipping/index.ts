// `shipping.cod-collected.v1` (ShippingCodCollectedV1) is defined with the payment events,
// which consume it: ../payment/cod-collected.v1.ts.
export * from './shipping-fields.js';
export * from './shipment-created.v1.js';
export * from './shipped.v1.js';
export * from './delivered.v1.js';
export * from './delivery-failed.v1.js';
export * from '../order/order-confirmed.v1.js';
