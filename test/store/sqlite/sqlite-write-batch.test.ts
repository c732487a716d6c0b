import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteWriteBatch } from '../../../src/store/sqlite/sqlite-write-batch.js';

/** Group commit (sqlite-write-batch.ts): shared transactions, yet each write succeeds or fails on its own. */
describe('SQLite write batch', () => {
  let db: Database.Database;
  let transactions: number;
  let batch: SqliteWriteBatch;
  const insert = (value: string) => (): string => {
    db.prepare('INSERT INTO t (v) VALUES (?)').run(value);
    return value;
  };
  const values = (): unknown[] => db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all();

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT UNIQUE)');
    transactions = 0;
    batch = new SqliteWriteBatch(db, () => {
      transactions += 1;
    });
  });
  afterEach(() => db.close());

  it('commits the writes of one turn in one transaction, in order, each resolving with its result', async () => {
    expect(await Promise.all([batch.run(insert('a')), batch.run(insert('b')), batch.run(insert('c'))])).toEqual(['a', 'b', 'c']);
    expect(transactions).toBe(1);
    expect(values()).toEqual(['a', 'b', 'c']);
  });

  it('commits writes of later turns in their own transactions', async () => {
    await batch.run(insert('a'));
    await batch.run(insert('b'));
    expect(transactions).toBe(2);
  });

  it('fails only the failing write: the others commit, its partial changes do not', async () => {
    const failing = (): never => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run('partial');
      throw new Error('refused');
    };
    const results = await Promise.allSettled([batch.run(insert('a')), batch.run(failing), batch.run(insert('a')), batch.run(insert('c'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: new Error('refused') });
    expect(results[2]).toMatchObject({ reason: { code: 'SQLITE_CONSTRAINT_UNIQUE' } });
    expect(values()).toEqual(['a', 'c']);
  });

  it('runs queued writes when drained, before the database closes', async () => {
    const pending = batch.run(insert('a'));
    batch.drain();
    expect(values()).toEqual(['a']);
    await expect(pending).resolves.toBe('a');
  });
});
