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

Options:
  --json                  Print JSON instead of text
  --database-url <url>    Database to use (default: $DATABASE_URL or sqlite:./data/roster.db)
  --public-url <url>      Public base URL for SCIM URLs (default: $PUBLIC_URL or http://localhost:$PORT)
  -h, --help              Show this help
`;
