import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/.next/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/microservices/*/**', '@haat/*-service'], message: 'A service never imports another service.' },
          ],
        },
      ],
    },
  },
  {
    // The launcher runs services; the gateway's end-to-end tests put it in front of the real auth-service.
    files: ['launcher/**/*.ts', 'api-gateway/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
