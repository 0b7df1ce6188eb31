import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.tmp/', 'test-results/', 'playwright-report/', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Dependencies point inward: the domain is pure rules and imports nothing that does I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../db/*', '../usecases/*', '../http/*', '../jobs/*', '../cli/*', '../integrations/*'], message: 'The domain imports no outer layer.' },
            { group: ['kysely', 'pg', 'fastify', '@electric-sql/*', 'node:fs', 'node:net'], message: 'The domain does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // Use cases never reach up into the delivery layers.
    files: ['src/usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../http/*', '../../cli/*', '../../jobs/*'], message: 'Use cases do not import delivery layers.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
