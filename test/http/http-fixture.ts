import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createOrganization } from '../../src/service/organization-service.js';
import { issueToken } from '../../src/service/token-service.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { testDatabaseUrl } from '../support/test-database.js';

export const PUBLIC_URL = 'https://scim.test';
export const SCIM_JSON = 'application/scim+json';

/** A parsed response: status, headers and JSON body (undefined when empty). */
export interface ScimResponse {
  readonly status: number;
  readonly headers: LightMyRequestResponse['headers'];
  readonly body: Record<string, unknown> & { Resources?: Record<string, unknown>[] };
  readonly raw: LightMyRequestResponse;
}

/** What a test request may set. */
export interface RequestOptions {
  readonly body?: unknown;
  /** Raw payload instead of JSON-encoding `body`. */
  readonly payload?: string;
  /** Extra headers; `undefined` for `user-agent` sends none (light-my-request otherwise adds its own). */
  readonly headers?: Record<string, string | undefined>;
  /** Send no Authorization header at all, or this token instead of the org's. */
  readonly token?: string | null;
}

/** An app on a real store (SQLite in a temp folder, or PostgreSQL in the postgres project), with two organizations and a token for each. */
export interface HttpFixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly config: Config;
  readonly orgId: string;
  readonly token: string;
  readonly otherOrgId: string;
  readonly otherToken: string;
  /** Log lines written so far, as JSON objects. */
  readonly logs: () => Record<string, unknown>[];
  /** Sends a request under `/scim/v2/<orgId>` (or to `path` as is when it starts with `//`). */
  scim(method: string, path: string, options?: RequestOptions): Promise<ScimResponse>;
  close(): Promise<void>;
}

/** Builds the fixture; `env` overrides configuration variables. */
export async function httpFixture(env: Record<string, string> = {}): Promise<HttpFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'roster-http-'));
  const config = loadConfig({ DATABASE_URL: await testDatabaseUrl(dir), PUBLIC_URL, LOG_LEVEL: 'debug', ...env });
  const store = openStore(config.databaseUrl);
  await store.migrate();
  const now = new Date().toISOString();
  const org = await createOrganization(store, { name: 'Acme', id: crypto.randomUUID(), now }, PUBLIC_URL);
  const other = await createOrganization(store, { name: 'Other', id: crypto.randomUUID(), now }, PUBLIC_URL);
  const token = (await issueToken(store, org.id, now)).token;
  const otherToken = (await issueToken(store, other.id, now)).token;
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  const logger = pino({ level: 'debug', redact: ['req.headers.authorization'] }, sink);
  const app = await buildApp({ config, store, logger });

  const scim = async (method: string, path: string, options: RequestOptions = {}): Promise<ScimResponse> => {
    const url = path.startsWith('//') ? path.slice(1) : `/scim/v2/${org.id}${path}`;
    const auth = options.token === null ? {} : { authorization: `Bearer ${options.token ?? token}` };
    const hasBody = options.payload !== undefined || options.body !== undefined;
    const raw = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...auth, ...(hasBody ? { 'content-type': SCIM_JSON } : {}), ...options.headers },
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });
    const body = raw.body === '' ? {} : (JSON.parse(raw.body) as ScimResponse['body']);
    return { status: raw.statusCode, headers: raw.headers, body, raw };
  };

  return {
    app,
    store,
    config,
    orgId: org.id,
    token,
    otherOrgId: other.id,
    otherToken,
    logs: () => lines.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
    scim,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal valid User body. */
export function userBody(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, ...extra };
}

/** A minimal valid Group body. */
export function groupBody(displayName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName, ...extra };
}

/** A PatchOp body. */
export function patchBody(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations };
}

/** A SearchRequest body. */
export function searchBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], ...fields };
}
