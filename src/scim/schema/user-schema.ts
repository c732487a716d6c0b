import {
  attribute,
  complex,
  multiValuedSubAttributes,
  str,
  type SchemaDefinition,
} from './attribute-definition.js';
import { URN } from './schema-urns.js';

/** RFC 7643 §4.1 / §8.7.1: the core User schema, every attribute. */
export const USER_SCHEMA: SchemaDefinition = {
  id: URN.user,
  name: 'User',
  description: 'User Account',
  attributes: [
    str('userName', { required: true, uniqueness: 'server', description: 'Unique identifier for the User, case-insensitive' }),
    complex('name', [
      str('formatted'),
      str('familyName'),
      str('givenName'),
      str('middleName'),
      str('honorificPrefix'),
      str('honorificSuffix'),
    ]),
    str('displayName'),
    str('nickName'),
    attribute('profileUrl', 'reference', { referenceTypes: ['external'] }),
    str('title'),
    str('userType'),
    str('preferredLanguage'),
    str('locale'),
    str('timezone'),
    attribute('active', 'boolean'),
    str('password', { mutability: 'writeOnly', returned: 'never', description: 'Never returned; stored only as a hash' }),
    complex('emails', multiValuedSubAttributes('string', ['work', 'home', 'other']), { multiValued: true }),
    complex('phoneNumbers', multiValuedSubAttributes('string', ['work', 'home', 'mobile', 'fax', 'pager', 'other']), {
      multiValued: true,
    }),
    complex('ims', multiValuedSubAttributes('string', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']), {
      multiValued: true,
    }),
    complex('photos', multiValuedSubAttributes('reference', ['photo', 'thumbnail'], { referenceTypes: ['external'] }), {
      multiValued: true,
    }),
    complex(
      'addresses',
      [
        str('formatted'),
        str('streetAddress'),
        str('locality'),
        str('region'),
        str('postalCode'),
        str('country'),
        str('type', { canonicalValues: ['work', 'home', 'other'] }),
        attribute('primary', 'boolean'),
      ],
      { multiValued: true },
    ),
    complex(
      'groups',
      [
        str('value', { mutability: 'readOnly' }),
        attribute('$ref', 'reference', { mutability: 'readOnly', referenceTypes: ['User', 'Group'] }),
        str('display', { mutability: 'readOnly' }),
        str('type', { mutability: 'readOnly', canonicalValues: ['direct', 'indirect'] }),
      ],
      { multiValued: true, mutability: 'readOnly', description: 'Derived from group memberships; read-only' },
    ),
    complex('entitlements', multiValuedSubAttributes('string', []), { multiValued: true }),
    complex('roles', multiValuedSubAttributes('string', []), { multiValued: true }),
    complex('x509Certificates', multiValuedSubAttributes('binary', []), { multiValued: true }),
  ],
};
