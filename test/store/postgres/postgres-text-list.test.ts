import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_DIALECT } from '../../../src/store/postgres/postgres-dialect.js';
import { testStoreUrl } from '../../support/test-database.js';

describe('PostgreSQL text-list parameters', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: await testStoreUrl() });
    await client.connect();
  });
  afterAll(async () => client.end());

  it('round-trips any string through the text[] literal, quotes, backslashes, commas, braces and NULL-like text included', async () => {
    const values = ['plain', 'with "quotes"', 'back\\slash', 'a,b', '{braces}', 'NULL', '', ' spaced ', 'ünïcödé ✓'];
    const result = await client.query<{ list: string[] }>('SELECT CAST($1 AS TEXT[]) AS list', [POSTGRES_DIALECT.textList(values)]);
    expect(result.rows[0]!.list).toEqual(values);
  });

  it('matches only the listed values', async () => {
    const sql = `SELECT v FROM unnest(ARRAY['a', 'b"', 'c']) AS v WHERE ${POSTGRES_DIALECT.inTextList('v').replace('?', '$1')} ORDER BY v`;
    const result = await client.query<{ v: string }>(sql, [POSTGRES_DIALECT.textList(['b"', 'c', 'zz'])]);
    expect(result.rows.map((row) => row.v)).toEqual(['b"', 'c']);
  });
});
