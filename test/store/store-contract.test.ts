import { openStore } from '../../src/store/open-store.js';
import { testBackend, testStoreUrl } from '../support/test-database.js';
import { runStoreContract } from './store-contract.js';

runStoreContract(testBackend() === 'postgres' ? 'PostgreSQL' : 'SQLite (in memory)', async () => openStore(await testStoreUrl()));
