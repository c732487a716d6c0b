import { randomUUID } from 'node:crypto';

/** A client-chosen id is kept only when it is short and plain, so it cannot forge log lines or headers. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The id of a request: the client's `X-Request-Id` when it is a short safe token, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const sent = Array.isArray(header) ? header[0] : header;
  return sent !== undefined && SAFE_ID.test(sent) ? sent : randomUUID();
}
