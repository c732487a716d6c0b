import { existsSync } from 'node:fs';
import { OperatorError } from '../service/operator-error.js';
import { openStore } from '../store/open-store.js';
import { sqlitePathOf } from '../store/sqlite/sqlite-database.js';
import type { Organization, Store } from '../store/store.js';
import { requiredOption, type CliArguments } from './cli-arguments.js';
import type { CliOutput } from './cli-output.js';
import { UsageError } from './cli-usage.js';
import { copyDeployment, PartialCopyError } from './deployment-copy.js';
import { compareCounts } from './migration-counts.js';
import { displayUrl, printMigrationReport, type MigrationEnds } from './migration-report.js';

/** What to do with a target that is not empty, or was left partial: the copy never merges. */
const RETRY_HINT =
  'Drop and recreate the target database (for SQLite, delete the file; for PostgreSQL, DROP DATABASE and ' +
  'CREATE DATABASE, or DROP SCHEMA … CASCADE), then run roster migrate again.';

/** The store for the URL given with `flag`; an unsupported URL is a usage error naming the flag. */
function openStoreOf(url: string, flag: string): Store {
  try {
    return openStore(url);
  } catch (error) {
    throw new UsageError(`${flag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A source that names a SQLite file must name one that exists: opening it would create an empty one. */
function checkSourceExists(url: string): void {
  if (!url.startsWith('sqlite:')) return;
  const path = sqlitePathOf(url);
  if (path !== ':memory:' && !existsSync(path)) throw new OperatorError(`No SQLite database at ${path} (--from ${url})`);
}

/** Refuses a source with nothing to copy and a target that already holds organizations. */
async function checkEnds(source: Store, target: Store): Promise<void> {
  if ((await source.listOrganizations()).length === 0) {
    throw new OperatorError('The source holds no organizations: nothing to migrate (does --from name the right database?)');
  }
  const existing = (await target.listOrganizations()).length;
  if (existing > 0) {
    throw new OperatorError(
      `The target already holds ${existing} organization(s): roster migrate only copies into an empty database, ` +
        `it never merges or overwrites. If an earlier roster migrate failed part-way, this is its partial copy. ${RETRY_HINT}`,
    );
  }
}

/** Copies everything; a failure part-way becomes an OperatorError saying the target is partial and how to retry. */
async function copyOrExplain(source: Store, target: Store, announce?: (org: Organization) => void): Promise<Organization[]> {
  try {
    return await copyDeployment(source, target, announce);
  } catch (error) {
    if (!(error instanceof PartialCopyError)) throw error;
    throw new OperatorError(`migrate stopped: ${error.message}. The target now holds a partial copy. ${RETRY_HINT}`);
  }
}

async function migrate(source: Store, target: Store, ends: MigrationEnds, args: CliArguments, output: CliOutput): Promise<void> {
  await source.migrate();
  await target.migrate();
  await checkEnds(source, target);
  const announce = (org: Organization): void => output.out(`Copying ${org.id}  ${org.name} …`);
  const orgs = await copyOrExplain(source, target, args.json ? undefined : announce);
  const result = await compareCounts(source, target, orgs);
  printMigrationReport(output, ends, result, args.json);
  if (!result.matches) throw new OperatorError('Counts differ between the source and the target (see the report).');
}

/**
 * `roster migrate --from <url> --to <url>`: copies a whole deployment into an empty database (typically SQLite to
 * PostgreSQL), then compares counts per organization on both sides. Fails with exit code 1 when they differ.
 */
export async function runMigrateCommand(args: CliArguments, output: CliOutput): Promise<void> {
  const from = requiredOption(args.from, '--from');
  const to = requiredOption(args.to, '--to');
  if (from === to) throw new UsageError('--from and --to name the same database');
  checkSourceExists(from);
  const source = openStoreOf(from, '--from');
  try {
    const target = openStoreOf(to, '--to');
    try {
      await migrate(source, target, { from: displayUrl(from), to: displayUrl(to) }, args, output);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
