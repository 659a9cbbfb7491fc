import { basename, dirname, join } from 'node:path';
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
    resolve: { conditions: ['@haat/source', 'node', 'development|production'] },
    ssr: { resolve: { conditions: ['@haat/source', 'node', 'development|production'] } },
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 120_000,
      // `./haat test` collects one JSON report per package to print the closing tally.
      reporters: process.env.HAAT_TEST_REPORT_DIR
        ? ['default', ['json', { outputFile: reportFile(process.env.HAAT_TEST_REPORT_DIR) }]]
        : ['default'],
      ...overrides,
    },
  });
}

function reportFile(dir: string): string {
  const name = `${basename(dirname(process.cwd()))}__${basename(process.cwd())}`;
  return join(dir, `${name}.json`);
}
