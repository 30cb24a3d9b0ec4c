import { DatabaseUnavailableError } from '@openstation/db';
import { type Connection, connect, OperatorCallError } from '../src/operator/connection.ts';

// `pnpm --filter` runs scripts in apps/api: read files and ./data where the command was typed.
process.chdir(process.env.INIT_CWD ?? process.cwd());

/** A wrong option or name on the command line: exit 2. */
export class UsageError extends Error {}

/** The message of an error a tool reports: the API's own words for its errors. */
export function messageOf(error: unknown): string {
  if (error instanceof OperatorCallError || error instanceof DatabaseUnavailableError || error instanceof UsageError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a tool's work over a {@link connect}ion (the running server, or the database opened
 * here; one line on stderr says which), reporting a failure as `<failure>: <why>` with exit
 * 1 (2 for a {@link UsageError}), and closing what it opened.
 */
export async function withConnection(failure: string, work: (connection: Connection) => Promise<void>): Promise<void> {
  let connection: Connection | null = null;
  try {
    connection = await connect(process.env.DATABASE_URL);
    await work(connection);
  } catch (error) {
    console.error(`${failure}: ${messageOf(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } finally {
    await connection?.close();
  }
}

/** Prints the usage and exits: 0 when asked for with --help, 2 otherwise. */
export function usageExit(usage: string, help: boolean | undefined): never {
  console.error(usage);
  process.exit(help ? 0 : 2);
}

/** A station's global id and its partner agencies, by slug (UsageError when no station has it). */
export async function stationBySlug(connection: Connection, slug: string) {
  const { station } = await connection.graphql<{ station: { id: string; partners: { id: string; slug: string }[] } | null }>(
    'query ($slug: String!) { station(slug: $slug) { id partners { id slug } } }',
    { slug },
  );
  if (!station) throw new UsageError(`No station has the slug "${slug}".`);
  return station;
}
