import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createOrganization } from '../../src/service/organization-service.js';
import { issueToken, revokeToken } from '../../src/service/token-service.js';
import { openStore } from '../../src/store/open-store.js';
import { sqlitePathOf } from '../../src/store/sqlite/sqlite-database.js';
import type { Store } from '../../src/store/store.js';
import { groupBody, patchBody, userBody } from '../http/http-fixture.js';

const PUBLIC_URL = 'https://scim.test';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const TEAMS = 'urn:ietf:params:scim:schemas:extension:Teams:2.0:User';

/** Users added through the store besides the named ones: more than one 500-row page of users and of members. */
export const BULK_USERS = 1_050;

/** A response of the app, enough to compare two deployments. */
export interface Reply {
  readonly status: number;
  readonly etag: string | undefined;
  readonly body: Record<string, unknown>;
}

/** The Roster HTTP app on `databaseUrl`, sending SCIM requests with a bearer token. */
export interface ScimClient {
  readonly store: Store;
  send(method: string, path: string, token: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
  close(): Promise<void>;
}

/** Opens the app on a database (the store is migrated first). */
export async function scimClient(databaseUrl: string): Promise<ScimClient> {
  const store = openStore(databaseUrl);
  await store.migrate();
  const app: FastifyInstance = await buildApp({ config: loadConfig({ DATABASE_URL: databaseUrl, PUBLIC_URL, LOG_LEVEL: 'silent' }), store });
  return {
    store,
    async send(method, path, token, options = {}) {
      const raw = await app.inject({
        method: method as 'GET',
        url: `/scim/v2${path}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', ...options.headers },
        ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
      });
      const etag = raw.headers['etag'];
      return { status: raw.statusCode, etag: typeof etag === 'string' ? etag : undefined, body: raw.body === '' ? {} : JSON.parse(raw.body) };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** What the seeded source holds, as tests address it. */
export interface SeededSource {
  readonly orgId: string;
  readonly otherOrgId: string;
  readonly token: string;
  readonly revokedToken: string;
  readonly otherToken: string;
  readonly userIds: { readonly alice: string; readonly bob: string; readonly carol: string };
  readonly groupIds: { readonly engineering: string; readonly everyone: string; readonly all: string };
  /** Paths under /scim/v2 that the source and the target must answer identically. */
  readonly paths: readonly string[];
}

async function created(client: ScimClient, path: string, token: string, body: unknown): Promise<string> {
  const reply = await client.send('POST', path, token, { body });
  if (reply.status !== 201) throw new Error(`seed: POST ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return String(reply.body['id']);
}

async function patched(client: ScimClient, path: string, token: string, ...operations: Record<string, unknown>[]): Promise<void> {
  const reply = await client.send('PATCH', path, token, { body: patchBody(...operations) });
  if (reply.status !== 200 && reply.status !== 204) throw new Error(`seed: PATCH ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** Named users with emails, extensions and a password; versions bumped by PATCH. */
async function seedUsers(client: ScimClient, base: string, token: string): Promise<SeededSource['userIds']> {
  const bob = await created(client, `${base}/Users`, token, userBody('bob@example.org', { name: { familyName: 'Builder' } }));
  const alice = await created(
    client,
    `${base}/Users`,
    token,
    userBody('alice@example.org', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, TEAMS],
      externalId: 'ext-alice',
      name: { givenName: 'Alice', familyName: 'Liddell' },
      password: 'Corr3ct-horse-battery',
      emails: [
        { value: 'alice@work.example', type: 'work', primary: true },
        { value: 'alice@home.example', type: 'home' },
      ],
      [ENTERPRISE]: { employeeNumber: '42', department: 'R&D', manager: { value: bob } },
      [TEAMS]: { teams: ['red', 'blue'] },
    }),
  );
  const carol = await created(client, `${base}/Users`, token, userBody('carol@example.org', { active: false }));
  await patched(client, `${base}/Users/${alice}`, token, { op: 'replace', path: 'displayName', value: 'Alice L' });
  await patched(client, `${base}/Users/${alice}`, token, { op: 'add', path: 'nickName', value: 'Al' });
  return { alice, bob, carol };
}

/** Nested groups whose member order PATCH changed, and one group with every user (several pages of members). */
async function seedGroups(client: ScimClient, base: string, token: string, users: SeededSource['userIds']): Promise<SeededSource['groupIds']> {
  const engineering = await created(client, `${base}/Groups`, token, groupBody('Engineering', { members: [{ value: users.alice }, { value: users.bob }] }));
  await patched(
    client,
    `${base}/Groups/${engineering}`,
    token,
    { op: 'add', path: 'members', value: [{ value: users.carol }] },
    { op: 'remove', path: `members[value eq "${users.alice}"]` },
    { op: 'add', path: 'members', value: [{ value: users.alice }] },
  );
  const everyone = await created(client, `${base}/Groups`, token, groupBody('Everyone', { members: [{ value: engineering }, { value: users.carol }] }));
  const all = await created(client, `${base}/Groups`, token, groupBody('All'));
  return { engineering, everyone, all };
}

async function seedBulkUsers(store: Store, orgId: string, allGroupId: string): Promise<void> {
  const at = '2026-01-15T08:00:00.000Z';
  const ids: string[] = [];
  for (let i = 0; i < BULK_USERS; i++) {
    const id = `bulk-${String(i).padStart(4, '0')}`;
    await store.createResource(orgId, 'User', { id, userName: `${id}@example.org`, emails: [{ value: `${id}@example.org` }], meta: { resourceType: 'User', created: at, lastModified: at } }, null);
    ids.push(id);
  }
  const memberOps = [{ op: 'add' as const, members: ids.reverse().map((value) => ({ value })) }];
  await store.updateResource(orgId, 'Group', allGroupId, (resource) => ({ resource, memberOps }), {}, at, { members: false, groups: false });
}

/** Seeds a SQLite source through the HTTP app (and the store for bulk users): two organizations, three tokens. */
export async function seedSource(sourceUrl: string): Promise<SeededSource> {
  const client = await scimClient(sourceUrl);
  try {
    const now = new Date().toISOString();
    const org = await createOrganization(client.store, { name: 'Acme', id: crypto.randomUUID(), now }, PUBLIC_URL);
    const other = await createOrganization(client.store, { name: 'Other', id: crypto.randomUUID(), now }, PUBLIC_URL);
    const token = (await issueToken(client.store, org.id, now)).token;
    const revoked = await issueToken(client.store, org.id, now);
    await revokeToken(client.store, org.id, revoked.id, now);
    const otherToken = (await issueToken(client.store, other.id, now)).token;
    const base = `/${org.id}`;
    const userIds = await seedUsers(client, base, token);
    const groupIds = await seedGroups(client, base, token, userIds);
    await seedBulkUsers(client.store, org.id, groupIds.all);
    await created(client, `/${other.id}/Users`, otherToken, userBody('alice@example.org'));
    const paths = [
      ...Object.values(userIds).map((id) => `${base}/Users/${id}`),
      ...Object.values(groupIds).map((id) => `${base}/Groups/${id}`),
      `${base}/Users?startIndex=1&count=20`,
      `${base}/Users?startIndex=1040&count=100`,
      `${base}/Users?filter=${encodeURIComponent('emails[type eq "work"] or userName sw "carol"')}`,
      `${base}/Groups?sortBy=displayName&excludedAttributes=members`,
      `/${other.id}/Users`,
    ];
    return { orgId: org.id, otherOrgId: other.id, token, revokedToken: revoked.token, otherToken, userIds, groupIds, paths };
  } finally {
    await client.close();
  }
}

/** How a sabotaged target misbehaves: fail on the first group insert, or silently drop every token. */
export type Sabotage = 'fail-on-groups' | 'drop-tokens';

const SQLITE_SABOTAGE: Record<Sabotage, string> = {
  'fail-on-groups': "CREATE TRIGGER sabotage BEFORE INSERT ON groups BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END",
  'drop-tokens': 'CREATE TRIGGER sabotage BEFORE INSERT ON tokens BEGIN SELECT RAISE(IGNORE); END',
};

const POSTGRES_SABOTAGE: Record<Sabotage, string> = {
  'fail-on-groups':
    "CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated disk failure'; END $$;" +
    'CREATE TRIGGER sabotage BEFORE INSERT ON groups FOR EACH STATEMENT EXECUTE FUNCTION sabotage()',
  'drop-tokens':
    'CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;' +
    'CREATE TRIGGER sabotage BEFORE INSERT ON tokens FOR EACH ROW EXECUTE FUNCTION sabotage()',
};

/** An empty, migrated target with a trigger that breaks the copy the way `sabotage` says. */
export async function sabotageTarget(url: string, sabotage: Sabotage): Promise<void> {
  const store = openStore(url);
  await store.migrate();
  await store.close();
  if (url.startsWith('sqlite:')) {
    const db = new Database(sqlitePathOf(url));
    db.exec(SQLITE_SABOTAGE[sabotage]);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(POSTGRES_SABOTAGE[sabotage]);
  await client.end();
}
