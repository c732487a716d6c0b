import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import {
  isSqliteFileUrl,
  leaveCheckpointsToAReadThread,
  openSqliteDatabase,
  sqlitePathOf,
  useBulkImportPageCache,
} from '../../../src/store/sqlite/sqlite-database.js';
import { SQLITE_MIGRATIONS, runSqliteMigrations } from '../../../src/store/sqlite/sqlite-migrations.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite database URLs and settings', () => {
  it.each([
    ['sqlite::memory:', ':memory:'],
    ['sqlite:./data/roster.db', resolve('data/roster.db')],
    ['sqlite:/abs/roster.db', '/abs/roster.db'],
  ])('%s names %s', (url, path) => {
    expect(sqlitePathOf(url)).toBe(path);
  });

  it.each(['sqlite:', 'file:./x.db', 'roster.db'])('rejects %s', (url) => {
    expect(() => sqlitePathOf(url)).toThrow(/Not a SQLite database URL/);
  });

  it.each([
    ['sqlite:./data/roster.db', true],
    ['sqlite:/abs/roster.db', true],
    ['sqlite::memory:', false],
    ['sqlite:', false],
    ['postgres://roster@db/roster', false],
  ])('tells whether %s names a file other threads can open: %s', (url, file) => {
    expect(isSqliteFileUrl(url)).toBe(file);
  });

  it('opens a query-only connection that reads and refuses every change', () => {
    const url = `sqlite:${join(dir, 'query-only.db')}`;
    const writer = openSqliteDatabase(url);
    writer.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    const reader = openSqliteDatabase(url, 'query-only');
    expect(reader.prepare('SELECT x FROM t').pluck().get()).toBe(1);
    expect(() => reader.exec('INSERT INTO t VALUES (2)')).toThrow(/readonly|query_only/i);
    reader.close();
    writer.close();
  });

  it('creates parent folders and opens in WAL with a busy timeout and foreign keys', () => {
    const file = join(dir, 'nested', 'deeper', 'roster.db');
    const db = openSqliteDatabase(`sqlite:${file}`);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('checkpoints the WAL every 1,000 pages, or every 10,000 when a read thread runs the checkpoints', () => {
    const db = openSqliteDatabase(`sqlite:${join(dir, 'checkpoints.db')}`);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    leaveCheckpointsToAReadThread(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    db.close();
  });

  it('gives a read-write connection an 8 MB page cache, a query-only one 4 MB, and a bulk import 16 MB', () => {
    const url = `sqlite:${join(dir, 'page-cache.db')}`;
    const writer = openSqliteDatabase(url);
    const reader = openSqliteDatabase(url, 'query-only');
    // Negative sizes are KiB (SQLite's PRAGMA cache_size).
    expect(writer.pragma('cache_size', { simple: true })).toBe(-8000);
    expect(reader.pragma('cache_size', { simple: true })).toBe(-4000);
    useBulkImportPageCache(writer);
    expect(writer.pragma('cache_size', { simple: true })).toBe(-16000);
    reader.close();
    writer.close();
  });

  it('folds with full Unicode toLowerCase, unlike SQLite LOWER()', () => {
    const db = openSqliteDatabase('sqlite::memory:');
    expect(db.prepare("SELECT scim_fold('ÉMILE') AS f, lower('ÉMILE') AS l").get()).toEqual({ f: 'émile', l: 'Émile' });
    db.close();
  });

  it('applies each migration once, however often migrate runs, from two connections', async () => {
    const url = `sqlite:${join(dir, 'migrate.db')}`;
    const first = SqliteStore.open(url);
    const second = SqliteStore.open(url);
    await Promise.all([first.migrate(), second.migrate(), first.migrate()]);
    const db = openSqliteDatabase(url);
    runSqliteMigrations(db, SQLITE_MIGRATIONS);
    const rows = db.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toEqual(SQLITE_MIGRATIONS.map(({ version }) => ({ version })));
    db.close();
    await first.close();
    await second.close();
  });

  it('a second connection (the roster CLI) sees the server’s writes', async () => {
    const url = `sqlite:${join(dir, 'shared.db')}`;
    const server = SqliteStore.open(url);
    await server.migrate();
    const cli = SqliteStore.open(url);
    await cli.createOrganization({ id: 'o', name: 'O', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await server.getOrganization('o')).toMatchObject({ name: 'O' });
    await cli.close();
    await server.close();
  });
});

describe('openStore', () => {
  it('opens SQLite for sqlite: URLs', async () => {
    const store = openStore('sqlite::memory:');
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });

  it.each(['postgres://u:secret@h/db', 'postgresql://h/db'])('opens PostgreSQL for %s, connecting only when used', async (url) => {
    const store = openStore(url);
    expect(store).toBeInstanceOf(PostgresStore);
    await store.close();
  });

  it('rejects other schemes', () => {
    expect(() => openStore('mysql://h/db')).toThrow(/Unsupported database URL/);
  });
});
