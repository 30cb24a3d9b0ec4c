import { parseArgs } from 'node:util';
import { MIN_PASSWORD_LENGTH } from '../src/domain/staff.ts';
import { readStdin } from './read-stdin.ts';
import { stationBySlug, usageExit, withConnection } from './tool.ts';

const usage = `Creates a staff account: an ADMIN of the whole bureau unless --station or --role say otherwise.
  pnpm create-admin --email you@example.org --name "Name" [--role ADMIN|EDITOR|MEDIATOR]
      [--station <slug> ...] [--all-stations] [--password-stdin < file]
--station (repeatable) binds the account to those stations; EDITOR and MEDIATOR accounts need
--station or --all-stations. With --password-stdin the password (at least ${MIN_PASSWORD_LENGTH} characters) is
read from stdin; without it one is generated and printed once.
Talks to the running server if there is one, else opens DATABASE_URL (default: ./data/pglite).`;

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'ADMIN' },
    station: { type: 'string', multiple: true, default: [] },
    'all-stations': { type: 'boolean', default: false },
    'password-stdin': { type: 'boolean', default: false },
    help: { type: 'boolean' },
  },
});
const role = values.role?.toUpperCase();
const stations = values.station ?? [];
const bureauWide = values['all-stations'] === true || (role === 'ADMIN' && stations.length === 0);
if (values.help || !values.email || !values.name || (role !== 'ADMIN' && role !== 'EDITOR' && role !== 'MEDIATOR')) usageExit(usage, values.help);
if (!bureauWide && stations.length === 0) usageExit(`${role} accounts act for stations: give --station <slug> (or --all-stations).\n\n${usage}`, false);
if (values['all-stations'] && stations.length > 0) usageExit(`Give --station or --all-stations, not both.\n\n${usage}`, false);

if (values['password-stdin'] && process.stdin.isTTY) process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters), then Ctrl-D: `);
const password = values['password-stdin'] ? await readStdin() : null;

await withConnection('Could not create the user', async (connection) => {
  const stationIds = await Promise.all(stations.map(async (slug) => (await stationBySlug(connection, slug)).id));
  const { createStaffUser } = await connection.graphql<{ createStaffUser: { user: { id: string; email: string; role: string }; password: string | null } }>(
    'mutation ($input: StaffUserInput!) { createStaffUser(input: $input) { user { id email role } password } }',
    { input: { email: values.email, name: values.name, role, password, ...(bureauWide ? { allStations: true } : { stationIds }) } },
  );
  const { user } = createStaffUser;
  console.log(`Created ${user.role} ${user.email} (${bureauWide ? 'bureau-wide' : `stations ${stations.join(', ')}`}).`);
  if (createStaffUser.password) {
    console.error('Its password is shown this once; hand it over safely (the user can change it in the staff console: /staff/password/):');
    console.log(createStaffUser.password);
  }
});
