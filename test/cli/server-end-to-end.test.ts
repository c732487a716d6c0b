import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/test-database.js';
import { runCli } from './cli-runner.js';
import { startServer, type ServerProcess } from './server-process.js';

let dir: string;
let server: ServerProcess;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  env = { DATABASE_URL: await testDatabaseUrl(dir), PUBLIC_URL: '' };
  server = await startServer(env);
  env['PORT'] = String(server.port);
});

afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the real server with the CLI alongside', () => {
  it('serves SCIM over HTTP to a token the CLI created while it runs', async () => {
    const org = JSON.parse((await runCli(['orgs', 'create', '--name', 'E2E', '--json'], env)).stdout) as { id: string; scimBaseUrl: string };
    expect(org.scimBaseUrl).toBe(`http://localhost:${env['PORT']}/scim/v2/${org.id}`);
    const issued = JSON.parse((await runCli(['tokens', 'create', '--org', org.id, '--json'], env)).stdout) as { id: string; token: string };
    const base = `http://127.0.0.1:${env['PORT']}/scim/v2/${org.id}`;
    const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/scim+json' };

    const created = await fetch(`${base}/Users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'e2e@example.com' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/scim+json; charset=utf-8');
    const user = (await created.json()) as { id: string };
    expect(created.headers.get('location')).toBe(`${org.scimBaseUrl}/Users/${user.id}`);

    const found = await fetch(`${base}/Users?filter=${encodeURIComponent('userName eq "E2E@example.com"')}`, { headers });
    expect(((await found.json()) as { totalResults: number }).totalResults).toBe(1);

    const patched = await fetch(`${base}/Users/${user.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { active: boolean }).active).toBe(false);

    await runCli(['tokens', 'revoke', '--org', org.id, '--id', issued.id], env);
    const refused = await fetch(`${base}/Users`, { headers });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('logs the listening URL and never the token', () => {
    expect(server.log()).toMatch(/listening/i);
    expect(server.log()).not.toMatch(/rst_[0-9a-f]+_/);
  });
});
