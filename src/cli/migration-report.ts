import type { CliOutput } from './cli-output.js';
import { printJson } from './cli-output.js';
import { COUNTED_KINDS, type MigrationCounts } from './migration-counts.js';

/** The databases a migration ran between, as shown to the operator (passwords masked). */
export interface MigrationEnds {
  readonly from: string;
  readonly to: string;
}

/** `url` with its password masked, so reports and errors can be pasted into a ticket. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

function printText(output: CliOutput, ends: MigrationEnds, result: MigrationCounts): void {
  output.out(`Copied ${result.counts.length} organization(s) from ${ends.from} to ${ends.to}.`);
  const orgs = result.organizations;
  if (orgs.source !== orgs.target) output.out(`Organizations: ${orgs.source} in the source, ${orgs.target} in the target  <- differs`);
  for (const org of result.counts) {
    output.out(`\n${org.id}  ${org.name}`);
    output.out(`  ${'kind'.padEnd(12)}${pad('source', 10)}${pad('target', 10)}`);
    for (const kind of COUNTED_KINDS) {
      const differs = org.source[kind] === org.target[kind] ? '' : '  <- differs';
      output.out(`  ${kind.padEnd(12)}${pad(org.source[kind], 10)}${pad(org.target[kind], 10)}${differs}`);
    }
  }
  output.out(result.matches ? '\nAll counts match.' : '\nCounts differ: see the lines marked above.');
}

/** Prints what was copied and every count on both sides: a table, or with `json` one machine-readable object. */
export function printMigrationReport(output: CliOutput, ends: MigrationEnds, result: MigrationCounts, json: boolean): void {
  if (json) printJson(output, { ...ends, ...result });
  else printText(output, ends, result);
}
