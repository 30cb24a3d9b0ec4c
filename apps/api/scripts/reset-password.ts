import { parseArgs } from 'node:util';
import { UsageError, usageExit, withConnection } from './tool.ts';

const usage = `Gives a staff account a new generated password, printed once, and ends its sessions.
  pnpm reset-password --email someone@example.org
Talks to the running server if there is one, else opens DATABASE_URL (default: ./data/pglite).`;

const { values } = parseArgs({ options: { email: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help || !values.email) usageExit(usage, values.help);
const email = values.email.trim().toLowerCase();

await withConnection('Could not reset the password', async (connection) => {
  const { staffUsers } = await connection.graphql<{ staffUsers: { id: string; email: string }[] }>('{ staffUsers { id email } }');
  const user = staffUsers.find((u) => u.email === email);
  if (!user) throw new UsageError(`No staff account has the email "${email}".`);
  const { resetStaffPassword } = await connection.graphql<{ resetStaffPassword: { password: string } }>(
    'mutation ($id: ID!) { resetStaffPassword(id: $id) { password } }',
    { id: user.id },
  );
  console.error(`The new password of ${email} is shown this once; its sessions have ended:`);
  console.log(resetStaffPassword.password);
});
