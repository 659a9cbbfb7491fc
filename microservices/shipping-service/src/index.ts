export { shippingService } from './service.js';
export { ShippingServiceConfigSchema, type ShippingServiceConfig } from './config/shipping-service.config.js';
export { ShipmentBookingJob } from './modules/shipments/shipment-booking.job.js';
export { TrackingPollJob } from './modules/shipments/tracking-poll.job.js';
