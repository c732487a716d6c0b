import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';

const NOW = '2026-12-02T00:00:00.000Z';

describe('SQLite token lookups kept between requests', () => {
  let dir: string;
  let server: SqliteStore;
  let other: SqliteStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roster-token-cache-'));
    const url = `sqlite:${join(dir, 'roster.db')}`;
    server = SqliteStore.open(url);
    await server.migrate();
    other = SqliteStore.open(url);
    await server.createOrganization({ id: 'org-1', name: 'One', createdAt: NOW });
    await server.createToken({ id: 'tok-1', orgId: 'org-1', secretHash: 'a'.repeat(64), createdAt: NOW, revokedAt: null });
  });

  afterEach(async () => {
    await server.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees a revocation committed by another connection (the CLI, a second server) at the next lookup', async () => {
    expect((await server.findToken('tok-1'))?.revokedAt).toBeNull();
    expect((await server.findToken('tok-1'))?.revokedAt).toBeNull();
    expect(await other.revokeToken('org-1', 'tok-1', NOW)).toBe(true);
    expect((await server.findToken('tok-1'))?.revokedAt).toBe(NOW);
  });

  it('sees its own revocation at the next lookup', async () => {
    expect((await server.findToken('tok-1'))?.revokedAt).toBeNull();
    await server.revokeToken('org-1', 'tok-1', NOW);
    expect((await server.findToken('tok-1'))?.revokedAt).toBe(NOW);
  });

  it('finds a token issued by another connection after the same id was looked up and missed', async () => {
    expect(await server.findToken('tok-2')).toBeUndefined();
    await other.createToken({ id: 'tok-2', orgId: 'org-1', secretHash: 'b'.repeat(64), createdAt: NOW, revokedAt: null });
    expect((await server.findToken('tok-2'))?.orgId).toBe('org-1');
  });
});
