#!/usr/bin/env node
// Creates a workspace package skeleton: node scripts/new-package.mjs libs/common @haat/common "desc"
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, name, description = ''] = process.argv.slice(2);
if (!dir || !name) throw new Error('usage: new-package.mjs <dir> <name> [description]');
const up = relative(dir, '.') || '.';
mkdirSync(join(dir, 'src'), { recursive: true });
const write = (f, s) => existsSync(join(dir, f)) || writeFileSync(join(dir, f), s);
const isApp = !dir.startsWith('libs/');
write(
  'package.json',
  JSON.stringify(
    {
      name,
      version: '0.1.0',
      private: true,
      description,
      type: 'module',
      exports: {
        '.': {
          '@haat/source': './src/index.ts',
          types: './dist/index.d.ts',
          default: './dist/index.js',
        },
      },
      scripts: {
        build: 'tsc -p tsconfig.build.json --noCheck',
        typecheck: 'tsc -p tsconfig.json --noEmit',
        test: 'vitest run',
      },
      dependencies: {},
    },
    null,
    2,
  ) + '\n',
);
write(
  'tsconfig.json',
  JSON.stringify(
    {
      extends: `${up}/tsconfig.base.json`,
      compilerOptions: { noEmit: true },
      include: ["src", "test"],
    },
    null,
    2,
  ) + '\n',
);
write(
  'tsconfig.build.json',
  JSON.stringify(
    {
      extends: './tsconfig.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist', noEmit: false, customConditions: [] },
      include: ['src'],
      exclude: ['src/**/*.spec.ts'],
    },
    null,
    2,
  ) + '\n',
);
write(
  'vitest.config.ts',
  `import { packageVitestConfig } from '${up}/vitest.shared.js';\n\nexport default packageVitestConfig();\n`,
);
write('src/index.ts', isApp ? '' : 'export {};\n');
