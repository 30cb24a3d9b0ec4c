import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { readReplicas } from '@prisma/extension-read-replicas';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { DatabaseUnavailableError } from './errors.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { applyMigrations, applyMigrationsToPglite } from './migrate.ts';
import { lockDataDir } from './pglite-lock.ts';
import { jsonRelationJoins, relationJoinSql } from './json-relation-joins.ts';
import { statementNames } from './statement-names.ts';
import { type DatabaseTarget, parseDatabaseUrl, redact } from './url.ts';

/** An open database: the Prisma client and how to close it. */
export interface Database {
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  /** The in-process PGlite instance, when the target is PGlite. */
  readonly pglite: PGlite | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Called with every SQL statement Prisma sends and its parameters (a JSON array). */
  onQuery?: (sql: string, params: string) => void;
  /** Maximum PostgreSQL connections of this process (default `PG_POOL_MAX` or 10). */
  poolSize?: number;
  /**
   * PostgreSQL read replicas (default: `DATABASE_REPLICA_URLS`, comma-separated). Reads outside
   * transactions go to a replica, everything else to the primary.
   */
  replicaUrls?: readonly string[];
  /** Start PGlite from a `dumpDataDir()` tarball (tests use a migrated snapshot). */
  loadDataDir?: Blob;
}

function createClient(adapter: PrismaPg | PrismaPGlite, onQuery?: (sql: string, params: string) => void): PrismaClient {
  // Any other format records a stack trace (`new Error()`) on every query, to point a validation
  // error at its call site: ~3 % of a public read's CPU. Prisma's errors keep their codes and messages.
  const errorFormat = 'minimal';
  const joins = jsonRelationJoins(adapter);
  if (!onQuery) return new PrismaClient({ adapter: joins, errorFormat });
  const prisma = new PrismaClient({ adapter: joins, errorFormat, log: [{ emit: 'event', level: 'query' }] });
  // Prisma logs a statement before the adapter rewrites it: report it as sent.
  prisma.$on('query', (event) => onQuery(relationJoinSql(event.query), event.params));
  return prisma;
}

async function openPglite(dataDir: string | null, options: OpenOptions): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: dataDir ?? undefined, loadDataDir: options.loadDataDir });
  } catch (error) {
    release();
    throw new DatabaseUnavailableError(
      `Could not open the embedded database in "${dataDir ?? 'memory'}": ${(error as Error).message}. ` +
        'If a previous run crashed, move the directory aside and start again to recreate the demo data.',
      { cause: error },
    );
  }
  try {
    if (options.migrate !== false) await applyMigrationsToPglite(pglite);
  } catch (error) {
    await pglite.close();
    release();
    throw error;
  }
  const prisma = createClient(new PrismaPGlite(pglite), options.onQuery);
  return {
    prisma,
    target: { kind: 'pglite', dataDir },
    pglite,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

function explainPgError(url: string, error: unknown): DatabaseUnavailableError {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const where = redact(url);
  const hint =
    code === 'ECONNREFUSED'
      ? 'Nothing is listening there: start PostgreSQL or correct host and port.'
      : code === '3D000'
        ? 'That database does not exist: create it (createdb <name>) or correct the name.'
        : code === '28P01' || code === '28000'
          ? 'The server refused the credentials: check user and password.'
          : 'Check that PostgreSQL is running and the URL is right.';
  return new DatabaseUnavailableError(
    `Cannot connect to PostgreSQL at ${where}: ${(error as Error).message}. ${hint}`,
    { cause: error },
  );
}

/** Connects once with plain `pg`, whose errors keep their codes, to explain a failure well. */
async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw explainPgError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Named (prepared) statements, unless `DATABASE_PREPARED_STATEMENTS=0`: a connection pooler in
 * transaction mode that does not track them (PgBouncer before 1.21, or without
 * `max_prepared_statements`) would send a statement to a backend that never prepared it.
 */
function adapterOptions() {
  return process.env.DATABASE_PREPARED_STATEMENTS === '0' ? {} : { statementNameGenerator: statementNames() };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const max = options.poolSize ?? Number(process.env.PG_POOL_MAX ?? 10);
  const adapter = new PrismaPg({ connectionString: url, max, connectionTimeoutMillis: 5_000 }, adapterOptions());
  const replicaUrls = options.replicaUrls ?? replicaUrlsFromEnv();
  for (const target of [url, ...replicaUrls]) await checkReachable(target);
  const primary = createClient(adapter, options.onQuery);
  try {
    if (options.migrate !== false) await applyMigrations(url);
  } catch (error) {
    await primary.$disconnect();
    throw error;
  }
  // The extended client lacks only `$on`, which createClient has already used on each
  // underlying client; everything the apps call routes through the extension.
  const prisma =
    replicaUrls.length === 0
      ? primary
      : (primary.$extends(
          readReplicas({
            replicas: replicaUrls.map((replica) =>
              createClient(new PrismaPg({ connectionString: replica, max, connectionTimeoutMillis: 5_000 }, adapterOptions()), options.onQuery),
            ),
          }),
        ) as unknown as PrismaClient);
  return {
    prisma,
    target: { kind: 'postgres', url },
    pglite: null,
    close: () => prisma.$disconnect(),
  };
}

function replicaUrlsFromEnv(): string[] {
  return (process.env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/**
 * Opens the database named by `url` (see {@link parseDatabaseUrl}), applying pending
 * migrations unless told not to. Throws {@link DatabaseUnavailableError} with an
 * actionable message when it cannot.
 */
export function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  return target.kind === 'pglite' ? openPglite(target.dataDir, options) : openPostgres(target.url, options);
}
