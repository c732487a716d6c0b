import { parseArgs } from 'node:util';
import { UsageError } from './cli-usage.js';

/** A parsed command line: the command words and the options given. */
export interface CliArguments {
  readonly command: readonly string[];
  readonly name?: string;
  readonly org?: string;
  readonly id?: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly databaseUrl?: string;
  readonly publicUrl?: string;
  /** `roster migrate`: the database to copy from and the empty one to copy into. */
  readonly from?: string;
  readonly to?: string;
}

/** Parses argv (without node and the script) strictly: an unknown option is a UsageError. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        org: { type: 'string' },
        id: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'database-url': { type: 'string' },
        'public-url': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  return {
    command: positionals,
    json: values.json,
    help: values.help,
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(values.org === undefined ? {} : { org: values.org }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values['database-url'] === undefined ? {} : { databaseUrl: values['database-url'] }),
    ...(values['public-url'] === undefined ? {} : { publicUrl: values['public-url'] }),
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.to === undefined ? {} : { to: values.to }),
  };
}

/** The value of a required option, or a UsageError naming it. */
export function requiredOption(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value.trim();
}
