import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure domain rules, no database) and `db` (use cases, HTTP, database; runs on
 * PGlite by default, on PostgreSQL when DATABASE_URL is set). The db project migrates once in its
 * global setup and each worker loads that snapshot.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/integrations/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.test.ts'],
          exclude: ['src/domain/**', 'src/integrations/**'],
          environment: 'node',
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
