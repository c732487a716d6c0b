import type { RowBefore } from './sql/sql-keyset.js';
import type { ListQuery } from './store.js';

/** A page of a list: its total and its resources, each in the form the read asked for (row-forms.ts). */
export interface ListPage<T> {
  readonly totalResults: number;
  readonly items: readonly T[];
}

/** What is known of one list (one filter, one order) in one state of the database. */
export interface ListPositions<State> {
  /** The database state this was learnt in: a store tells states apart (SQLite: data_version and its own writes; PostgreSQL: the organization's write count). */
  readonly state: State;
  /** The exact total, once counted or deduced from a short page. */
  total?: number;
  /** Offset → the row just before it (sql-keyset.ts): the next page starts after that row. */
  readonly rowBefore: Map<number, RowBefore>;
}

/** Lists remembered at once; an IdP import pages through one list, so a few dozen cover every client. */
const CAPACITY = 64;
/** Offsets remembered per list: sequential paging only ever needs the latest. */
const OFFSETS_PER_LIST = 8;

/**
 * Remembers the total and page boundaries of recent lists, so paging through 100k users costs neither a COUNT
 * nor an OFFSET scan per page. Everything is tied to a database state that changes with any write by anyone, so
 * answers are exactly those of counting and skipping afresh. Shared by both stores; each says what a state is.
 */
export class ListPositionsCache<State> {
  private readonly lists = new Map<string, ListPositions<State>>();

  /** The latest positions learnt of list `key`, whatever the state then; the caller checks it. */
  latest(key: string): ListPositions<State> | undefined {
    const known = this.lists.get(key);
    if (known === undefined) return undefined;
    this.lists.delete(key);
    this.lists.set(key, known);
    return known;
  }

  /** The positions of list `key` in `state`, empty (replacing older ones) when nothing is known in that state. */
  at(key: string, state: State): ListPositions<State> {
    const known = this.lists.get(key);
    this.lists.delete(key);
    const positions = known?.state === state ? known : { state, rowBefore: new Map<number, RowBefore>() };
    this.lists.set(key, positions);
    if (this.lists.size > CAPACITY) this.lists.delete(this.lists.keys().next().value!);
    return positions;
  }

  /** Records the row before `offset`, keeping only the latest few offsets. */
  static rememberRowBefore(positions: ListPositions<unknown>, offset: number, row: RowBefore): void {
    positions.rowBefore.delete(offset);
    positions.rowBefore.set(offset, row);
    if (positions.rowBefore.size > OFFSETS_PER_LIST) positions.rowBefore.delete(positions.rowBefore.keys().next().value!);
  }
}

/** RFC 7644 §3.4.2.4: the 0-based offset of a list request's 1-based `startIndex` (below 1 counts as 1). */
export function pageOffset(query: ListQuery): number {
  return Math.max(query.startIndex, 1) - 1;
}

/**
 * The exact total a page tells by itself: a page shorter than asked holds the list's last rows, so the total is
 * its offset plus its rows; an empty page only tells when it is the first. `undefined` when the page cannot tell.
 */
export function totalFromPage(offset: number, rows: number, count: number): number | undefined {
  return rows < count && (rows > 0 || offset === 0) ? offset + rows : undefined;
}
