import type { FastifyRequest } from 'fastify';
import { detectIdp, type IdpContext } from '../scim/compat/idp-detection.js';
import { QuirkLog } from '../scim/compat/quirk.js';
import { newReport, type CanonicalizeReport } from '../scim/resource/attribute-value.js';

/** What one authenticated SCIM request learnt about its client: who sent it and what had to be normalised. */
export interface RequestTrace {
  readonly idp: IdpContext;
  readonly quirks: QuirkLog;
  readonly report: CanonicalizeReport;
}

const traces = new WeakMap<FastifyRequest, RequestTrace>();

/** Starts the trace of a request that reached a SCIM operation: detects its IdP from agent, URL and body. */
export function startTrace(request: FastifyRequest): RequestTrace {
  const url = request.raw.url ?? '';
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const userAgent = request.headers['user-agent'];
  const trace: RequestTrace = {
    idp: detectIdp({ ...(userAgent === undefined ? {} : { userAgent }), rawQuery: query, body: request.body }),
    quirks: new QuirkLog(),
    report: newReport(),
  };
  traces.set(request, trace);
  return trace;
}

/** The request's trace, when it reached a SCIM operation. */
export function traceOf(request: FastifyRequest): RequestTrace | undefined {
  return traces.get(request);
}
