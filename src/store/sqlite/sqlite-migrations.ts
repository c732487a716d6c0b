import type Database from 'better-sqlite3';

/** One schema change, applied once, in its own transaction, in version order. */
export interface SqliteMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema (docs/data-model.md explains every table and index). `seq` is each resource's integer rowid: the
 * default, stable list order and the key child rows point to. Folded columns hold JavaScript `toLowerCase()`.
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX tokens_org ON tokens(org_id);

      CREATE TABLE users (
        seq INTEGER PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        user_name_fold TEXT NOT NULL,
        external_id TEXT,
        display_name TEXT,
        display_name_fold TEXT,
        active INTEGER,
        version INTEGER NOT NULL,
        created TEXT NOT NULL,
        last_modified TEXT NOT NULL,
        password_hash TEXT,
        data TEXT NOT NULL,
        UNIQUE (org_id, id),
        UNIQUE (org_id, user_name_fold)
      );
      CREATE INDEX users_org_seq ON users(org_id, seq);
      CREATE INDEX users_org_external_id ON users(org_id, external_id);
      CREATE INDEX users_org_display_name ON users(org_id, display_name_fold);
      CREATE INDEX users_org_created ON users(org_id, created);
      CREATE INDEX users_org_last_modified ON users(org_id, last_modified);

      CREATE TABLE user_values (
        user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
        org_id TEXT NOT NULL,
        attr TEXT NOT NULL,
        position INTEGER NOT NULL,
        value TEXT,
        value_fold TEXT,
        type TEXT,
        "primary" INTEGER,
        display TEXT,
        element TEXT NOT NULL,
        PRIMARY KEY (user_seq, attr, position)
      ) WITHOUT ROWID;
      CREATE INDEX user_values_lookup ON user_values(org_id, attr, value_fold);

      CREATE TABLE groups (
        seq INTEGER PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        display_name_fold TEXT NOT NULL,
        external_id TEXT,
        version INTEGER NOT NULL,
        created TEXT NOT NULL,
        last_modified TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (org_id, id),
        UNIQUE (org_id, display_name_fold)
      );
      CREATE INDEX groups_org_seq ON groups(org_id, seq);
      CREATE INDEX groups_org_external_id ON groups(org_id, external_id);
      CREATE INDEX groups_org_created ON groups(org_id, created);
      CREATE INDEX groups_org_last_modified ON groups(org_id, last_modified);

      CREATE TABLE group_members (
        group_seq INTEGER NOT NULL REFERENCES groups(seq) ON DELETE CASCADE,
        org_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL CHECK (member_type IN ('User', 'Group')),
        PRIMARY KEY (group_seq, member_id)
      );
      CREATE INDEX group_members_member ON group_members(org_id, member_id);
    `,
  },
  {
    version: 2,
    name: 'activity log',
    sql: `
      CREATE TABLE activity (
        seq INTEGER PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        request_id TEXT NOT NULL,
        at TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        status INTEGER NOT NULL,
        duration_ms REAL NOT NULL,
        idp TEXT NOT NULL,
        user_agent TEXT,
        quirks TEXT NOT NULL,
        ignored TEXT NOT NULL
      );
      CREATE INDEX activity_org_seq ON activity(org_id, seq);
      CREATE INDEX activity_at ON activity(at);
    `,
  },
  {
    version: 3,
    name: 'family name column for sorting',
    sql: `
      ALTER TABLE users ADD COLUMN family_name TEXT;
      ALTER TABLE users ADD COLUMN family_name_fold TEXT;
      UPDATE users SET family_name = json_extract(data, '$.name.familyName'),
        family_name_fold = scim_fold(json_extract(data, '$.name.familyName'));
      -- Matches ORDER BY (fold IS NULL), fold, seq: absent values last ascending (RFC 7644 §3.4.2.3), no sort step.
      CREATE INDEX users_org_family_name ON users(org_id, family_name_fold IS NULL, family_name_fold, seq);
    `,
  },
  {
    version: 4,
    name: 'nested group memberships index',
    sql: `
      -- Tells in O(log n) whether an organization nests groups at all: only then do reads compute the closure.
      CREATE INDEX group_members_nested ON group_members(org_id) WHERE member_type = 'Group';
    `,
  },
  {
    version: 5,
    name: 'covering index of memberships by member',
    sql: `
      -- A user's groups (and a member's memberships) come from the index alone: with member_type and group_seq
      -- in it, no lookup into the group_members table per membership (GET /Users/{id} at 100k users: ~9% less
      -- server CPU; a page of 100 users: ~15%).
      DROP INDEX group_members_member;
      CREATE INDEX group_members_member ON group_members(org_id, member_id, member_type, group_seq);
    `,
  },
  {
    version: 6,
    name: 'memberships of users by the user row',
    sql: `
      -- A user's memberships by its integer row key: a page of users reads its groups as integer probes that
      -- land on neighbouring index entries (users come in seq order) instead of one random UUID probe per user
      -- (a page of 100 users at 100k: ~0.8 -> ~0.35 ms on this project's bench machine). Filled by every write
      -- that adds a User membership, and by importing a user for memberships imported before it; NULL only for an
      -- imported membership whose user never was.
      ALTER TABLE group_members ADD COLUMN member_seq INTEGER;
      UPDATE group_members SET member_seq =
        (SELECT u.seq FROM users u WHERE u.org_id = group_members.org_id AND u.id = group_members.member_id)
        WHERE member_type = 'User';
      CREATE INDEX group_members_user_seq ON group_members(org_id, member_seq, group_seq) WHERE member_type = 'User';
    `,
  },
];

/** Applies every migration not yet recorded in `schema_migrations`; safe to run at every start, from any process. */
export function runSqliteMigrations(db: Database.Database, migrations: readonly SqliteMigration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before the check, so two processes starting at once apply it once.
    db.transaction(() => {
      if (applied.get(migration.version) !== undefined) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
