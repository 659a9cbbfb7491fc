/** An upstream service the gateway routes to, and the variables that locate it. */
export interface UpstreamServiceDefinition {
  name: string;
  /** Variable holding the service's HTTP base URL, and its embedded default. */
  url: { variable: string; fallback: string };
  /** Variable holding the service's gRPC `host:port`, when it serves gRPC. */
  grpc?: { variable: string; fallback: string };
}

/** Every service behind the gateway. A new service: one entry here, its routes in `routes.ts`. */
export const UPSTREAM_SERVICES: readonly UpstreamServiceDefinition[] = [
  {
    name: 'tenant-service',
    url: { variable: 'TENANT_SERVICE_URL', fallback: 'http://127.0.0.1:4101' },
    grpc: { variable: 'TENANT_SERVICE_GRPC', fallback: '127.0.0.1:5101' },
  },
  {
    name: 'auth-service',
    url: { variable: 'AUTH_SERVICE_URL', fallback: 'http://127.0.0.1:4102' },
  },
  {
    name: 'notification-service',
    url: { variable: 'NOTIFICATION_SERVICE_URL', fallback: 'http://127.0.0.1:4114' },
  },
  {
    name: 'vendor-service',
    url: { variable: 'VENDOR_SERVICE_URL', fallback: 'http://127.0.0.1:4104' },
    grpc: { variable: 'VENDOR_SERVICE_GRPC', fallback: '127.0.0.1:5104' },
  },
  {
    name: 'product-service',
    url: { variable: 'PRODUCT_SERVICE_URL', fallback: 'http://127.0.0.1:4105' },
  },
  {
    name: 'inventory-service',
    url: { variable: 'INVENTORY_SERVICE_URL', fallback: 'http://127.0.0.1:4108' },
    grpc: { variable: 'INVENTORY_SERVICE_GRPC', fallback: '127.0.0.1:5108' },
  },
  {
    name: 'payment-service',
    url: { variable: 'PAYMENT_SERVICE_URL', fallback: 'http://127.0.0.1:4109' },
  },
  {
    name: 'shipping-service',
    url: { variable: 'SHIPPING_SERVICE_URL', fallback: 'http://127.0.0.1:4110' },
  },
  {
    name: 'media-service',
    url: { variable: 'MEDIA_SERVICE_URL', fallback: 'http://127.0.0.1:4122' },
  },
];
