import type { PostgresSession } from './postgres-database.js';

/** Rows one organization must have imported into a table before it is first vacuumed and analyzed. */
const FIRST_VACUUM_ROWS = 1000;

interface ImportedRows {
  rows: number;
  /** `rows` when the table was last vacuumed because of this organization's imports. */
  vacuumedAt: number;
}

/**
 * Runs VACUUM (ANALYZE) while bulk imports grow a table, as PostgreSQL advises after bulk loading, instead of
 * leaving it to autovacuum's next round. Until then the planner has no statistics for a freshly imported
 * organization, takes it for a few dozen rows and sorts all of them for a sorted page instead of walking the
 * matching index; and without the visibility map no index-only scan can skip a deep OFFSET's rows. Done each
 * time an organization's imported rows double, so a 100k-row import vacuums a table about seven times (VACUUM
 * skips the pages an earlier round marked all-visible).
 */
export class ImportVacuum {
  private readonly counts = new Map<string, ImportedRows>();

  /** Counts `rows` imported into `table` for `orgId`; true when the table is due. */
  private due(orgId: string, table: string, rows: number): boolean {
    const key = `${table}\u0000${orgId}`;
    const counted = this.counts.get(key) ?? { rows: 0, vacuumedAt: 0 };
    counted.rows += rows;
    this.counts.set(key, counted);
    if (counted.rows < Math.max(FIRST_VACUUM_ROWS, 2 * counted.vacuumedAt)) return false;
    counted.vacuumedAt = counted.rows;
    return true;
  }

  /** After an import committed `rows` (table → rows inserted) for `orgId`: vacuums and analyzes the tables due. */
  async recordImport(session: PostgresSession, orgId: string, rows: ReadonlyMap<string, number>): Promise<void> {
    const due = [...rows].filter(([table, count]) => count > 0 && this.due(orgId, table, count)).map(([table]) => table);
    // Outside any transaction (VACUUM refuses one): the pool's session runs each statement on its own.
    if (due.length > 0) await session.run(`VACUUM (ANALYZE) ${due.join(', ')}`);
  }
}
