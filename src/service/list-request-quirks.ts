import { quoteBarewordValues } from '../scim/compat/filter-text-quirks.js';
import type { QuirkLog } from '../scim/compat/quirk.js';
import { isJsonObject } from '../scim/resource/json.js';

/** GET list parameters with IdP filter quirks normalised (unquoted values). */
export function normalizeListParams(
  params: Record<string, string | undefined>,
  quirks: QuirkLog,
): Record<string, string | undefined> {
  const filter = params['filter'];
  return filter === undefined ? params : { ...params, filter: quoteBarewordValues(filter, quirks) };
}

/** A SearchRequest body with the same filter normalisation. */
export function normalizeSearchBody(body: unknown, quirks: QuirkLog): unknown {
  if (!isJsonObject(body) || typeof body['filter'] !== 'string') return body;
  return { ...body, filter: quoteBarewordValues(body['filter'], quirks) };
}
