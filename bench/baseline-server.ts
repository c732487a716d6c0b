import Fastify from 'fastify';

/**
 * The baseline every figure is compared with: a bare Fastify route answering a 600-byte SCIM-shaped JSON body,
 * in its own process, like the server under test.
 */
const body = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: 'bjensen',
  userName: 'bjensen@example.com',
  name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
  displayName: 'Babs Jensen',
  active: true,
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
  meta: {
    resourceType: 'User',
    created: '2026-01-23T04:56:22.000Z',
    lastModified: '2026-05-13T04:42:34.000Z',
    location: 'http://127.0.0.1/scim/v2/org/Users/2819c223-7f76-453a-919d-413861904646',
    version: 'W/"3"',
  },
  padding: '',
};
body.padding = 'x'.repeat(Math.max(0, 600 - JSON.stringify(body).length));

const app = Fastify({ logger: false });
app.get('/baseline/*', async (_request, reply) => reply.type('application/scim+json').send(body));
await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
console.log('ready');
