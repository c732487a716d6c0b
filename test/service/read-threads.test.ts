import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { QuirkLog } from '../../src/scim/compat/quirk.js';
import { ScimError } from '../../src/scim/errors/scim-error.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import { IN_PROCESS_READS } from '../../src/service/read-requests.js';
import { ReadThreads, runsReadThreads } from '../../src/service/read-threads.js';
import { openSqliteDatabase, READ_THREAD_CHECKPOINT_FRAMES, READ_THREAD_CHECKPOINT_MS } from '../../src/store/sqlite/sqlite-database.js';
import { walFramesToCopy } from '../../src/store/sqlite/sqlite-wal-index.js';
import { uncheckpointedWriter } from '../support/uncheckpointed-writer.js';
import type { ScimContext } from '../../src/service/scim-context.js';
import { groupBody, httpFixture, patchBody, userBody, type HttpFixture } from '../http/http-fixture.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

let f: HttpFixture;
let inProcess: FastifyInstance;
let threaded: FastifyInstance;
const threadErrors: unknown[] = [];
const threadedLog: Record<string, unknown>[] = [];
const ids: Record<string, string> = {};

/** A request to `app` under the organization's base URL, with a fixed request id so error bodies compare. */
async function send(app: FastifyInstance, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await app.inject({
    method: method as 'GET',
    url: `/scim/v2/${f.orgId}${path}`,
    headers: {
      authorization: `Bearer ${f.token}`,
      'x-request-id': 'same-id',
      ...(options.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
  });
  return { status: response.statusCode, etag: response.headers['etag'], type: response.headers['content-type'], body: response.body };
}

beforeAll(async () => {
  f = await httpFixture({ READ_THREADS: '0' });
  const silent = pino({ level: 'silent' });
  inProcess = await buildApp({ config: f.config, store: f.store, logger: silent, reads: IN_PROCESS_READS });
  const threads = new ReadThreads(f.config.databaseUrl, 2, (error) => threadErrors.push(error));
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (threadedLog.push(JSON.parse(chunk.toString())), done()) });
  threaded = await buildApp({ config: f.config, store: f.store, logger: pino({ level: 'info' }, sink), reads: threads });
  const people: [string, string, string][] = [
    ['ana', 'Ana@Example.com', 'Żółć'],
    ['bo', 'bo@example.com', 'Adams'],
    ['cy', 'cy@other.org', 'Baker'],
  ];
  for (const [userName, email, familyName] of people) {
    const created = await f.scim('POST', '/Users', {
      body: userBody(userName, { externalId: `ext-${userName}`, name: { familyName }, emails: [{ value: email, type: 'work', primary: true }] }),
    });
    ids[userName] = String(created.body['id']);
  }
  await f.scim('PATCH', `/Users/${ids['bo']}`, { body: patchBody({ op: 'add', path: `${ENTERPRISE}:manager`, value: ids['ana'] }) });
  const group = await f.scim('POST', '/Groups', { body: groupBody('Crew', { members: [{ value: ids['ana'] }, { value: ids['cy'] }] }) });
  ids['crew'] = String(group.body['id']);
});

afterAll(async () => {
  await threaded?.close();
  await inProcess?.close();
  await f?.close();
});

