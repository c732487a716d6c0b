import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open-store.js';
import { loadBenchData } from './bench-data.js';
import { freePort, peakRssMb, serverNodeFlags, startProcess, stopProcess } from './bench-processes.js';
import { measureCpu, type CpuPerRequest } from './process-cpu.js';
import { SORTED_PAGING_BY, memberBatches, pageThroughAllUsers, wrkScenarios } from './bench-scenarios.js';
import { runWrk, type WrkResult } from './wrk-runner.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'sqlite' },
    users: { type: 'string', default: '10000' },
    scenario: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    'database-url': { type: 'string' },
    'cpu-prof': { type: 'string' },
    managers: { type: 'boolean', default: false },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!Number.isInteger(users) || users < 200) throw new Error('--users must be an integer of at least 200');

const dir = mkdtempSync(join(tmpdir(), 'roster-bench-'));
const databaseUrl = values['database-url'] ?? (values.backend === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : '');
if (!databaseUrl) throw new Error('--backend postgres needs --database-url postgres://…');

const rows: string[] = [];
const failures: string[] = [];
const row = (cells: readonly (string | number)[]): void => {
  rows.push(`| ${cells.join(' | ')} |`);
};
const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');

console.log(`Loading ${users} users${values.managers ? ' with managers' : ''} into ${values.backend} (not timed)…`);
const loadStarted = performance.now();
const store = openStore(databaseUrl);
await store.migrate();
const data = await loadBenchData(store, users, 1000, [0, 10_000, 100_000], values.managers);
await store.close();
console.log(`Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

const scenarios = wrkScenarios(data, users);
// --scenario NAME runs the one scenario of that name, else every scenario whose name contains NAME.
const names = [...scenarios.keys(), 'page-all-users', 'page-all-users-sorted', 'member-batches'];
const only = values.scenario;
const wanted = (name: string): boolean => only === undefined || (names.includes(only) ? name === only : name.includes(only));

const basePort = await freePort();
const baseline = await startProcess('.bench-out/bench/baseline-server.js', { PORT: String(basePort) }, `http://127.0.0.1:${basePort}/baseline/x`);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const profileDir = values['cpu-prof'];
const server = await startProcess(
  'dist/main.js',
  { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PUBLIC_URL: origin, LOG_LEVEL: 'warn' },
  `${origin}/scim/v2/none/Users`,
  [...serverNodeFlags(), ...(profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir])],
);

try {
  const rssAtStart = peakRssMb(server);
  // What a request costs in CPU, beside what it achieves: on a machine whose cores the load generator shares,
  // the ratio to the baseline follows from these (docs/performance.md, "How it is measured").
  const cpuCells = (cpu: CpuPerRequest): string[] => [`${fmt(cpu.mainUs, 0)} + ${fmt(cpu.otherThreadsUs, 0)}`, fmt(cpu.machineBusyPercent, 0)];
  const baseRun = measureCpu(baseline.pid!, () =>
    runWrk(`http://127.0.0.1:${basePort}`, { method: 'GET', paths: ['/baseline/x'] }, 'none', seconds, connections),
  );
  const base = baseRun.result;
  row(['baseline: bare Fastify, 600-byte JSON', fmt(base.requestsPerSecond, 0), fmt(base.p50Ms, 2), fmt(base.p99Ms, 2), '1.00', ...cpuCells(baseRun.cpu), '—']);
  const record = (name: string, result: WrkResult, cpu: CpuPerRequest): void => {
    if (result.errors > 0 || result.requests === 0) failures.push(`${name}: ${result.errors} errors in ${result.requests} requests`);
    const ratio = fmt(result.requestsPerSecond / base.requestsPerSecond, 2);
    row([name, fmt(result.requestsPerSecond, 0), fmt(result.p50Ms, 2), fmt(result.p99Ms, 2), ratio, ...cpuCells(cpu), peakRssMb(server)]);
  };
  const runWrkScenarios = (reads: boolean): void => {
    for (const [name, scenario] of scenarios) {
      if ((scenario.method === 'GET') !== reads || !wanted(name)) continue;
      const { result, cpu } = measureCpu(server.pid!, () => runWrk(origin, scenario, data.token, seconds, connections));
      record(name, result, cpu);
    }
  };
  runWrkScenarios(true);
  // Before the write scenarios, which create users: paging reads exactly the users loaded.
  for (const [name, sortBy] of [['page-all-users', undefined], ['page-all-users-sorted', SORTED_PAGING_BY]] as const) {
    if (!wanted(name)) continue;
    const paging = await pageThroughAllUsers(origin, data, sortBy);
    const label = `${name}: ${paging.requests} pages of 100, total ${fmt(paging.totalMs / 1000, 2)} s (+ ${fmt(paging.parseMs / 1000, 2)} s client decoding and JSON.parse)`;
    row([label, '—', fmt(paging.medianMs, 2), fmt(paging.p99Ms, 2), '—', '—', '—', peakRssMb(server)]);
  }
  runWrkScenarios(false);
  for (const [size, groupId] of data.groups) {
    const label = `group of ${Math.min(size, users)} members`;
    if (!wanted('member-batches')) continue;
    const batches = await memberBatches(origin, data, groupId, 10);
    row([`add 100 members, ${label} (10 batches)`, '—', fmt(batches.add.medianMs, 2), fmt(batches.add.p99Ms, 2), '—', '—', '—', '—']);
    const removeCells = [fmt(batches.remove.medianMs, 2), fmt(batches.remove.p99Ms, 2)];
    row([`remove 100 members, ${label} (10 batches)`, '—', ...removeCells, '—', '—', '—', peakRssMb(server)]);
  }
  const rss = peakRssMb(server);
  console.log(`\nRoster ${values.backend}, ${users} users${values.managers ? ' with managers' : ''}, wrk -t1 -c${connections} -d${seconds}s, ${new Date().toISOString()}`);
  console.log(
    '| scenario | req/s | p50 ms | p99 ms | ratio to baseline | server CPU µs per request: event loop + other threads | machine CPU busy, % | server peak RSS so far, MB |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const line of rows) console.log(line);
  console.log(`\nServer peak RSS: ${rss} MB (${rssAtStart} MB once started, before any request)`);
} finally {
  await stopProcess(server);
  await stopProcess(baseline);
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\nScenarios with errors:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
