import { randomUUID } from 'node:crypto';
import { createOrganization, listOrganizations } from '../service/organization-service.js';
import { requiredOption } from './cli-arguments.js';
import type { CliEnvironment } from './cli-environment.js';
import { printJson } from './cli-output.js';
import { UsageError } from './cli-usage.js';

/** `roster orgs create|list`. */
export async function runOrgCommand(action: string | undefined, env: CliEnvironment): Promise<void> {
  switch (action) {
    case 'create':
      return createOrg(env);
    case 'list':
      return listOrgs(env);
    default:
      throw new UsageError(`Unknown command 'orgs ${action ?? ''}': use 'orgs create' or 'orgs list'`);
  }
}

async function createOrg({ store, publicUrl, output, args }: CliEnvironment): Promise<void> {
  const name = requiredOption(args.name, '--name');
  const org = await createOrganization(store, { name, id: randomUUID(), now: new Date().toISOString() }, publicUrl);
  if (args.json) {
    printJson(output, { id: org.id, name: org.name, scimBaseUrl: org.scimBaseUrl });
    return;
  }
  output.out(`Created organization '${org.name}'`);
  output.out(`  id:            ${org.id}`);
  output.out(`  SCIM base URL: ${org.scimBaseUrl}`);
  output.out(`Next: roster tokens create --org ${org.id}`);
}

async function listOrgs({ store, publicUrl, output, args }: CliEnvironment): Promise<void> {
  const orgs = await listOrganizations(store, publicUrl);
  if (args.json) {
    printJson(output, orgs);
    return;
  }
  if (orgs.length === 0) output.out("No organizations yet: create one with roster orgs create --name '<name>'");
  for (const org of orgs) output.out(`${org.id}  ${org.name}  ${org.scimBaseUrl}`);
}
