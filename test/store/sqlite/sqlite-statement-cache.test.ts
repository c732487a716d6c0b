import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqliteStatementCache } from '../../../src/store/sqlite/sqlite-statement-cache.js';

describe('SqliteStatementCache', () => {
  let db: Database.Database;
  let statements: SqliteStatementCache;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data TEXT, flag INTEGER);
      INSERT INTO t VALUES (1, 'a', '{"x":1}', 1), (2, NULL, 'é ü', 0), (3, 'c', NULL, NULL);`);
    statements = new SqliteStatementCache(db);
  });

  it('answers rows() exactly as better-sqlite3 answers all(): same keys, order, values and nulls', () => {
    const sql = 'SELECT id, name, data, flag, id * 2 AS twice FROM t WHERE id >= ? ORDER BY id';
    expect(statements.rows(sql, 1)).toEqual(db.prepare(sql).all(1));
    expect(statements.rows(sql, 3)).toEqual([{ id: 3, name: 'c', data: null, flag: null, twice: 6 }]);
    expect(statements.rows(sql, 4)).toEqual([]);
    expect(Object.keys(statements.rows(sql, 1)[0] as object)).toEqual(['id', 'name', 'data', 'flag', 'twice']);
  });

  it('keeps rows() and get() statements apart, so raw mode never leaks into get()', () => {
    const sql = 'SELECT id, name FROM t WHERE id = ?';
    expect(statements.rows(sql, 1)).toEqual([{ id: 1, name: 'a' }]);
    expect(statements.get(sql).get(1)).toEqual({ id: 1, name: 'a' });
    expect(statements.rows(sql, 1)).toEqual([{ id: 1, name: 'a' }]);
  });

  it('prepares each text once', () => {
    expect(statements.get('SELECT 1')).toBe(statements.get('SELECT 1'));
  });
});
