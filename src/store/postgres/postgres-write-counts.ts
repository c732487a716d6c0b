/** Tables whose rows make up what an organization's lists return: any change to them is a write of the org. */
const COUNTED_TABLES = ['users', 'user_values', 'groups', 'group_members'] as const;

/**
 * Counters a committing transaction bumps: a backend always bumps the slot of its own process id, so concurrent
 * commits to one organization rarely wait for each other (and PostgreSQL's group commit keeps working).
 */
const SLOTS = 16;

const BUMP_SQL = (orgs: string): string =>
  `INSERT INTO organization_writes (org_id, slot, writes) ${orgs} ` +
  'ON CONFLICT (org_id, slot) DO UPDATE SET writes = organization_writes.writes + 1';

/**
 * Migration: a write count per organization that every committing transaction which changed the organization's
 * rows bumps, whoever runs it (another Roster process, an older version during a rolling upgrade, psql), so a
 * process can tell from one indexed read whether anything it learnt about a list still holds (see
 * `WRITE_COUNT_SQL`). Deferred row triggers bump at commit, once per transaction and organization, so the counter
 * row's lock is the last one a writer takes and is held only while it commits: it cannot take part in a deadlock.
 */
export const ORGANIZATION_WRITE_COUNTS_SQL = `
  CREATE TABLE organization_writes (
    org_id TEXT COLLATE "C" NOT NULL,
    slot SMALLINT NOT NULL,
    writes BIGINT NOT NULL,
    PRIMARY KEY (org_id, slot)
  );

  CREATE FUNCTION roster_count_org_write(org TEXT) RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    -- The row events of one commit find their organization already counted: one bump per transaction.
    IF current_setting('roster.counted_org', true) IS NOT DISTINCT FROM org THEN RETURN; END IF;
    ${BUMP_SQL(`VALUES (org, pg_backend_pid() % ${SLOTS}, 1)`)};
    PERFORM set_config('roster.counted_org', org, true);
  END
  $fn$;

  CREATE FUNCTION roster_count_row_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM roster_count_org_write(OLD.org_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM roster_count_org_write(NEW.org_id); END IF;
    RETURN NULL;
  END
  $fn$;

  -- TRUNCATE names no organization: every one counts a write (before the rows, and maybe organizations, go).
  CREATE FUNCTION roster_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    ${BUMP_SQL(`SELECT id, pg_backend_pid() % ${SLOTS}, 1 FROM organizations`)};
    RETURN NULL;
  END
  $fn$;

  ${COUNTED_TABLES.map(
    (table) => `
  CREATE CONSTRAINT TRIGGER ${table}_count_write AFTER INSERT OR UPDATE OR DELETE ON ${table}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION roster_count_row_write();
  CREATE TRIGGER ${table}_count_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION roster_count_truncate();`,
  ).join('\n')}
`;

/**
 * The write count of organization `?` as a scalar subquery, read in the snapshot of the statement that embeds it.
 * Two snapshots that read the same count see the same rows of the organization: a later snapshot sees every
 * commit an earlier one saw, each slot only grows, and the commits bumping one slot are serialized on its row
 * (a commit is visible before it releases that lock), so equal sums mean equal slots mean the same commits.
 */
export const WRITE_COUNT_SQL = '(SELECT CAST(COALESCE(sum(w.writes), 0) AS BIGINT) FROM organization_writes w WHERE w.org_id = ?)';
