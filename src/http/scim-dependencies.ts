import type { FastifyRequest } from 'fastify';
import type { ListLimits } from '../scim/list/list-request.js';
import { scimBaseUrl } from '../service/organization-service.js';
import type { ReadRunner } from '../service/read-requests.js';
import type { ScimContext } from '../service/scim-context.js';
import type { Store } from '../store/store.js';
import { orgIdOf } from './bearer-auth.js';
import { startTrace } from './request-trace.js';

/** What the SCIM routes share: storage, URLs, limits, and the clock and id source (injected for tests). */
export interface ScimDependencies {
  readonly store: Store;
  /** Answers GET /<Type>/<id> and GET /<Type> (read-threads.ts), with `store` or connections of its own. */
  readonly reads: ReadRunner;
  readonly publicUrl: string;
  readonly limits: ListLimits;
  readonly maxBodyBytes: number;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** The organization's SCIM base URL for this request. */
export function baseUrlOf(deps: ScimDependencies, request: FastifyRequest): string {
  return scimBaseUrl(deps.publicUrl, orgIdOf(request));
}

/**
 * Runs one SCIM operation with a fresh context for the request's organization; what canonicalisation ignored
 * is logged with the request id afterwards (it is not an error, but it explains surprising results).
 */
export async function withScimContext<T>(
  deps: ScimDependencies,
  request: FastifyRequest,
  operation: (context: ScimContext) => Promise<T>,
): Promise<T> {
  const trace = startTrace(request);
  const context: ScimContext = {
    store: deps.store,
    orgId: orgIdOf(request),
    baseUrl: baseUrlOf(deps, request),
    limits: deps.limits,
    now: () => deps.clock().toISOString(),
    newId: deps.newId,
    report: trace.report,
    quirks: trace.quirks,
  };
  try {
    return await operation(context);
  } finally {
    const quirks = trace.quirks.codes();
    if (context.report.ignored.length > 0 || quirks.length > 0) {
      request.log.info({ idp: trace.idp, quirks, ignored: context.report.ignored }, 'normalised request');
    }
  }
}

/** Query parameters as single strings (a repeated parameter keeps its first value). */
export function queryParamsOf(request: FastifyRequest): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') params[name] = first;
  }
  return params;
}
