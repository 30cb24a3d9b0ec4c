import { parseArgs } from 'node:util';
import { API_SCOPES, isApiScope, STATION_BOUND_SCOPES } from '../src/auth/scopes.ts';
import { stationBySlug, UsageError, usageExit, withConnection } from './tool.ts';

const usage = `Registers a partner system and prints its API key once.
  pnpm create-api-client --name "Justice office" [--scope mediation:read ...] [--partner <station-slug>/<partner-slug>]
      [--budget 300000] [--development]
Scopes: ${API_SCOPES.join(', ')}. ${STATION_BOUND_SCOPES.join(', ')} need --partner: the key then reads and
writes only that partner agency's station. Talks to the running server if there is one, else opens DATABASE_URL.`;

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    scope: { type: 'string', multiple: true, default: ['public:read'] },
    budget: { type: 'string' },
    development: { type: 'boolean', default: false },
    partner: { type: 'string' },
    help: { type: 'boolean' },
  },
});
const scopes = values.scope ?? [];
const unknown = scopes.filter((s) => !isApiScope(s));
const budget = values.budget === undefined ? undefined : Number(values.budget);
if (values.help || !values.name || unknown.length > 0 || (budget !== undefined && !(Number.isInteger(budget) && budget > 0))) {
  usageExit(`${unknown.length > 0 ? `Unknown scope(s): ${unknown.join(', ')}\n` : ''}${usage}`, values.help);
}
const bound = scopes.filter((s) => isApiScope(s) && STATION_BOUND_SCOPES.includes(s));
if (bound.length > 0 && !values.partner) usageExit(`${bound.join(', ')} need --partner <station-slug>/<partner-slug>.\n\n${usage}`, false);

/** The scope names as the GraphQL enum spells them. */
const enumName = (scope: string) => scope.replace(':', '_').toUpperCase();

await withConnection('Could not create the API client', async (connection) => {
  let partnerId: string | null = null;
  if (values.partner) {
    const [stationSlug = '', partnerSlug = ''] = values.partner.split('/');
    const partner = (await stationBySlug(connection, stationSlug)).partners.find((p) => p.slug === partnerSlug);
    if (!partner) throw new UsageError(`No partner agency "${values.partner}" (give <station-slug>/<partner-slug>).`);
    partnerId = partner.id;
  }
  const { createApiClient } = await connection.graphql<{ createApiClient: { key: string; client: { name: string; scopes: string[] } } }>(
    'mutation ($name: String!, $scopes: [ApiScope!]!, $budget: Int, $development: Boolean, $partnerId: ID) { createApiClient(name: $name, scopes: $scopes, costBudget: $budget, development: $development, partnerId: $partnerId) { key client { name scopes } } }',
    { name: values.name, scopes: scopes.map(enumName), budget, development: values.development, partnerId },
  );
  console.error(`Created API client "${createApiClient.client.name}" with scopes ${scopes.join(', ')}${values.partner ? ` for ${values.partner}` : ''}.`);
  console.error('The key is shown this once; send it as the X-Api-Key header:');
  console.log(createApiClient.key);
});
