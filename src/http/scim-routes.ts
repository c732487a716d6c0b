import type { FastifyInstance } from 'fastify';
import { RESOURCE_TYPES } from '../scim/schema/resource-types.js';
import { ActivityRecorder } from '../service/activity-recorder.js';
import { recordActivity } from './activity-hook.js';
import { bearerAuth } from './bearer-auth.js';
import { registerDiscoveryRoutes } from './discovery-routes.js';
import { registerResourceRoutes } from './resource-routes.js';
import { registerRootSearchRoute } from './root-search-route.js';
import type { ScimDependencies } from './scim-dependencies.js';
import { registerUnsupportedRoutes } from './unsupported-routes.js';

/** The prefix of every organization's SCIM base URL. */
export const SCIM_PREFIX = '/scim/v2/:orgId';

/**
 * A Fastify plugin with every SCIM endpoint of one organization, all behind that organization's bearer token
 * (discovery included: RFC 7644 §4 allows it, and an unknown organization then looks like any bad token).
 */
export async function scimRoutes(app: FastifyInstance, deps: ScimDependencies): Promise<void> {
  app.addHook('onRequest', bearerAuth(deps.store));
  const recorder = new ActivityRecorder(deps.store, {
    flushDelayMs: 250,
    maxBuffered: 500,
    retentionDays: 30,
    clock: deps.clock,
    onError: (error) => app.log.error({ err: error }, 'could not write the activity log'),
  });
  app.addHook('onResponse', recordActivity(recorder, deps.clock));
  app.addHook('onClose', async () => recorder.flush());
  for (const type of RESOURCE_TYPES) registerResourceRoutes(app, deps, type);
  registerRootSearchRoute(app, deps);
  registerDiscoveryRoutes(app, deps);
  registerUnsupportedRoutes(app);
}
