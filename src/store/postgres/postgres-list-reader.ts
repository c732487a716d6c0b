import type { ResourceLayout } from '../resource-layout.js';
import type { SqlFragment } from '../sql/sql-dialect.js';
import type { ListQuery } from '../store.js';
import type { PostgresSession } from './postgres-database.js';
import { ListPositionsCache, pageOffset, totalFromPage, type ListPage, type ListPositions } from '../list-positions.js';
import type { RowForm } from '../row-forms.js';
import { rowBeforeOf } from '../sql/sql-keyset.js';
import { postgresListStatements, type PostgresListStatements } from './postgres-list-statements.js';
import { readResources, type ResourceRow } from './postgres-resource-reader.js';

type CountedRow = ResourceRow & { readonly write_count: number };

/** What one statement read, with the write count its snapshot saw (none when it read no row). */
interface Counted<T> {
  readonly value: T;
  readonly writeCount: number | undefined;
}

async function countedRows(session: PostgresSession, statement: SqlFragment): Promise<Counted<CountedRow[]>> {
  const rows = await session.all<CountedRow>(statement.sql, statement.params);
  return { value: rows, writeCount: rows[0]?.write_count };
}

/** The page at `offset`: after the known row before it when that is still where it was, else by OFFSET. */
async function pageRows(
  session: PostgresSession,
  sql: PostgresListStatements,
  query: ListQuery,
  offset: number,
  known: ListPositions<number> | undefined,
): Promise<Counted<CountedRow[]>> {
  const before = known?.rowBefore.get(offset);
  if (known !== undefined && before !== undefined && sql.pageAfter !== undefined) {
    // Keyset continuation: each range starts right after the row in an index, with no OFFSET rows to step over.
    const rows: CountedRow[] = [];
    let exact = true;
    for (const range of sql.pageAfter(before)) {
      const part = await countedRows(session, range);
      // Exact only when the snapshot saw no commit since the boundary was learnt; an empty part cannot tell.
      exact = part.writeCount === known.state;
      if (!exact) break;
      rows.push(...part.value);
      if (rows.length >= query.count) break;
    }
    if (exact) return { value: rows.slice(0, query.count), writeCount: known.state };
  }
  return countedRows(session, sql.page);
}

/** The exact total: deduced from a page that is not full (it holds the last rows), else remembered, else counted. */
async function totalOf(
  session: PostgresSession,
  sql: PostgresListStatements,
  query: ListQuery,
  offset: number,
  page: Counted<CountedRow[]>,
  known: ListPositions<number> | undefined,
): Promise<Counted<number>> {
  const told = totalFromPage(offset, page.value.length, query.count);
  if (told !== undefined) return { value: told, writeCount: page.writeCount };
  if (known?.total !== undefined && page.writeCount === known.state) return { value: known.total, writeCount: known.state };
  const counted = await session.get<{ n: number; write_count: number }>(sql.count.sql, sql.count.params);
  return { value: counted!.n, writeCount: counted!.write_count };
}

/** Keeps what this request learnt, tagged with the write count of the snapshot that saw it. */
function remember(
  lists: ListPositionsCache<number>,
  sql: PostgresListStatements,
  offset: number,
  page: Counted<CountedRow[]>,
  total: Counted<number>,
): void {
  const writeCount = page.writeCount ?? total.writeCount;
  if (writeCount === undefined) return;
  const positions = lists.at(sql.key, writeCount);
  if (total.writeCount === writeCount) positions.total = total.value;
  const last = page.value.at(-1);
  if (last !== undefined && sql.pageAfter !== undefined) ListPositionsCache.rememberRowBefore(positions, offset + page.value.length, rowBeforeOf(last));
}

/**
 * One page of a list (RFC 7644 §3.4.2) with its total, answered exactly as COUNT plus LIMIT/OFFSET would, but
 * without recounting or re-skipping what an earlier page of the same list learnt while no write was committed
 * to the organization: every statement reads the organization's write count in its own snapshot.
 */
export async function readListPage<T>(
  session: PostgresSession,
  lists: ListPositionsCache<number>,
  layout: ResourceLayout,
  orgId: string,
  query: ListQuery,
  form: RowForm<T>,
): Promise<ListPage<T>> {
  const sql = postgresListStatements(layout, orgId, query);
  const offset = pageOffset(query);
  const known = lists.latest(sql.key);
  const page = query.count > 0 ? await pageRows(session, sql, query, offset, known) : { value: [], writeCount: undefined };
  const total = await totalOf(session, sql, query, offset, page, known);
  remember(lists, sql, offset, page, total);
  return { totalResults: total.value, items: await readResources(session, layout, page.value, query.read, form) };
}
