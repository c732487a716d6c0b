import type pg from 'pg';
import { ORGANIZATION_WRITE_COUNTS_SQL } from './postgres-write-counts.js';

/** One schema change, applied once, in its own transaction, in version order. */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema: the same tables, columns and indexes as SQLite's (docs/data-model.md), with `seq` identity
 * columns for the stable list order SQLite gets from rowid, text compared byte-wise (`COLLATE "C"`, so order and
 * equality match SQLite's and the indexes serve them), JSON documents as `json` (kept as written).
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE organizations (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL
      );

      CREATE TABLE tokens (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        id TEXT COLLATE "C" PRIMARY KEY,
        org_id TEXT COLLATE "C" NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        secret_hash TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        revoked_at TEXT COLLATE "C"
      );
      CREATE INDEX tokens_org ON tokens(org_id, seq);

      CREATE TABLE users (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        org_id TEXT COLLATE "C" NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        id TEXT COLLATE "C" NOT NULL,
        user_name TEXT COLLATE "C" NOT NULL,
        user_name_fold TEXT COLLATE "C" NOT NULL,
        external_id TEXT COLLATE "C",
        display_name TEXT COLLATE "C",
        display_name_fold TEXT COLLATE "C",
        family_name TEXT COLLATE "C",
        family_name_fold TEXT COLLATE "C",
        active SMALLINT,
        version INTEGER NOT NULL,
        created TEXT COLLATE "C" NOT NULL,
        last_modified TEXT COLLATE "C" NOT NULL,
        password_hash TEXT,
        data JSON NOT NULL,
        CONSTRAINT users_org_id_key UNIQUE (org_id, id),
        CONSTRAINT users_org_user_name_key UNIQUE (org_id, user_name_fold)
      );
      CREATE INDEX users_org_seq ON users(org_id, seq);
      CREATE INDEX users_org_external_id ON users(org_id, external_id);
      CREATE INDEX users_org_display_name ON users(org_id, display_name_fold);
      CREATE INDEX users_org_created ON users(org_id, created);
      CREATE INDEX users_org_last_modified ON users(org_id, last_modified);
      -- Matches ORDER BY (fold IS NULL), fold, seq: absent values last ascending (RFC 7644 §3.4.2.3), no sort step.
      CREATE INDEX users_org_family_name ON users(org_id, (family_name_fold IS NULL), family_name_fold, seq);

      CREATE TABLE user_values (
        user_seq BIGINT NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
        org_id TEXT COLLATE "C" NOT NULL,
        attr TEXT COLLATE "C" NOT NULL,
        position INTEGER NOT NULL,
        value TEXT COLLATE "C",
        value_fold TEXT COLLATE "C",
        type TEXT COLLATE "C",
        "primary" SMALLINT,
        display TEXT COLLATE "C",
        element JSON NOT NULL,
        PRIMARY KEY (user_seq, attr, position)
      );
      CREATE INDEX user_values_lookup ON user_values(org_id, attr, value_fold);

      CREATE TABLE groups (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        org_id TEXT COLLATE "C" NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        id TEXT COLLATE "C" NOT NULL,
        display_name TEXT COLLATE "C" NOT NULL,
        display_name_fold TEXT COLLATE "C" NOT NULL,
        external_id TEXT COLLATE "C",
        version INTEGER NOT NULL,
        created TEXT COLLATE "C" NOT NULL,
        last_modified TEXT COLLATE "C" NOT NULL,
        data JSON NOT NULL,
        CONSTRAINT groups_org_id_key UNIQUE (org_id, id),
        CONSTRAINT groups_org_display_name_key UNIQUE (org_id, display_name_fold)
      );
      CREATE INDEX groups_org_seq ON groups(org_id, seq);
      CREATE INDEX groups_org_external_id ON groups(org_id, external_id);
      CREATE INDEX groups_org_created ON groups(org_id, created);
      CREATE INDEX groups_org_last_modified ON groups(org_id, last_modified);

      CREATE TABLE group_members (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        group_seq BIGINT NOT NULL REFERENCES groups(seq) ON DELETE CASCADE,
        org_id TEXT COLLATE "C" NOT NULL,
        member_id TEXT COLLATE "C" NOT NULL,
        member_type TEXT COLLATE "C" NOT NULL CHECK (member_type IN ('User', 'Group')),
        PRIMARY KEY (group_seq, member_id)
      );
      CREATE INDEX group_members_member ON group_members(org_id, member_id);
      -- Members come back in the order they were added.
      CREATE INDEX group_members_order ON group_members(group_seq, seq);

      CREATE TABLE activity (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        org_id TEXT COLLATE "C" NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        request_id TEXT NOT NULL,
        at TEXT COLLATE "C" NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        status INTEGER NOT NULL,
        duration_ms DOUBLE PRECISION NOT NULL,
        idp TEXT NOT NULL,
        user_agent TEXT,
        quirks JSON NOT NULL,
        ignored JSON NOT NULL
      );
      CREATE INDEX activity_org_seq ON activity(org_id, seq);
      CREATE INDEX activity_at ON activity(at);

      -- Epoch milliseconds of an xsd:dateTime text, NULL for anything else (never an error: filters call it).
      CREATE FUNCTION scim_instant(value TEXT) RETURNS DOUBLE PRECISION LANGUAGE plpgsql STABLE AS $fn$
      BEGIN
        IF value IS NULL OR value !~ '^\\d{4}-\\d{2}-\\d{2}' THEN RETURN NULL; END IF;
        RETURN extract(epoch FROM value::timestamptz) * 1000;
      EXCEPTION WHEN others THEN
        RETURN NULL;
      END
      $fn$;
    `,
  },
  {
    version: 2,
    name: 'organization write counts',
    sql: ORGANIZATION_WRITE_COUNTS_SQL,
  },
  {
    version: 3,
    name: 'nested group memberships index',
    sql: `
      -- Tells in O(log n) whether an organization nests groups at all: only then do reads compute the closure.
      CREATE INDEX group_members_nested ON group_members(org_id) WHERE member_type = 'Group';
    `,
  },
  {
    version: 4,
    name: 'memberships of users by the user row',
    sql: `
      -- A user's direct groups by its integer row key, as SQLite's migration 6: a page of users (read in seq
      -- order) probes neighbouring entries of one partial index that covers them, instead of one random UUID
      -- probe of group_members_member and a heap fetch per user (a page of 100 users at 100k: ~8 -> ~2.3 ms on
      -- this project's bench machine). Filled by every write that adds a User membership, and by importing a
      -- user for memberships imported before it; NULL only for an imported membership whose user never was.
      ALTER TABLE group_members ADD COLUMN member_seq BIGINT;
      UPDATE group_members gm SET member_seq = u.seq FROM users u
        WHERE gm.member_type = 'User' AND u.org_id = gm.org_id AND u.id = gm.member_id;
      -- The update queued the deferred write-count trigger per row; CREATE INDEX refuses a table with pending
      -- trigger events, so they run now.
      SET CONSTRAINTS ALL IMMEDIATE;
      CREATE INDEX group_members_user_seq ON group_members(org_id, member_seq, group_seq) WHERE member_type = 'User';
    `,
  },
];

/** Any fixed number: the advisory lock every Roster instance takes while it migrates. */
const MIGRATION_LOCK = 7_260_311;

/**
 * Applies every migration not yet recorded, each in its own transaction. Instances starting together serialize on
 * an advisory lock, so each migration runs once; the others wait, then find it recorded.
 */
export async function runPostgresMigrations(pool: pg.Pool, migrations: readonly PostgresMigration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
