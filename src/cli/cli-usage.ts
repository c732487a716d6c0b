/** A command line the CLI cannot run: shown with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `roster --help`. */
export const USAGE = `Usage: roster <command> [options]

Administer the Roster SCIM server's organizations and bearer tokens. Works while the server runs,
on the same database (DATABASE_URL, default sqlite:./data/roster.db).

Commands:
  orgs create --name <name>              Create an organization; prints its id and SCIM base URL
  orgs list                              List organizations
  tokens create --org <orgId>            Issue a bearer token (the token is shown only this once)
  tokens list --org <orgId>              List an organization's tokens (never their secrets)
  tokens revoke --org <orgId> --id <id>  Revoke a token
  migrate --from <url> --to <url>        Copy every organization, token, user, group and membership
                                         into an empty database (e.g. SQLite to PostgreSQL), then
                                         compare counts per organization on both sides

Options:
  --json                  Print JSON instead of text
  --database-url <url>    Database to use (default: $DATABASE_URL or sqlite:./data/roster.db)
  --public-url <url>      Public base URL for SCIM URLs (default: $PUBLIC_URL or http://localhost:$PORT)
  --from <url>            migrate: the database to copy (sqlite:./data/roster.db, postgres://…)
  --to <url>              migrate: the empty database to copy into
  -h, --help              Show this help
`;
