import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-database.js';

/**
 * Opens SQLite file `file` with a connection that never checkpoints and writes `rows` rows of ~1 KB into table
 * `t`: every page it writes stays in the WAL until another connection checkpoints. Returns the connection.
 */
export function uncheckpointedWriter(file: string, rows: number): Database.Database {
  const writer = openSqliteDatabase(`sqlite:${file}`);
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE t (x TEXT)');
  const insert = writer.prepare('INSERT INTO t VALUES (?)');
  writer.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run('x'.repeat(1000));
  })();
  return writer;
}
