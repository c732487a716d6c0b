import type { ResourceLayout } from '../resource-layout.js';
import type { SqlFragment } from '../sql/sql-dialect.js';
import { rowScope } from '../sql/sql-filter-scope.js';
import { listStatements } from '../sql/sql-list-query.js';
import { orderBySql } from '../sql/sql-sort.js';
import type { ListQuery, ListResult } from '../store.js';
import type { PostgresSession } from './postgres-database.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';
import { PostgresListPositions, type ListPositions } from './postgres-list-positions.js';
import { readResources, type ResourceRow } from './postgres-resource-reader.js';
import { WRITE_COUNT_SQL } from './postgres-write-counts.js';

/** One list's SQL: `FROM … WHERE …` and its ORDER BY. */
interface ListSql {
  readonly orgId: string;
  readonly from: SqlFragment;
  readonly order: SqlFragment;
}

type CountedRow = ResourceRow & { readonly write_count: number };

/** Rows read by one statement, with the write count its snapshot saw (none when it read no row). */
interface Counted<T> {
  readonly value: T;
  readonly writeCount: number | undefined;
}

async function offsetPage(session: PostgresSession, list: ListSql, query: ListQuery, offset: number): Promise<Counted<CountedRow[]>> {
  const rows = await session.all<CountedRow>(
    `SELECT r.*, ${WRITE_COUNT_SQL} AS write_count ${list.from.sql} ORDER BY ${list.order.sql} LIMIT ? OFFSET ?`,
    [list.orgId, ...list.from.params, ...list.order.params, query.count, offset],
  );
  return { value: rows, writeCount: rows[0]?.write_count };
}

/** Keyset continuation: the (org_id, seq) index starts right after the row, with no OFFSET rows to step over. */
async function pageAfter(session: PostgresSession, list: ListSql, query: ListQuery, seqBefore: number): Promise<Counted<CountedRow[]>> {
  const rows = await session.all<CountedRow>(
    `SELECT r.*, ${WRITE_COUNT_SQL} AS write_count ${list.from.sql} AND r.seq > ? ORDER BY r.seq LIMIT ?`,
    [list.orgId, ...list.from.params, seqBefore, query.count],
  );
  return { value: rows, writeCount: rows[0]?.write_count };
}

/** The page at `offset`: after the known row before it when that is still where it was, else by OFFSET. */
async function pageRows(
  session: PostgresSession,
  list: ListSql,
  query: ListQuery,
  offset: number,
  known: ListPositions | undefined,
): Promise<Counted<CountedRow[]>> {
  const seqBefore = query.sortBy === undefined ? known?.seqBefore.get(offset) : undefined;
  if (known !== undefined && seqBefore !== undefined) {
    const page = await pageAfter(session, list, query, seqBefore);
    // Exact only when the snapshot saw no commit since the boundary was learnt; an empty page cannot tell.
    if (page.writeCount === known.writeCount) return page;
  }
  return offsetPage(session, list, query, offset);
}

async function countRows(session: PostgresSession, list: ListSql): Promise<Counted<number>> {
  const row = await session.get<{ n: number; write_count: number }>(
    `SELECT COUNT(*) AS n, ${WRITE_COUNT_SQL} AS write_count ${list.from.sql}`,
    [list.orgId, ...list.from.params],
  );
  return { value: row!.n, writeCount: row!.write_count };
}

/** The exact total: deduced from a page that is not full (it holds the last rows), else remembered, else counted. */
async function totalOf(
  session: PostgresSession,
  list: ListSql,
  query: ListQuery,
  offset: number,
  page: Counted<CountedRow[]>,
  known: ListPositions | undefined,
): Promise<Counted<number>> {
  const rows = page.value.length;
  if (rows < query.count && (rows > 0 || offset === 0)) return { value: offset + rows, writeCount: page.writeCount };
  if (known?.total !== undefined && page.writeCount === known.writeCount) return { value: known.total, writeCount: known.writeCount };
  return countRows(session, list);
}

/** Keeps what this request learnt, tagged with the write count of the snapshot that saw it. */
function remember(
  lists: PostgresListPositions,
  key: string,
  query: ListQuery,
  offset: number,
  page: Counted<CountedRow[]>,
  total: Counted<number>,
): void {
  const writeCount = page.writeCount ?? total.writeCount;
  if (writeCount === undefined) return;
  const positions = lists.at(key, writeCount);
  if (total.writeCount === writeCount) positions.total = total.value;
  const last = page.value.at(-1);
  if (last !== undefined && query.sortBy === undefined) PostgresListPositions.rememberSeqBefore(positions, offset + page.value.length, last.seq);
}

/**
 * One page of a list (RFC 7644 §3.4.2) with its total, answered exactly as COUNT plus LIMIT/OFFSET would, but
 * without recounting or re-skipping what an earlier page of the same list learnt while no write was committed
 * to the organization: every statement reads the organization's write count in its own snapshot.
 */
export async function readListPage(
  session: PostgresSession,
  lists: PostgresListPositions,
  layout: ResourceLayout,
  orgId: string,
  query: ListQuery,
): Promise<ListResult> {
  const { from } = listStatements(POSTGRES_DIALECT, layout, orgId, query);
  const list = { orgId, from, order: orderBySql(layout, rowScope(POSTGRES_DIALECT, layout, orgId), query) };
  // The list's identity: its SQL and parameters, without LIMIT and OFFSET.
  const key = `${from.sql} ORDER BY ${list.order.sql}\u0000${JSON.stringify([...from.params, ...list.order.params])}`;
  const offset = Math.max(query.startIndex, 1) - 1;
  const known = lists.latest(key);
  const page = query.count > 0 ? await pageRows(session, list, query, offset, known) : { value: [], writeCount: undefined };
  const total = await totalOf(session, list, query, offset, page, known);
  remember(lists, key, query, offset, page, total);
  return { totalResults: total.value, resources: await readResources(session, layout, page.value, query.read) };
}
