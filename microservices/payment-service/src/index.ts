export { paymentService } from './service.js';
export { PaymentServiceConfigSchema, type PaymentServiceConfig } from './config/payment-service.config.js';
export { seedPaymentAccounts } from './modules/accounts/payment-accounts.seed.js';
export { RefundStatusJob } from './modules/refunds/refund-status.job.js';
