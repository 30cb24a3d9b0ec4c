import { randomBytes } from 'node:crypto';
import { type Database, openDatabase, parseDatabaseUrl, redact } from '@openstation/db';
import { createApi } from '../yoga.ts';
import { ACT_AS_HEADER, OPERATOR_HEADER } from './headers.ts';
import type { ServerContext } from './loopback.ts';
import { BACKUP_PATH } from './channel.ts';
import { readLiveServerState } from './state-file.ts';

/** One GraphQL error as the API answered it. */
export interface CallError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The API answered a tool's request with errors. */
export class OperatorCallError extends Error {
  readonly errors: readonly CallError[];
  constructor(errors: readonly CallError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'OperatorCallError';
    this.errors = errors;
  }

  /** The first error's code (`FORBIDDEN`, `NOT_FOUND`, …). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface CallOptions {
  /** Act as this staff member (their role and stations apply, the audit trail names them). */
  actAs?: string | undefined;
  /** Files for `File` variables, by variable name (sent as a multipart request). */
  files?: Record<string, Blob>;
}

/** How a command-line tool reaches the data: the running server, or the database opened here. */
export interface Connection {
  readonly via: 'server' | 'database';
  /** Runs a GraphQL operation as the operator (a bureau-wide admin) or as `actAs`; rejects with {@link OperatorCallError}. */
  graphql<T>(query: string, variables?: Record<string, unknown>, options?: CallOptions): Promise<T>;
  /** The running server's answer to a request on its operator routes (e.g. a backup); null when the database is opened here. */
  operatorFetch(path: string): Promise<Response> | null;
  /** The database opened here (null when talking to the server). */
  readonly database: Database | null;
  close(): Promise<void>;
}

/** A GraphQL request with the operator headers; multipart when files are given. */
function graphqlRequest(base: string, token: string, query: string, variables: Record<string, unknown>, options: CallOptions): Request {
  const headers: Record<string, string> = { [OPERATOR_HEADER]: token, 'x-graphql-yoga-csrf': '1', accept: 'application/graphql-response+json, application/json' };
  if (options.actAs) headers[ACT_AS_HEADER] = options.actAs;
  const files = Object.entries(options.files ?? {});
  if (files.length === 0) {
    return new Request(`${base}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  }
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(files.map(([name]) => [name, null])) } }));
  form.set('map', JSON.stringify(Object.fromEntries(files.map(([name], i) => [String(i), [`variables.${name}`]]))));
  files.forEach(([name, blob], i) => form.set(String(i), blob, name));
  return new Request(`${base}/graphql`, { method: 'POST', headers, body: form });
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: CallError[] } | null;
  if (!body) throw new OperatorCallError([{ message: `The API answered HTTP ${response.status} without a GraphQL result.` }]);
  if (body.errors?.length || body.data == null) throw new OperatorCallError(body.errors ?? [{ message: 'The API answered no data.' }]);
  return body.data;
}

/** The socket of a request made on this machine, for an API in this process. */
const LOCAL: ServerContext & Record<string, unknown> = { req: { socket: { remoteAddress: '127.0.0.1' } } };

async function openHere(databaseUrl: string | undefined): Promise<Connection> {
  const database = await openDatabase(databaseUrl);
  const token = randomBytes(32).toString('base64url');
  const api = createApi({ prisma: database.prisma, operator: { token } });
  return {
    via: 'database',
    database,
    graphql: async (query, variables = {}, options = {}) => answer(await api.fetch(graphqlRequest('http://operator.local', token, query, variables, options), LOCAL)),
    operatorFetch: () => null,
    close: () => database.close(),
  };
}

const refused = (error: unknown) => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET';
};

/**
 * Connects a command-line tool to the data named by `databaseUrl` (DATABASE_URL): through the
 * running server when its state file names a live process (the operator channel), else by
 * opening the database here. Says which on `say` (one line).
 */
export async function connect(databaseUrl: string | undefined, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<Connection> {
  const target = parseDatabaseUrl(databaseUrl);
  const live = readLiveServerState(target);
  if (live) {
    const { url, token, pid } = live.state;
    const probe = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }).catch((error: unknown) => {
      if (refused(error)) return null;
      throw error;
    });
    if (probe) {
      say(`Using the running server (pid ${pid}, ${url}).`);
      return {
        via: 'server',
        database: null,
        graphql: async (query, variables = {}, options = {}) => answer(await fetch(graphqlRequest(url, token, query, variables, options))),
        operatorFetch: (path) => fetch(`${url}${path}`, { headers: { [OPERATOR_HEADER]: token } }),
        close: async () => {},
      };
    }
    say(`The state file ${live.path} names process ${pid}, but nothing answers at ${url}: opening the database directly.`);
  }
  const connection = await openHere(databaseUrl);
  const where = target.kind === 'pglite' ? `the embedded database in ${target.dataDir ?? 'memory'}` : `PostgreSQL at ${redact(target.url)}`;
  say(`No server is running: opened ${where} directly.`);
  return connection;
}

export { BACKUP_PATH };
