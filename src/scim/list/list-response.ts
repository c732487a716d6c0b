import type { JsonObject } from '../resource/json.js';
import { URN } from '../schema/schema-urns.js';

/** Every member of a ListResponse but `Resources`, in the order the message gives them. */
function envelope(totalResults: number, itemsPerPage: number, startIndex: number): JsonObject {
  return { schemas: [URN.listResponse], totalResults, itemsPerPage, startIndex };
}

/** RFC 7644 §3.4.2: the ListResponse message for one page of results. */
export function listResponse(resources: readonly JsonObject[], totalResults: number, startIndex: number): JsonObject {
  return { ...envelope(totalResults, resources.length, startIndex), Resources: [...resources] };
}

/**
 * The same message as JSON text around resources given as JSON texts, which are spliced in as they are:
 * `JSON.stringify(listResponse(resources, …))` when each text is `JSON.stringify` of its resource.
 */
export function listResponseText(resourceTexts: readonly string[], totalResults: number, startIndex: number): string {
  const head = JSON.stringify(envelope(totalResults, resourceTexts.length, startIndex));
  return `${head.slice(0, -1)},"Resources":[${resourceTexts.join(',')}]}`;
}
