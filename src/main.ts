import { ConfigError, loadConfig, type Config } from './config/config.js';
import { buildApp } from './http/app.js';
import { runsReadThreads } from './service/read-threads.js';
import { openStore } from './store/open-store.js';

/** Reads the configuration, or explains the bad setting and exits (before anything is opened). */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`roster: invalid configuration: ${error.message}`);
    process.exit(1);
  }
}

/** Starts the server: migrate the database, listen, and close both cleanly on SIGINT/SIGTERM. */
async function start(): Promise<void> {
  const config = configOrExit();
  const store = openStore(config.databaseUrl, { checkpointsInReadThread: runsReadThreads(config) });
  await store.migrate();
  const app = await buildApp({ config, store });
  const stop = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await store.close();
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Roster SCIM server listening; organization base URLs are ${config.publicUrl}/scim/v2/<orgId>`);
}

start().catch((error: unknown) => {
  console.error('roster: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
