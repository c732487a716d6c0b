import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/test-database.js';
import { REPO_ROOT, runCli } from './cli-runner.js';

let dir: string;
let server: ChildProcess;
let env: Record<string, string>;
let baseLog = '';

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once the server's log says it listens. */
function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${baseLog}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      baseLog += chunk.toString();
      if (baseLog.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (baseLog += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${baseLog}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  const port = await freePort();
  env = { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: await testDatabaseUrl(dir), PUBLIC_URL: '' };
  server = spawn(process.execPath, ['dist/main.js'], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
  await waitForListening(server);
});

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
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
    expect(baseLog).toMatch(/listening/i);
    expect(baseLog).not.toMatch(/rst_[0-9a-f]+_/);
  });
});
