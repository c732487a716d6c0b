/** What is known of one list (one filter, one order) at one write count of its organization. */
export interface ListPositions {
  /** The write count (postgres-write-counts.ts) of the snapshots this was learnt in. */
  readonly writeCount: number;
  /** The exact total, once counted or deduced from a short page. */
  total?: number;
  /** Offset → `seq` of the row just before it, for lists in `seq` order: the next page starts after that row. */
  readonly seqBefore: Map<number, number>;
}

/** Lists remembered at once; an IdP import pages through one list, so a few dozen cover every client. */
const CAPACITY = 64;
/** Offsets remembered per list: sequential paging only ever needs the latest. */
const OFFSETS_PER_LIST = 8;

/**
 * Remembers the total and page boundaries of recent lists, so paging through 100k users costs neither a COUNT
 * nor an OFFSET scan per page. What is known is tagged with the organization's write count, and is used only by
 * a statement that reads the same count in its own snapshot: any commit by anyone forgets it.
 */
export class PostgresListPositions {
  private readonly lists = new Map<string, ListPositions>();

  /** The latest positions learnt of list `key`, whatever the write count then; the caller checks it. */
  latest(key: string): ListPositions | undefined {
    const known = this.lists.get(key);
    if (known === undefined) return undefined;
    this.lists.delete(key);
    this.lists.set(key, known);
    return known;
  }

  /** The positions of list `key` at `writeCount`, empty (replacing older ones) when nothing is known at that count. */
  at(key: string, writeCount: number): ListPositions {
    const known = this.lists.get(key);
    this.lists.delete(key);
    const positions = known?.writeCount === writeCount ? known : { writeCount, seqBefore: new Map<number, number>() };
    this.lists.set(key, positions);
    if (this.lists.size > CAPACITY) this.lists.delete(this.lists.keys().next().value!);
    return positions;
  }

  /** Records that the row before `offset` has `seq`, keeping only the latest few offsets. */
  static rememberSeqBefore(positions: ListPositions, offset: number, seq: number): void {
    positions.seqBefore.delete(offset);
    positions.seqBefore.set(offset, seq);
    if (positions.seqBefore.size > OFFSETS_PER_LIST) positions.seqBefore.delete(positions.seqBefore.keys().next().value!);
  }
}
