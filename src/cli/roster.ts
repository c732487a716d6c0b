import { ConfigError, loadConfig } from '../config/config.js';
import { OperatorError } from '../service/operator-error.js';
import { openStore } from '../store/open-store.js';
import { parseCliArguments, type CliArguments } from './cli-arguments.js';
import { PROCESS_OUTPUT, type CliOutput } from './cli-output.js';
import { USAGE, UsageError } from './cli-usage.js';
import { runMigrateCommand } from './migrate-command.js';
import { runOrgCommand } from './org-commands.js';
import { runTokenCommand } from './token-commands.js';

/** Exit codes: 0 done, 1 the command failed (unknown org, bad setting), 2 the command line is wrong. */
const FAILED = 1;
const USAGE_ERROR = 2;

/** The `roster` command: runs argv (without node and script) and resolves to the process exit code. */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  output: CliOutput = PROCESS_OUTPUT,
): Promise<number> {
  try {
    const args = parseCliArguments(argv);
    if (args.help) {
      output.out(USAGE);
      return 0;
    }
    await run(args, env, output);
    return 0;
  } catch (error) {
    return reportFailure(error, output);
  }
}

async function run(args: CliArguments, env: Readonly<Record<string, string | undefined>>, output: CliOutput): Promise<void> {
  const [group, action, ...extra] = args.command;
  if (group === 'migrate') {
    if (action !== undefined) throw new UsageError(`Unexpected argument '${action}'`);
    return runMigrateCommand(args, output);
  }
  if (group !== 'orgs' && group !== 'tokens') throw new UsageError(group ? `Unknown command '${group}'` : 'No command given');
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'`);
  const config = loadConfig({
    ...env,
    ...(args.databaseUrl === undefined ? {} : { DATABASE_URL: args.databaseUrl }),
    ...(args.publicUrl === undefined ? {} : { PUBLIC_URL: args.publicUrl }),
  });
  const store = openStore(config.databaseUrl);
  try {
    await store.migrate();
    const commandEnv = { store, publicUrl: config.publicUrl, output, args };
    await (group === 'orgs' ? runOrgCommand(action, commandEnv) : runTokenCommand(action, commandEnv));
  } finally {
    await store.close();
  }
}

function reportFailure(error: unknown, output: CliOutput): number {
  if (error instanceof UsageError) {
    output.err(`roster: ${error.message}\nRun 'roster --help' for usage.`);
    return USAGE_ERROR;
  }
  if (error instanceof OperatorError || error instanceof ConfigError) {
    output.err(`roster: ${error.message}`);
    return FAILED;
  }
  output.err(`roster: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  return FAILED;
}
