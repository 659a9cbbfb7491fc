import swc from 'unplugin-swc';
import { defineConfig, type UserConfig } from 'vitest/config';

/**
 * One vitest setup for every package: SWC compiles the sources so Nest's decorator
 * metadata survives (esbuild/oxc drop it), and the `@haat/source` export condition makes
 * workspace imports resolve to TypeScript sources instead of built output.
 */
export function packageVitestConfig(overrides: UserConfig['test'] = {}): UserConfig {
  return defineConfig({
    plugins: [
      swc.vite({
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      }),
    ],
    resolve: { conditions: ['@haat/source', 'module', 'node', 'development|production'] },
    ssr: { resolve: { conditions: ['@haat/source', 'module', 'node', 'development|production'] } },
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 120_000,
      reporters: process.env.HAAT_TEST_REPORT
        ? ['default', ['json', { outputFile: process.env.HAAT_TEST_REPORT }]]
        : ['default'],
      ...overrides,
    },
  });
}
