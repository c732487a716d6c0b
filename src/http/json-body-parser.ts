import type { FastifyInstance } from 'fastify';
import { invalidSyntax, unsupportedMediaType } from '../scim/errors/scim-error.js';
import { exceedsJsonDepth } from './json-depth.js';

/** Deeper than any SCIM message (PATCH values nest a few levels); deeper input is refused unparsed. */
export const MAX_JSON_DEPTH = 64;

/** RFC 7644 §3.1 names application/scim+json; plain application/json is accepted as most clients send it. */
const JSON_MEDIA_TYPES = new Set(['application/scim+json', 'application/json']);

/** The media type without parameters, lower-cased; '' when there is no Content-Type. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Parses every request body as JSON: SCIM and plain JSON media types (any charset parameter) and bodies sent
 * without a Content-Type; anything else is 415. Depth is checked before JSON.parse; an empty body is no body.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const mediaType = mediaTypeOf(request.headers['content-type']);
    if (mediaType !== '' && !JSON_MEDIA_TYPES.has(mediaType)) {
      done(unsupportedMediaType(`Content-Type '${mediaType.slice(0, 100)}' is not supported; send application/scim+json`));
      return;
    }
    try {
      done(null, parseJson(String(body)));
    } catch (error) {
      done(error instanceof Error ? error : invalidSyntax('The request body is not valid JSON'));
    }
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) throw invalidSyntax(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidSyntax('The request body is not valid JSON');
  }
}
