import type { SchemaDefinition } from './attribute-definition.js';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema.js';
import { GROUP_SCHEMA } from './group-schema.js';
import { TEAMS_USER_SCHEMA } from './teams-user-schema.js';
import { USER_SCHEMA } from './user-schema.js';

export type ResourceTypeName = 'User' | 'Group';

/** A resource type (RFC 7643 §6): its endpoint, core schema and extensions. */
export interface ResourceType {
  readonly id: ResourceTypeName;
  readonly name: ResourceTypeName;
  readonly endpoint: '/Users' | '/Groups';
  readonly description: string;
  readonly schema: SchemaDefinition;
  readonly extensions: readonly { readonly schema: SchemaDefinition; readonly required: boolean }[];
}

export const USER_RESOURCE_TYPE: ResourceType = {
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: USER_SCHEMA,
  extensions: [
    { schema: ENTERPRISE_USER_SCHEMA, required: false },
    { schema: TEAMS_USER_SCHEMA, required: false },
  ],
};

export const GROUP_RESOURCE_TYPE: ResourceType = {
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: GROUP_SCHEMA,
  extensions: [],
};

export const RESOURCE_TYPES: readonly ResourceType[] = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];

/** Every schema this server publishes at `/Schemas`. */
export const ALL_SCHEMAS: readonly SchemaDefinition[] = [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA, TEAMS_USER_SCHEMA];

/** The resource type served at `/<segment>`, matched case-insensitively (`users` finds `/Users`). */
export function resourceTypeForSegment(segment: string): ResourceType | undefined {
  const wanted = `/${segment}`.toLowerCase();
  return RESOURCE_TYPES.find((type) => type.endpoint.toLowerCase() === wanted);
}

/** The core schema and extension schemas of a resource type, core first. */
export function schemasOf(type: ResourceType): readonly SchemaDefinition[] {
  return [type.schema, ...type.extensions.map((ext) => ext.schema)];
}
