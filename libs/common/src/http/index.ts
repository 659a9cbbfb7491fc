export * from './render-error.js';
export * from './app-exception.filter.js';
