/** What is known of one list (one filter, one order) in one state of the database. */
export interface ListPositions {
  /** The exact total, once counted or deduced from a short page. */
  total?: number;
  /** Offset → `seq` of the row just before it, for lists in `seq` order: the next page starts after that row. */
  readonly seqBefore: Map<number, number>;
}

interface Entry {
  readonly state: string;
  readonly positions: ListPositions;
}

/** Lists remembered at once; an IdP import pages through one list, so a few dozen cover every client. */
const CAPACITY = 64;
/** Offsets remembered per list: sequential paging only ever needs the latest. */
const OFFSETS_PER_LIST = 8;

/**
 * Remembers the total and page boundaries of recent lists, so paging through 100k users costs neither a COUNT
 * nor an OFFSET scan per page. Everything is tied to a database state (sqlite-store.ts: PRAGMA data_version for
 * other connections' commits plus this connection's own write count): any write anywhere forgets it all, so
 * answers are exactly those of counting and skipping afresh.
 */
export class SqliteListPositions {
  private readonly lists = new Map<string, Entry>();

  /** The positions of list `key` in database `state`, empty when the state has changed since they were learnt. */
  positionsOf(key: string, state: string): ListPositions {
    const known = this.lists.get(key);
    this.lists.delete(key);
    const entry = known?.state === state ? known : { state, positions: { seqBefore: new Map<number, number>() } };
    this.lists.set(key, entry);
    if (this.lists.size > CAPACITY) this.lists.delete(this.lists.keys().next().value!);
    return entry.positions;
  }

  /** Records that the row before `offset` has `seq`, keeping only the latest few offsets. */
  static rememberSeqBefore(positions: ListPositions, offset: number, seq: number): void {
    positions.seqBefore.delete(offset);
    positions.seqBefore.set(offset, seq);
    if (positions.seqBefore.size > OFFSETS_PER_LIST) positions.seqBefore.delete(positions.seqBefore.keys().next().value!);
  }
}
