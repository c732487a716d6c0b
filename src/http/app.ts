import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { ReadRunner } from '../service/read-requests.js';
import { readRunnerFor } from '../service/read-threads.js';
import type { Store } from '../store/store.js';
import { registerErrorHandling, sendFrameworkError } from './error-handler.js';
import { registerHealthRoute } from './health-route.js';
import { registerJsonBodyParser } from './json-body-parser.js';
import { requestIdFor } from './request-id.js';
import { canonicalEndpointCase } from './resource-path-case.js';
import type { ScimDependencies } from './scim-dependencies.js';
import { SCIM_PREFIX, scimRoutes } from './scim-routes.js';

/** What the HTTP app is built from; clock and id source default to the real ones. */
export interface AppOptions {
  readonly config: Config;
  readonly store: Store;
  /** A pino logger; by default one at `config.logLevel` writing JSON lines to stdout. */
  readonly logger?: FastifyBaseLogger;
  readonly clock?: () => Date;
  readonly newId?: () => string;
  /**
   * Who answers lookups; by default read threads on `config.databaseUrl` when it names a SQLite file and
   * `config.readThreads` > 0 (`store` must then be that file's), else this thread on `store`. Closed with the app.
   */
  readonly reads?: ReadRunner;
}

/** Never log credentials, whichever serializer includes headers. */
const REDACTED_PATHS = ['req.headers.authorization', 'headers.authorization'];

/** Builds the Fastify app (not listening): tests drive it with `app.inject`, `main.ts` calls `listen`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger }
      : { logger: { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } } }),
    bodyLimit: config.maxBodyBytes,
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    rewriteUrl: (request) => canonicalEndpointCase(request.url ?? '/'),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: sendFrameworkError,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  registerJsonBodyParser(app);
  registerErrorHandling(app);
  const reads = options.reads ?? readRunnerFor(config, (error) => app.log.error({ err: error }, 'a read thread stopped'));
  app.addHook('onClose', async () => reads.close());
  const deps: ScimDependencies = {
    store: options.store,
    reads,
    publicUrl: config.publicUrl,
    limits: { maxResults: config.maxResults, defaultCount: config.maxResults },
    maxBodyBytes: config.maxBodyBytes,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
  registerHealthRoute(app, options.store);
  await app.register(scimRoutes, { prefix: SCIM_PREFIX, ...deps });
  return app;
}
