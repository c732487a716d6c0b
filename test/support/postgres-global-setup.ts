import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

let cluster: PostgresCluster | undefined;

/**
 * Global setup of the `postgres` test project: the server in ROSTER_TEST_POSTGRES_URL when set, else a
 * throwaway cluster started here (initdb + pg_ctl) and stopped when the run ends.
 */
export async function setup(project: TestProject): Promise<void> {
  const given = process.env['ROSTER_TEST_POSTGRES_URL'];
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL tests need initdb (PATH or /usr/lib/postgresql/*/bin) or ROSTER_TEST_POSTGRES_URL');
  cluster = await startPostgresCluster(bin);
  project.provide('postgresUrl', cluster.url);
}

export function teardown(): void {
  cluster?.stop();
}
