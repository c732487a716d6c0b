import { str, type SchemaDefinition } from './attribute-definition.js';
import { URN } from './schema-urns.js';

/** Roster's Teams extension: the teams a user belongs to in the host app, as plain names. */
export const TEAMS_USER_SCHEMA: SchemaDefinition = {
  id: URN.teamsUser,
  name: 'TeamsUser',
  description: 'Teams the user belongs to',
  attributes: [str('teams', { multiValued: true, description: 'Team names' })],
};
