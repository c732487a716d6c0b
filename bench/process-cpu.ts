import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of the times in /proc (`getconf CLK_TCK`, 100 on Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User plus system CPU time of one thread, in ms, from its /proc stat line. */
function threadCpuMs(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: the fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, the 12th and 13th after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time a process has used so far: its main thread (the event loop) and all its other threads. */
export interface ProcessCpu {
  readonly mainMs: number;
  readonly otherThreadsMs: number;
}

/** The CPU time process `pid` has used so far, from /proc (Linux only, like wrk). */
export function processCpu(pid: number): ProcessCpu {
  let mainMs = 0;
  let otherThreadsMs = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    // A thread that ended between the listing and the read has no stat left to read, and no time to count.
    let ms: number;
    try {
      ms = threadCpuMs(`/proc/${pid}/task/${tid}/stat`);
    } catch {
      continue;
    }
    if (Number(tid) === pid) mainMs += ms;
    else otherThreadsMs += ms;
  }
  return { mainMs, otherThreadsMs };
}

/** Busy and total CPU time of the whole machine so far (all cores), in ticks, from /proc/stat. */
export interface MachineCpu {
  readonly busy: number;
  readonly total: number;
}

export function machineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest times are already counted in user and nice).
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = ticks[3]! + ticks[4]!;
  return { busy: total - idle, total };
}

/** What one load run cost: the server's CPU per request, split by thread, and how busy the machine was. */
export interface CpuPerRequest {
  readonly mainUs: number;
  readonly otherThreadsUs: number;
  readonly machineBusyPercent: number;
}

/** Runs `load` (which returns how many requests it made) and measures the CPU that process `pid` spent on them. */
export function measureCpu<T extends { readonly requests: number }>(pid: number, load: () => T): { result: T; cpu: CpuPerRequest } {
  const processBefore = processCpu(pid);
  const machineBefore = machineCpu();
  const result = load();
  const processAfter = processCpu(pid);
  const machineAfter = machineCpu();
  const perRequest = (ms: number): number => (result.requests > 0 ? (ms * 1000) / result.requests : Number.NaN);
  const total = machineAfter.total - machineBefore.total;
  return {
    result,
    cpu: {
      mainUs: perRequest(processAfter.mainMs - processBefore.mainMs),
      otherThreadsUs: perRequest(processAfter.otherThreadsMs - processBefore.otherThreadsMs),
      machineBusyPercent: total > 0 ? (100 * (machineAfter.busy - machineBefore.busy)) / total : Number.NaN,
    },
  };
}
