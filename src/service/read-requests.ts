import { RESOURCE_TYPES, type ResourceType, type ResourceTypeName } from '../scim/schema/resource-types.js';
import { listResources } from './resource-lists.js';
import { readResource } from './resource-reads.js';
import type { ProjectionParams, ScimContext } from './scim-context.js';

/**
 * A read as plain data (it can cross to a read thread, read-threads.ts): GET /<Type>/<id> or GET /<Type>, with
 * the request's parameters as sent.
 */
export type ReadRequest =
  | { readonly kind: 'resource'; readonly type: ResourceTypeName; readonly id: string; readonly params: ProjectionParams }
  | { readonly kind: 'list'; readonly type: ResourceTypeName; readonly params: Readonly<Record<string, string | undefined>> };

/**
 * What a read answers: the response body as JSON text (or, from a read thread, its UTF-8 bytes, handed over
 * without a copy) and, for a resource, its version (the ETag).
 */
export interface ReadAnswer {
  readonly json: string | Buffer;
  readonly version?: string;
}

/** Answers reads: in this thread (`answerRead`) or in read threads with their own connections. */
export interface ReadRunner {
  answer(context: ScimContext, request: ReadRequest): Promise<ReadAnswer>;
  close(): Promise<void>;
}

function resourceTypeNamed(name: ResourceTypeName): ResourceType {
  return RESOURCE_TYPES.find((type) => type.id === name)!;
}

/** Runs a read with `context`'s store, as the HTTP layer would in process. */
export async function answerRead(context: ScimContext, request: ReadRequest): Promise<ReadAnswer & { readonly json: string }> {
  const type = resourceTypeNamed(request.type);
  if (request.kind === 'list') return { json: await listResources(context, type, { ...request.params }) };
  const found = await readResource(context, type, request.id, request.params);
  return { json: JSON.stringify(found.resource), ...(found.version === undefined ? {} : { version: found.version }) };
}

/** Reads answered in the request's own thread, on the store it was given. */
export const IN_PROCESS_READS: ReadRunner = {
  answer: answerRead,
  close: async () => undefined,
};
