import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { activityLog } from './contract/activity-log.js';
import { bulkTransfer } from './contract/bulk-transfer.js';
import { groupMembers } from './contract/group-members.js';
import { listingFilters } from './contract/listing-filters.js';
import { listingSortAndPaging } from './contract/listing-sort-paging.js';
import { organizationsAndTokens } from './contract/organizations-tokens.js';
import { userResources } from './contract/user-resources.js';
import { preparedStore } from './store-fixtures.js';

/**
 * The conformance suite every Store adapter runs (Hono's common.case.test.ts pattern): `makeStore` gives a fresh,
 * empty store; the suite migrates it, adds two organizations, and closes it after each test.
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const current = (): Store => store;
    beforeEach(async () => {
      store = await preparedStore(makeStore);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('organizations and tokens', () => organizationsAndTokens(current));
    describe('users', () => userResources(current));
    describe('groups and memberships', () => groupMembers(current));
    describe('listing: filters', () => listingFilters(current));
    describe('listing: sort and paging', () => listingSortAndPaging(current));
    describe('activity log', () => activityLog(current));
    describe('bulk export and import', () => bulkTransfer(current));
  });
}
