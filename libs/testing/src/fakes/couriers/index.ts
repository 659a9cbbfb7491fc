export * from './courier-webhook.sender.js';
export * from './pathao/fake-pathao.catalog.js';
export * from './pathao/fake-pathao.state.js';
export * from './pathao/fake-pathao.server.js';
export { validatePathaoOrder } from './pathao/fake-pathao.validation.js';
export * from './steadfast/fake-steadfast.state.js';
export * from './steadfast/fake-steadfast.server.js';
export * from './courier-sandboxes.js';
