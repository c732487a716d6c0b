import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFilter } from '../../src/scim/filter/filter-evaluator.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { generatedFilter, generatedGroups, generatedUser, random } from './filter-differential-data.js';
import { testStoreUrl } from '../support/test-database.js';
import { ALL, ORG_A, listQuery, preparedStore } from './store-fixtures.js';

const USERS = 300;
const FILTERS = 1000;

/**
 * The differential test of docs/architecture.md: the SQL compiled from a filter and the in-memory evaluator
 * must select exactly the same users, over generated data full of absent values, case and Unicode variants,
 * `%` and `_`, multi-valued attributes and extensions.
 */
describe('SQL filters agree with the in-memory evaluator', () => {
  let store: Store;
  let stored: JsonObject[];
  beforeAll(async () => {
    store = await preparedStore(async () => openStore(await testStoreUrl()));
    const rand = random(7643);
    for (let index = 0; index < USERS; index += 1) {
      await store.createResource(ORG_A, 'User', generatedUser(rand, index), null);
    }
    for (const resource of generatedGroups(rand, USERS)) await store.createResource(ORG_A, 'Group', resource, null);
    stored = [...(await store.listResources(ORG_A, 'User', listQuery({ read: ALL }))).resources];
  });
  afterAll(async () => store.close());

  it(`on ${FILTERS} generated filters over ${USERS} generated users`, async () => {
    const rand = random(7644);
    const mismatches: string[] = [];
    let nonTrivial = 0;
    for (let n = 0; n < FILTERS; n += 1) {
      const filter = generatedFilter(rand, 3);
      const expected = stored.filter((resource) => evaluateFilter(filter, resource)).map((r) => r['id']);
      const result = await store.listResources(ORG_A, 'User', listQuery({ filter }));
      const actual = result.resources.map((r) => r['id']);
      if (expected.length > 0 && expected.length < USERS) nonTrivial += 1;
      if (JSON.stringify(actual) !== JSON.stringify(expected) || result.totalResults !== expected.length) {
        mismatches.push(JSON.stringify(filter, (key, value) => (key === 'attr' ? value.key : value)));
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(nonTrivial).toBeGreaterThan(FILTERS / 3);
  }, 120_000);
});
