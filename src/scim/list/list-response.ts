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
  const open = `${JSON.stringify(envelope(totalResults, resourceTexts.length, startIndex)).slice(0, -1)},"Resources":[`;
  if (resourceTexts.length === 0) return `${open}]}`;
  // One join builds the whole answer as one flat string: a page of 100 users is ~110 KB (220 KB when a name is
  // not Latin-1), and concatenating around a joined page would copy it once more when it is sent.
  const parts = [...resourceTexts];
  parts[0] = `${open}${parts[0]!}`;
  parts[parts.length - 1] = `${parts.at(-1)!}]}`;
  return parts.join(',');
}
