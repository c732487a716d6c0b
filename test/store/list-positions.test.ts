import { describe, expect, it } from 'vitest';
import { ListPositionsCache, pageOffset, totalFromPage } from '../../src/store/list-positions.js';
import { listQuery } from './store-fixtures.js';

describe('list positions', () => {
  it('turns the 1-based startIndex into an offset, below 1 counting as 1 (RFC 7644 §3.4.2.4)', () => {
    expect(pageOffset(listQuery({ startIndex: 1 }))).toBe(0);
    expect(pageOffset(listQuery({ startIndex: 101 }))).toBe(100);
    expect(pageOffset(listQuery({ startIndex: 0 }))).toBe(0);
    expect(pageOffset(listQuery({ startIndex: -5 }))).toBe(0);
  });

  it('tells the total from a page only when the page is short and holds rows, or is the empty first page', () => {
    expect(totalFromPage(200, 37, 100)).toBe(237);
    expect(totalFromPage(0, 0, 100)).toBe(0);
    expect(totalFromPage(200, 100, 100)).toBeUndefined();
    expect(totalFromPage(500, 0, 100)).toBeUndefined();
    expect(totalFromPage(0, 0, 0)).toBeUndefined();
  });

  it('forgets what it knew of a list when the database state changes', () => {
    const cache = new ListPositionsCache<number>();
    const positions = cache.at('list', 1);
    positions.total = 42;
    ListPositionsCache.rememberRowBefore(positions, 100, { seq: 7, sortValue: null });
    expect(cache.at('list', 1)).toBe(positions);
    expect(cache.at('list', 2)).toEqual({ state: 2, rowBefore: new Map() });
  });
});