describe('reads answered by read threads', () => {
  const reads = (): string[] => [
    `/Users/${ids['ana']}`,
    `/Users/${ids['bo']}`,
    `/Users/${ids['bo']}?attributes=userName,${ENTERPRISE}:manager`,
    `/Users/${ids['cy']}?excludedAttributes=groups,emails`,
    `/Groups/${ids['crew']}`,
    `/Groups/${ids['crew']}?excludedAttributes=members`,
    '/Users',
    '/Users?sortBy=name.familyName&sortOrder=descending',
    '/Users?count=2',
    '/Users?count=0',
    '/Users?startIndex=2&count=1',
    `/Users?filter=${encodeURIComponent('userName eq "ANA"')}`,
    `/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "cy@other.org"')}`,
    `/Users?filter=${encodeURIComponent('externalId eq ext-bo')}`,
    `/Users?filter=${encodeURIComponent('userName sw "b"')}&attributes=userName`,
    `/Groups?filter=${encodeURIComponent('displayName eq "Crew"')}&excludedAttributes=members`,
    `/Users?filter=${encodeURIComponent('userName xx "a"')}`,
    `/Users?filter=${encodeURIComponent('nosuch eq "a"')}`,
    '/Users?count=abc',
    '/Users?sortBy=emails.nosuch',
    '/Users/no-such-id',
    '/Groups/no-such-id',
  ];

  it('answer every read byte for byte as the event loop does: bodies, statuses, ETags, media type', async () => {
    for (const path of reads()) {
      const expected = await send(inProcess, 'GET', path);
      expect(await send(threaded, 'GET', path), path).toEqual(expected);
    }
    expect(threadErrors).toEqual([]);
  });

  it('answer a conditional GET with 304 when the ETag still matches', async () => {
    const first = await send(threaded, 'GET', `/Users/${ids['cy']}`);
    const again = await send(threaded, 'GET', `/Users/${ids['cy']}`, { headers: { 'if-none-match': String(first.etag) } });
    expect(again.status).toBe(304);
    expect(again.etag).toBe(first.etag);
  });

  it('see every write answered before them', async () => {
    for (let round = 0; round < 25; round += 1) {
      const displayName = `Round ${round}`;
      const patched = await send(threaded, 'PATCH', `/Users/${ids['cy']}`, { body: patchBody({ op: 'replace', path: 'displayName', value: displayName }) });
      expect(patched.status).toBe(200);
      const read = await send(threaded, 'GET', `/Users/${ids['cy']}`);
      expect(JSON.parse(read.body)).toMatchObject({ displayName });
      expect(read.etag).toBe(patched.etag);
      const userName = `new-${round}`;
      const created = await send(threaded, 'POST', '/Users', { body: userBody(userName) });
      const found = await send(threaded, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
      expect(JSON.parse(found.body)).toMatchObject({ totalResults: 1, Resources: [{ id: JSON.parse(created.body).id }] });
      expect((await send(threaded, 'DELETE', `/Users/${JSON.parse(created.body).id}`)).status).toBe(204);
      expect((await send(threaded, 'GET', `/Users/${JSON.parse(created.body).id}`)).status).toBe(404);
    }
  });

  it('bring back the IdP quirks they normalised, for the request log', async () => {
    const response = await send(threaded, 'GET', `/Users?filter=${encodeURIComponent('externalId eq ext-ana')}`, { headers: { 'x-request-id': 'quirky' } });
    expect(JSON.parse(response.body)).toMatchObject({ totalResults: 1 });
    const normalised = threadedLog.find((line) => line['msg'] === 'normalised request' && line['requestId'] === 'quirky');
    expect(normalised).toMatchObject({ quirks: ['unquoted-filter-value'] });
  });

  it('answer lookups concurrently with writes, each as one of the states the writes went through', async () => {
    const versions = Array.from({ length: 40 }, (_, i) => `Concurrent ${i}`);
    const writes = versions.map((displayName) =>
      send(threaded, 'PATCH', `/Users/${ids['ana']}`, { body: patchBody({ op: 'replace', path: 'displayName', value: displayName }) }),
    );
    const lookups = versions.map(() => send(threaded, 'GET', `/Users/${ids['ana']}`));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(lookups)]);
    expect(written.every((response) => response.status === 200)).toBe(true);
    for (const response of read) {
      expect(response.status).toBe(200);
      const seen = JSON.parse(response.body) as { displayName?: string; meta: { version: string } };
      expect(response.etag).toBe(seen.meta.version);
    }
  });
});

/** A context for calling a ReadRunner directly, on the fixture's organization. */
function directContext(): ScimContext {
  return {
    store: f.store,
    orgId: f.orgId,
    baseUrl: `https://scim.test/scim/v2/${f.orgId}`,
    limits: { maxResults: 100, defaultCount: 100 },
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    report: newReport(),
    quirks: new QuirkLog(),
  };
}

describe('the read thread that checkpoints', () => {
  /** A database whose writer never checkpoints, with `rows` rows of ~1 KB written to its WAL, and a thread. */
  async function withWalOf(rows: number, check: (file: string, threads: ReadThreads) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'roster-checkpoint-'));
    const file = join(dir, 'wal.db');
    const writer = uncheckpointedWriter(file, rows);
    // Every page written so far is in the WAL only.
    expect(pagesOf(file)).toBeLessThanOrEqual(1);
    const threads = new ReadThreads(`sqlite:${file}`, 1, () => undefined);
    try {
      await check(file, threads);
    } finally {
      await threads.close();
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pagesOf = (path: string): number => Math.floor(statSync(path).size / 4096);

  it('copies the WAL into the database file once it holds 1,000 frames, the writing connection never checkpointing', async () => {
    await withWalOf(4000, async (file) => {
      expect(walFramesToCopy(file)).toBeGreaterThanOrEqual(READ_THREAD_CHECKPOINT_FRAMES);
      await expect.poll(() => walFramesToCopy(file), { timeout: 5000 }).toBe(0);
      expect(pagesOf(file)).toBeGreaterThan(900);
      const reader = openSqliteDatabase(`sqlite:${file}`, 'query-only');
      expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4000);
      reader.close();
    });
  });

  it('leaves a WAL of fewer frames where it is: a checkpoint costs two syncs', async () => {
    await withWalOf(300, async (file, threads) => {
      const waiting = walFramesToCopy(file)!;
      expect(waiting).toBeGreaterThan(70);
      expect(waiting).toBeLessThan(READ_THREAD_CHECKPOINT_FRAMES);
      // The thread is running once it has answered (a read of a database without Roster's tables fails), and
      // has looked at the WAL five times 500 ms later.
      const lookup = { kind: 'resource', type: 'User', id: 'x', params: {} } as const;
      await expect(threads.answer(directContext(), lookup)).rejects.toThrow(/no such table/);
      await new Promise((resolve) => setTimeout(resolve, 5 * READ_THREAD_CHECKPOINT_MS));
      expect(walFramesToCopy(file)).toBe(waiting);
      expect(pagesOf(file)).toBeLessThanOrEqual(1);
    });
  });

  it('is run only where read threads run: a SQLite file and READ_THREADS > 0', () => {
    const runs = (databaseUrl: string, readThreads: number) => runsReadThreads({ ...f.config, databaseUrl, readThreads });
    expect(runs('sqlite:/data/roster.db', 1)).toBe(true);
    expect(runs('sqlite:/data/roster.db', 0)).toBe(false);
    expect(runs('sqlite::memory:', 1)).toBe(false);
    expect(runs('postgres://roster@db/roster', 1)).toBe(false);
  });
});

