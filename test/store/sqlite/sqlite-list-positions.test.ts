import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { listPositionsCases } from '../list-positions-cases.js';
import { ORG_A, preparedStore, user } from '../store-fixtures.js';

/**
 * Paging remembers totals and page boundaries (list-positions.ts; sqlite-store.ts names the database state:
 * PRAGMA data_version for other connections' commits plus this connection's own writes).
 */
describe('SQLite list positions', () => {
  let dir: string;
  let url: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roster-positions-'));
    url = `sqlite:${join(dir, 'roster.db')}`;
    store = await preparedStore(async () => SqliteStore.open(url));
    for (let i = 1; i <= 10; i += 1) await store.createResource(ORG_A, 'User', user(`u${i}`, `user${i}`), null);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  listPositionsCases(() => ({ store, openOther: () => SqliteStore.open(url) }));
});
