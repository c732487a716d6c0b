import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { IN_PROCESS_READS } from '../../src/service/read-requests.js';
import type { Store } from '../../src/store/store.js';
import { httpFixture, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
let broken: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  f = await httpFixture();
  // The real store, except that listing fails the way a broken disk would.
  const ioError = async (): Promise<never> => {
    throw new Error('SQLITE_IOERR at /var/lib/secret/roster.db');
  };
  const failing: Store = Object.assign(Object.create(f.store) as Store, { listResources: ioError, listForWire: ioError });
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  // Reads in this thread, so they go to the failing store rather than to read threads' own connections.
  broken = await buildApp({ config: f.config, store: failing, logger: pino({ level: 'info' }, sink), reads: IN_PROCESS_READS });
});
afterAll(async () => {
  await broken.close();
  await f.close();
});

describe('server faults', () => {
  it('answer 500 with a generic SCIM error and log the cause with its stack and request id', async () => {
    const response = await broken.inject({
      method: 'GET',
      url: `/scim/v2/${f.orgId}/Users`,
      headers: { authorization: `Bearer ${f.token}` },
    });
    expect(response.statusCode).toBe(500);
    const body = JSON.parse(response.body) as Record<string, string>;
    expect(body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '500' });
    expect(body['detail']).toContain(`(request ${String(response.headers['x-request-id'])})`);
    expect(response.body).not.toContain('SQLITE_IOERR');
    expect(response.body).not.toContain('/var/lib');
    const logged = lines.join('');
    expect(logged).toContain('SQLITE_IOERR');
    expect(logged).toContain('"stack"');
    expect(logged).toContain(String(response.headers['x-request-id']));
  });
});
