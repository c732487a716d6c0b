import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('SQLite (in memory)', async () => SqliteStore.open('sqlite::memory:'));
