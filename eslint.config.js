import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Forbids imports of the named top-level folders of src/ from `files`, at any depth of relative path
 * ('../db/x', '../../../db/x', …; test helpers count as an outer layer of the domain).
 */
function layer(files, forbidden, message, extra = []) {
  const group = forbidden.flatMap((f) => [`../${f}/**`, `../**/${f}/**`, `../src/${f}/**`, `../**/src/${f}/**`]);
  return [{ files: [files], ignores: ['**/*.test.ts', '**/*.test.tsx'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }, ...extra] }] } }];
}

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
  // Dependencies point inward, checked at every folder depth (a pattern matches the layer's folder
  // wherever the import climbs from): domain ← usecases ← http / cli / jobs; integrations and db are
  // adapters the use cases call; the web UI shares only the domain's pure words and formats.
  ...layer('src/domain/**/*.ts', ['db', 'usecases', 'http', 'jobs', 'cli', 'integrations', 'test'], 'The domain imports no outer layer.', [
    { group: ['kysely', 'pg', 'fastify', '@electric-sql/*', 'node:fs', 'node:net'], message: 'The domain does no I/O.' },
  ]),
  ...layer('src/usecases/**/*.ts', ['http', 'cli', 'jobs'], 'Use cases do not import delivery layers.'),
  ...layer('src/integrations/**/*.ts', ['usecases', 'http', 'cli', 'jobs', 'db'], 'Integrations are adapters: they import the domain only.'),
  ...layer('src/db/**/*.ts', ['usecases', 'http', 'cli', 'jobs', 'integrations'], 'The database layer imports only itself and the domain’s words.'),
  ...layer('src/jobs/**/*.ts', ['http', 'cli'], 'Jobs call use cases, never the delivery layers.'),
  ...layer('web/src/**/*.{ts,tsx}', ['db', 'usecases', 'http', 'jobs', 'cli', 'integrations'], 'The web UI talks to the server over its API; it shares only the domain.'),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
