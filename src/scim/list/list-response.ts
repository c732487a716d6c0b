import type { JsonObject } from '../resource/json.js';
import { URN } from '../schema/schema-urns.js';

/** RFC 7644 §3.4.2: the ListResponse message for one page of results. */
export function listResponse(resources: readonly JsonObject[], totalResults: number, startIndex: number): JsonObject {
  return {
    schemas: [URN.listResponse],
    totalResults,
    itemsPerPage: resources.length,
    startIndex,
    Resources: [...resources],
  };
}