describe('a read thread that fails', () => {
  it('rejects with a plain Error carrying its cause (a 500, not a client error), and keeps answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-empty-'));
    const threads = new ReadThreads(`sqlite:${join(dir, 'empty.db')}`, 1, () => undefined);
    try {
      const lookup = { kind: 'resource', type: 'User', id: 'x', params: {} } as const;
      const failed = await threads.answer(directContext(), lookup).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(Error);
      expect(failed).not.toBeInstanceOf(ScimError);
      expect(String(failed)).toMatch(/A read thread failed: .*no such table/);
      // The thread is still there: the next read gets its answer (the same failure) rather than waiting forever.
      await expect(threads.answer(directContext(), lookup)).rejects.toThrow(/no such table/);
    } finally {
      await threads.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a read thread that stops', () => {
  const script = new URL('./stand-in-read-thread.mjs', import.meta.url);
  const lookup = (id: string) => ({ kind: 'resource', type: 'User', id, params: {} }) as const;

  it('fails what it was asked with a server error, is reported and replaced, and later pages never go to it', async () => {
    const stops: unknown[] = [];
    const threads = new ReadThreads('exit-on-crash', 1, (error) => stops.push(error), script);
    try {
      expect((await threads.answer(directContext(), lookup(ids['ana']!))).json.toString()).toBe('"from the stand-in"');
      const checkpointEvery = async () => (await threads.answer(directContext(), lookup('role'))).json.toString();
      expect(await checkpointEvery()).toBe(String(READ_THREAD_CHECKPOINT_MS));
      await expect(threads.answer(directContext(), lookup('crash'))).rejects.toThrow('A read thread stopped (exit code 3)');
      expect(stops.map(String)).toEqual(['Error: A read thread stopped (exit code 3); a new one is started']);
      // A new thread answers; had none been started, this would wait forever. It runs the checkpoints in its turn.
      expect((await threads.answer(directContext(), lookup(ids['ana']!))).json.toString()).toBe('"from the stand-in"');
      expect(await checkpointEvery()).toBe(String(READ_THREAD_CHECKPOINT_MS));
      const laterPage = await threads.answer(directContext(), { kind: 'list', type: 'User', params: { startIndex: '2', count: '1' } });
      expect(JSON.parse(laterPage.json.toString())).toMatchObject({ startIndex: 2, itemsPerPage: 1 });
    } finally {
      await threads.close();
    }
  });

  it('is not started again when it stops before answering anything: the event loop answers instead', async () => {
    const stops: unknown[] = [];
    const threads = new ReadThreads('exit-at-start', 2, (error) => stops.push(error), script);
    try {
      await expect.poll(() => stops.length).toBe(2);
      expect(String(stops[0])).toBe('Error: A read thread stopped (exit code 4) before answering anything; it is not started again');
      const answer = await threads.answer(directContext(), lookup(ids['ana']!));
      expect(JSON.parse(answer.json.toString())).toMatchObject({ id: ids['ana'], userName: 'ana' });
    } finally {
      await threads.close();
    }
  });

  it('runs the WAL checkpoints in the first thread only', async () => {
    const threads = new ReadThreads('exit-on-crash', 2, () => undefined, script);
    try {
      // Two reads at once: the least busy thread takes each, so each thread answers one.
      const roles = await Promise.all([1, 2].map(async () => (await threads.answer(directContext(), lookup('role'))).json.toString()));
      expect(roles).toEqual([String(READ_THREAD_CHECKPOINT_MS), 'null']);
    } finally {
      await threads.close();
    }
  });

  it('closes without being reported as stopped, and answers nothing once closed', async () => {
    const stops: unknown[] = [];
    const threads = new ReadThreads(f.config.databaseUrl, 2, (error) => stops.push(error));
    await threads.close();
    expect(stops).toEqual([]);
    await expect(threads.answer(directContext(), lookup(ids['ana']!))).rejects.toThrow('The read threads are closed');
  });
});
