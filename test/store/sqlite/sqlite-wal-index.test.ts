import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../src/store/sqlite/sqlite-database.js';
import { walFramesToCopy } from '../../../src/store/sqlite/sqlite-wal-index.js';
import { uncheckpointedWriter } from '../../support/uncheckpointed-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-wal-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the WAL frames waiting to be copied, from the WAL-index', () => {
  it('counts what the writer appended and drops to 0 once a checkpoint copied it', () => {
    const file = join(dir, 'count.db');
    const writer = uncheckpointedWriter(file, 300);
    const checkpointer = openSqliteDatabase(`sqlite:${file}`, 'query-only');
    // SQLite's own count: a PASSIVE checkpoint answers the WAL's frames (log) and those it copied.
    const before = walFramesToCopy(file);
    const [{ log }] = checkpointer.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    expect(before).toBe(log);
    expect(log).toBeGreaterThan(70);
    expect(walFramesToCopy(file)).toBe(0);
    // The next write starts the WAL over: one more frame to copy, not the old ones.
    writer.prepare('INSERT INTO t VALUES (?)').run('y');
    expect(walFramesToCopy(file)).toBe(1);
    checkpointer.close();
    writer.close();
  });

  it('cannot tell for a database without a WAL-index', () => {
    expect(walFramesToCopy(join(dir, 'absent.db'))).toBeUndefined();
  });
});
