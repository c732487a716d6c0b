import type { FastifyReply, FastifyRequest, onResponseAsyncHookHandler } from 'fastify';
import type { ActivityRecorder } from '../service/activity-recorder.js';
import { orgIdOf } from './bearer-auth.js';
import { traceOf } from './request-trace.js';

/** The request's path below the organization's base URL, without its query (filters may hold personal data). */
function pathBelowBase(request: FastifyRequest): string {
  const path = (request.url.split('?')[0] ?? '').replace(/^\/scim\/v2\/[^/]+/, '');
  return path === '' ? '/' : path;
}

/**
 * An onResponse hook that records every authenticated SCIM request in the activity log with its detected IdP
 * and the quirks normalised for it. Unauthenticated requests are not recorded: they would let anyone fill an
 * organization's log.
 */
export function recordActivity(recorder: ActivityRecorder, clock: () => Date): onResponseAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const trace = traceOf(request);
    if (!trace) return;
    recorder.record({
      orgId: orgIdOf(request),
      requestId: request.id,
      at: clock().toISOString(),
      method: request.method,
      path: pathBelowBase(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      idp: trace.idp.entraPatchMode ? `${trace.idp.idp}:${trace.idp.entraPatchMode}` : trace.idp.idp,
      userAgent: request.headers['user-agent'] ?? null,
      quirks: [...trace.quirks.codes()],
      ignored: [...trace.report.ignored],
    });
  };
}
