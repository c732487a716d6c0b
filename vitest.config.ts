import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './test/support/postgres-cluster.js';

/** Tests that go through a Store: they run once per backend. */
const STORE_TESTS = ['test/store/*.test.ts', 'test/store/postgres/**/*.test.ts', 'test/http/**/*.test.ts', 'test/idp/**/*.test.ts', 'test/cli/**/*.test.ts'];

/**
 * PostgreSQL runs when a server is reachable: ROSTER_TEST_POSTGRES_URL, or initdb to start a throwaway one.
 * In CI it must run: a CI without PostgreSQL fails here instead of silently skipping half the suite.
 */
function postgresAvailable(): boolean {
  if (process.env['ROSTER_TEST_POSTGRES_URL'] || findPostgresBin()) return true;
  if (process.env['CI'] === 'true') throw new Error('CI=true but PostgreSQL is not available (no initdb, no ROSTER_TEST_POSTGRES_URL)');
  console.warn('PostgreSQL not found (no initdb on PATH, no ROSTER_TEST_POSTGRES_URL): running the SQLite project only');
  return false;
}

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: ['test/store/postgres/**'] },
      },
      ...(postgresAvailable()
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: STORE_TESTS,
                env: { ROSTER_TEST_BACKEND: 'postgres' } as Record<string, string>,
                globalSetup: ['test/support/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
