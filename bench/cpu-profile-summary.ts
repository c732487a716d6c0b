import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Summarises a V8 `.cpuprofile` (from `npm run bench -- --cpu-prof DIR`): the functions with the most self time
 * and the source files with the most self time, and the server's own functions (dist/) with the most total time
 * (self plus callees), as shares of the busy (non-idle) samples.
 * Usage: node .bench-out/bench/cpu-profile-summary.js <file.cpuprofile | dir (newest profile)> [top N]
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Samples where the process waited rather than ran JavaScript or collected garbage. */
const IDLE = new Set(['(idle)', '(program)']);

function newestProfile(path: string): string {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path).filter((name) => name.endsWith('.cpuprofile'));
  const newest = files.map((name) => join(path, name)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error(`No .cpuprofile in ${path}`);
  return newest;
}

/** The file a frame belongs to, shortened to what follows node_modules/ or the repository's dist/. */
function fileOf(url: string): string {
  const trimmed = url.replace(/^file:\/\//, '');
  const module = /node_modules\/(.*)$/.exec(trimmed)?.[1];
  if (module !== undefined) return module;
  const own = /\/(dist\/.*)$/.exec(trimmed)?.[1];
  return own ?? (trimmed === '' ? '(native)' : trimmed);
}

function top(totals: Map<string, number>, busy: number, n: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}

const [target, topArg] = process.argv.slice(2);
if (target === undefined) throw new Error('usage: cpu-profile-summary <file.cpuprofile | dir> [top N]');
const file = newestProfile(target);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const byFunction = new Map<string, number>();
const ownTotal = new Map<string, number>();
const byFile = new Map<string, number>();
let busy = 0;
let idle = 0;
profile.samples.forEach((id, index) => {
  const frame = byId.get(id)?.callFrame;
  const micros = profile.timeDeltas[index] ?? 0;
  if (!frame || IDLE.has(frame.functionName)) {
    idle += micros;
    return;
  }
  busy += micros;
  const source = fileOf(frame.url);
  const name = `${frame.functionName || '(anonymous)'} ${source}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  byFile.set(source, (byFile.get(source) ?? 0) + micros);
  const onStack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const caller = byId.get(at)?.callFrame;
    if (caller?.url.includes('/dist/')) onStack.add(`${caller.functionName || '(anonymous)'} ${fileOf(caller.url)}:${caller.lineNumber + 1}`);
  }
  for (const name of onStack) ownTotal.set(name, (ownTotal.get(name) ?? 0) + micros);
});
const n = Number(topArg ?? 25);
console.log(`${file}\nbusy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms\n\nSelf time by function:`);
console.log(top(byFunction, busy, n).join('\n'));
console.log('\nSelf time by file:');
console.log(top(byFile, busy, n).join('\n'));
console.log('\nTotal time (self and callees) of the server\'s own functions:');
console.log(top(ownTotal, busy, n).join('\n'));
