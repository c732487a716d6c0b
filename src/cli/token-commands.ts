import { issueToken, listTokens, revokeToken } from '../service/token-service.js';
import { requiredOption } from './cli-arguments.js';
import type { CliEnvironment } from './cli-environment.js';
import { printJson } from './cli-output.js';
import { UsageError } from './cli-usage.js';

/** `roster tokens create|list|revoke --org <orgId>`. */
export async function runTokenCommand(action: string | undefined, env: CliEnvironment): Promise<void> {
  switch (action) {
    case 'create':
      return createToken(env);
    case 'list':
      return listOrgTokens(env);
    case 'revoke':
      return revokeOrgToken(env);
    default:
      throw new UsageError(`Unknown command 'tokens ${action ?? ''}': use 'tokens create', 'tokens list' or 'tokens revoke'`);
  }
}

async function createToken({ store, output, args }: CliEnvironment): Promise<void> {
  const orgId = requiredOption(args.org, '--org');
  const issued = await issueToken(store, orgId, new Date().toISOString());
  if (args.json) {
    printJson(output, issued);
    return;
  }
  output.out(`Created token ${issued.id} for organization ${orgId}.`);
  output.out('Copy it now: it is shown only once.');
  output.out(`  Authorization: Bearer ${issued.token}`);
}

async function listOrgTokens({ store, output, args }: CliEnvironment): Promise<void> {
  const tokens = await listTokens(store, requiredOption(args.org, '--org'));
  if (args.json) {
    printJson(output, tokens);
    return;
  }
  if (tokens.length === 0) output.out('No tokens.');
  for (const token of tokens) {
    output.out(`${token.id}  created ${token.createdAt}  ${token.revokedAt ? `revoked ${token.revokedAt}` : 'active'}`);
  }
}

async function revokeOrgToken({ store, output, args }: CliEnvironment): Promise<void> {
  const orgId = requiredOption(args.org, '--org');
  const tokenId = requiredOption(args.id, '--id');
  await revokeToken(store, orgId, tokenId, new Date().toISOString());
  if (args.json) printJson(output, { id: tokenId, revoked: true });
  else output.out(`Revoked token ${tokenId}.`);
}
