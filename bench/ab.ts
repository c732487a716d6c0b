import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open-store.js';
import { loadBenchData } from './bench-data.js';
import { freePort, serverNodeFlags, startProcess, stopProcess } from './bench-processes.js';
import { measureCpu } from './process-cpu.js';
import { SORTED_PAGING_BY, memberBatches, pageThroughAllUsers, wrkScenarios } from './bench-scenarios.js';
import { runWrk } from './wrk-runner.js';

/**
 * Two builds side by side: this checkout ("after") and another, built, checkout ("before", `--before DIR`, e.g. a
 * `git worktree` of the commit to compare with), each server in its own process on loopback at the same time,
 * scenarios alternated round by round (before first in even rounds, after first in odd ones). On a VM whose speed
 * drifts from minute to minute, only figures taken this way tell a change from the weather.
 *
 * SQLite: each server gets its own copy of one database file loaded once. PostgreSQL: both share one database,
 * loaded and migrated by this checkout (so the other build reads a schema it may not know all of; compare reads
 * and writes the two builds agree on).
 */
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    backend: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
    users: { type: 'string', default: '100000' },
    scenario: { type: 'string', multiple: true, default: ['get-user-by-id', 'filter-userName-eq', 'page-all-users'] },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
  },
});
const before = values.before === undefined ? undefined : resolve(values.before);
if (before === undefined || !existsSync(join(before, 'dist/main.js'))) {
  throw new Error('--before DIR must name another checkout with a build (npm run build there first)');
}
const users = Number(values.users);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const dir = mkdtempSync(join(tmpdir(), 'roster-ab-'));
const loadUrl = values.backend === 'sqlite' ? `sqlite:${join(dir, 'after.db')}` : values['database-url'];
if (loadUrl === undefined) throw new Error('--backend postgres needs --database-url postgres://… (an empty database)');

console.log(`Loading ${users} users into ${values.backend} (not timed)…`);
const store = openStore(loadUrl);
await store.migrate();
const data = await loadBenchData(store, users, 1000, [0, 10_000, 100_000]);
await store.close();
const beforeUrl = values.backend === 'sqlite' ? `sqlite:${join(dir, 'before.db')}` : loadUrl;
if (values.backend === 'sqlite') copyFileSync(join(dir, 'after.db'), join(dir, 'before.db'));

const builds = [
  { name: 'before', root: before, url: beforeUrl },
  { name: 'after', root: resolve('.'), url: loadUrl },
];
const servers = new Map<string, { origin: string; child: ChildProcess }>();
try {
  for (const build of builds) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: build.url, PUBLIC_URL: origin, LOG_LEVEL: 'warn' };
    servers.set(build.name, { origin, child: await startProcess(join(build.root, 'dist/main.js'), env, `${origin}/scim/v2/none/Users`, serverNodeFlags()) });
  }
  const scenarios = wrkScenarios(data, users);
  /** One run of `scenario` against `origin`, as the figure the table shows. */
  const measure = async (scenario: string, { origin, child }: { origin: string; child: ChildProcess }): Promise<string> => {
    if (scenario === 'page-all-users') return `${((await pageThroughAllUsers(origin, data)).totalMs / 1000).toFixed(2)} s`;
    if (scenario === 'page-all-users-sorted') return `${((await pageThroughAllUsers(origin, data, SORTED_PAGING_BY)).totalMs / 1000).toFixed(2)} s`;
    if (scenario === 'member-batches') {
      const batches = await memberBatches(origin, data, data.groups.get(100_000)!, 10);
      return `${batches.add.medianMs.toFixed(2)}/${batches.remove.medianMs.toFixed(2)}`;
    }
    // A wrk scenario by its name or the name's first word (`authenticated-no-op: GET /ServiceProviderConfig`).
    const wrk = scenarios.get(scenario) ?? [...scenarios].find(([name]) => name.split(':')[0] === scenario)?.[1];
    if (wrk === undefined) throw new Error(`No scenario '${scenario}': ${[...scenarios.keys(), 'page-all-users', 'page-all-users-sorted', 'member-batches'].join(', ')}`);
    const { result, cpu } = measureCpu(child.pid!, () => runWrk(origin, wrk, data.token, seconds, 16));
    if (result.errors > 0) throw new Error(`${scenario}: ${result.errors} errors in ${result.requests} requests`);
    const cpuUs = `${Math.round(cpu.mainUs)}+${Math.round(cpu.otherThreadsUs)} µs`;
    return `${Math.round(result.requestsPerSecond)}/s (p99 ${result.p99Ms.toFixed(1)} ms, ${cpuUs})`;
  };
  const figures = new Map<string, string[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const scenario of values.scenario) {
      for (const name of round % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
        const key = `${scenario}\u0000${name}`;
        figures.set(key, [...(figures.get(key) ?? []), await measure(scenario, servers.get(name)!)]);
      }
    }
  }
  console.log(`\nA/B, ${values.backend}, ${users} users, ${rounds} alternated rounds, ${new Date().toISOString()}; before = ${before}`);
  console.log('wrk scenarios: req/s (p99, server CPU per request: event loop + other threads)');
  console.log('| scenario | before | after |');
  console.log('| --- | --- | --- |');
  for (const scenario of values.scenario) {
    const runs = (name: string): string => (figures.get(`${scenario}\u0000${name}`) ?? []).join(' / ');
    const label = scenario === 'member-batches' ? 'member-batches (add/remove median ms, the largest group)' : scenario;
    console.log(`| ${label} | ${runs('before')} | ${runs('after')} |`);
  }
} finally {
  for (const server of servers.values()) await stopProcess(server.child);
  rmSync(dir, { recursive: true, force: true });
}
