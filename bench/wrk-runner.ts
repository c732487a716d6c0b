import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one wrk run measured. */
export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Responses outside 2xx/3xx, and socket errors: a scenario with any has failed. */
  readonly errors: number;
}

/** One request shape: method, paths to cycle through, and an optional body template (`%n` = a unique number). */
export interface WrkScenario {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly paths: readonly string[];
  readonly body?: string;
}

const lua = (scenario: WrkScenario, token: string): string => `
local paths = { ${scenario.paths.map((path) => JSON.stringify(path)).join(', ')} }
local body = ${scenario.body === undefined ? 'nil' : JSON.stringify(scenario.body)}
local n = 0
wrk.headers["Authorization"] = "Bearer ${token}"
wrk.headers["Content-Type"] = "application/scim+json"
request = function()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if body == nil then return wrk.format("${scenario.method}", path) end
  local text = string.gsub(body, "%%n", tostring(n) .. "-" .. tostring(os.time()))
  return wrk.format("${scenario.method}", path, nil, text)
end
`;

function milliseconds(text: string): number {
  const match = /([\d.]+)(us|ms|s)/.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

/** Runs wrk (one thread, `connections` connections) for `seconds` against `origin` and parses its report. */
export function runWrk(origin: string, scenario: WrkScenario, token: string, seconds: number, connections: number): WrkResult {
  const script = join(mkdtempSync(join(tmpdir(), 'roster-wrk-')), 'scenario.lua');
  writeFileSync(script, lua(scenario, token));
  const output = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '30s', '--latency', '-s', script, origin], {
    encoding: 'utf8',
    timeout: (seconds + 30) * 1000,
  });
  const line = (pattern: RegExp): string => pattern.exec(output)?.[1] ?? '';
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socket = socketErrors ? socketErrors.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0;
  return {
    requestsPerSecond: Number(line(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: milliseconds(line(/\s50%\s+(\S+)/)),
    p99Ms: milliseconds(line(/\s99%\s+(\S+)/)),
    requests: Number(line(/(\d+) requests in/)),
    errors: Number(line(/Non-2xx or 3xx responses: (\d+)/) || 0) + socket,
  };
}
