import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open-store.js';
import { loadBenchData } from './bench-data.js';
import { serverNodeFlags } from './bench-processes.js';
import { OPERATIONS, type OperationData } from './instruction-count-operations.js';

/**
 * Instructions per operation under valgrind's callgrind, which counts the same for the same code whatever else
 * this noisy machine is doing: each operation runs at two counts in a fresh process and the difference is
 * divided by the extra operations, so start-up and warm-up cancel out. System calls and cache misses are not
 * counted: this tells what code changes do to the CPU work, wrk tells what a client sees.
 * Usage: npm run bench:instructions -- [--users N] [--operation NAME]   (needs `apt-get install -y valgrind`)
 */
const { values } = parseArgs({
  options: { users: { type: 'string', default: '100000' }, operation: { type: 'string' } },
});
const users = Number(values.users);
const dir = mkdtempSync(join(tmpdir(), 'roster-instructions-'));
try {
  execFileSync('valgrind', ['--version']);
} catch {
  throw new Error('valgrind is not installed: apt-get install -y valgrind');
}

/** Instructions callgrind counted for `count` runs of `operation` in a fresh node process. */
function instructions(dataFile: string, operation: string, count: number): number {
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...serverNodeFlags(),
      '.bench-out/bench/instruction-count-child.js', dataFile, operation, String(count)],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const collected = /Collected : (\d+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || collected === undefined) throw new Error(`${operation} × ${count} failed:\n${run.stderr.slice(-2000)}`);
  return Number(collected);
}

try {
  console.log(`Loading ${users} users (not counted)…`);
  const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
  const store = openStore(databaseUrl);
  await store.migrate();
  const loaded = await loadBenchData(store, users, 1000, [0, 10_000, 100_000]);
  await store.close();
  const step = Math.max(1, Math.floor(users / 1000));
  const sample = Array.from({ length: Math.min(1000, users) }, (_, k) => ({ id: loaded.userIds[k * step]!, i: k * step }));
  const data: OperationData = { databaseUrl, orgId: loaded.orgId, userCount: users, users: sample };
  const dataFile = join(dir, 'data.json');
  writeFileSync(dataFile, JSON.stringify(data));
  console.log(`\nRoster sqlite, ${users} users, instructions per operation (callgrind), ${new Date().toISOString()}`);
  console.log('| operation | instructions |');
  console.log('| --- | ---: |');
  for (const operation of OPERATIONS) {
    if (values.operation !== undefined && !operation.includes(values.operation)) continue;
    const [low, high] = operation.startsWith('page') ? [20, 120] : [500, 2500];
    const perOperation = (instructions(dataFile, operation, high) - instructions(dataFile, operation, low)) / (high - low);
    console.log(`| ${operation} | ${Math.round(perOperation).toLocaleString('en-US')} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
