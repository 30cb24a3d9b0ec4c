import { parseArgs } from 'node:util';
import { openDatabase } from '@openstation/db';
import { createStaffUser, MIN_PASSWORD_LENGTH } from '../src/auth/accounts.ts';
import { readStdin } from './read-stdin.ts';

const usage = `Creates a staff user (ADMIN unless --role says otherwise); the password is read from stdin.
  pnpm --filter @openstation/api create-admin --email you@example.org --name "Name" [--role ADMIN|EDITOR|MEDIATOR] --password-stdin < file
Uses DATABASE_URL (default: the embedded database in ./data).`;

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'ADMIN' },
    'password-stdin': { type: 'boolean', default: true },
    help: { type: 'boolean' },
  },
});
const role = values.role?.toUpperCase();
if (values.help || !values.email || !values.name || (role !== 'ADMIN' && role !== 'EDITOR' && role !== 'MEDIATOR')) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
if (process.stdin.isTTY) process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters), then Ctrl-D: `);
const password = await readStdin();
const db = await openDatabase(process.env.DATABASE_URL);
try {
  const user = await createStaffUser(db.prisma, { email: values.email, name: values.name, role, password, stations: 'all' });
  console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
} catch (error) {
  console.error(`Could not create the user: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
