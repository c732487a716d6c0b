import { describe, expect, it } from 'vitest';
import { USER_LAYOUT } from '../../../src/store/resource-layout.js';
import { limitClause, listStatements } from '../../../src/store/sql/sql-list-query.js';
import { SQLITE_DIALECT } from '../../../src/store/sqlite/sqlite-dialect.js';
import { cmp, listQuery } from '../store-fixtures.js';

describe('listStatements', () => {
  it('writes LIMIT into the page SQL and binds only OFFSET after the filter parameters', () => {
    const sql = listStatements(SQLITE_DIALECT, USER_LAYOUT, 'o1', listQuery({ filter: cmp('User', 'userName', 'eq', 'a'), startIndex: 21, count: 10 }));
    expect(sql.page.sql).toMatch(/ LIMIT 10 OFFSET \?$/);
    expect(sql.page.params).toEqual(['o1', 'a', 20]);
  });

  it('names one list by its filter and order, whatever the page', () => {
    const key = (startIndex: number, count: number, value = 'a') =>
      listStatements(SQLITE_DIALECT, USER_LAYOUT, 'o1', listQuery({ filter: cmp('User', 'userName', 'eq', value), startIndex, count })).key;
    expect(key(1, 100)).toBe(key(101, 100));
    expect(key(1, 100)).toBe(key(1, 50));
    expect(key(1, 100)).not.toBe(key(1, 100, 'b'));
    expect(key(1, 100)).not.toBe(listStatements(SQLITE_DIALECT, USER_LAYOUT, 'o2', listQuery({ filter: cmp('User', 'userName', 'eq', 'a') })).key);
  });
});

describe('limitClause', () => {
  it('writes a non-negative integer and refuses anything else', () => {
    expect(limitClause(0)).toBe('LIMIT 0');
    expect(limitClause(100)).toBe('LIMIT 100');
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => limitClause(bad)).toThrow(RangeError);
  });
});
