/** Where the CLI writes: stdout for results, stderr for errors (injected so tests can capture both). */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own streams. */
export const PROCESS_OUTPUT: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Prints `value` as indented JSON on stdout. */
export function printJson(output: CliOutput, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}
