import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';

/** A throwaway PostgreSQL server on loopback, for tests and benchmarks. */
export interface PostgresCluster {
  /** A superuser URL of its `postgres` database. */
  readonly url: string;
  stop(): void;
}

/** The folder holding initdb: on PATH, else the newest Debian install (/usr/lib/postgresql/<v>/bin). */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(debian, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The uid/gid to run PostgreSQL as: ourselves, or the `postgres` account when we are root (initdb refuses root). */
function runAs(): { prefix: string[]; uid: number; gid: number } {
  if (userInfo().uid !== 0) return { prefix: [], uid: userInfo().uid, gid: userInfo().gid };
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
}

function run(prefix: readonly string[], command: string, args: readonly string[]): void {
  const [program, ...rest] = [...prefix, command, ...args] as [string, ...string[]];
  const result = spawnSync(program, rest, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
  }
}

/**
 * initdb + pg_ctl in a temp folder on a free loopback port, tuned for throwaway data (no fsync). Trust auth
 * on loopback only; the socket lives in the temp folder.
 */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'roster-pg-'));
  const user = runAs();
  chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  run(user.prefix, join(bin, 'initdb'), ['-D', data, '-U', 'roster', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  run(user.prefix, join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://roster@127.0.0.1:${port}/postgres`,
    stop() {
      const [program, ...args] = [...user.prefix, join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
      spawnSync(program!, args);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
