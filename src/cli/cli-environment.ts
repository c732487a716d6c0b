import type { Store } from '../store/store.js';
import type { CliArguments } from './cli-arguments.js';
import type { CliOutput } from './cli-output.js';

/** What a CLI command runs with. */
export interface CliEnvironment {
  readonly store: Store;
  readonly publicUrl: string;
  readonly output: CliOutput;
  readonly args: CliArguments;
}
