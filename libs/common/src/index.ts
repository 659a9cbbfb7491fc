export * from './errors/index.js';
export * from './http/index.js';
export * from './pagination/index.js';
export * from './money/index.js';
export * from './ids/index.js';
export * from './clock/index.js';
