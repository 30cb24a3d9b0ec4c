import { parseArgs } from 'node:util';
import { openDatabase } from '@openstation/db';
import { createApiClient } from '../src/auth/accounts.ts';
import { API_SCOPES, isApiScope } from '../src/auth/scopes.ts';

const usage = `Registers a partner system and prints its API key once.
  pnpm --filter @openstation/api create-api-client --name "Justice office" [--scope mediation:read ...] [--budget 300000] [--partner <station-slug>/<partner-slug>] [--development]
Scopes: ${API_SCOPES.join(', ')}. Uses DATABASE_URL (default: the embedded database in ./data).`;

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
  if (unknown.length > 0) console.error(`Unknown scope(s): ${unknown.join(', ')}`);
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const db = await openDatabase(process.env.DATABASE_URL);
try {
  let partnerId: number | null = null;
  if (values.partner) {
    const [stationSlug, partnerSlug] = values.partner.split('/');
    const partner = await db.prisma.partnerAgency.findFirst({ where: { slug: partnerSlug ?? '', station: { slug: stationSlug ?? '' } } });
    if (!partner) throw new Error(`No partner agency "${values.partner}" (give <station-slug>/<partner-slug>).`);
    partnerId = partner.id;
  }
  const { client, key } = await createApiClient(db.prisma, {
    name: values.name,
    scopes: scopes.filter(isApiScope),
    costBudget: budget,
    development: values.development,
    partnerId,
  });
  console.error(`Created API client ${client.id} "${client.name}" with scopes ${client.scopes.join(', ')}.`);
  console.error('The key is shown this once; send it as the X-Api-Key header:');
  console.log(key);
} catch (error) {
  console.error(`Could not create the API client: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
