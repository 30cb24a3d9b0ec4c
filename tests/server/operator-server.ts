import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Database, openDatabase } from '@openstation/db';
import { BACKUP_PATH, openOperatorChannel } from '@openstation/api/operator/channel';
import { createApi } from '@openstation/api/yoga';

/** A server as `pnpm start` runs it, in this process: the API and the operator channel on a free port. */
export interface OperatorServer {
  readonly url: string;
  readonly stateFile: string | null;
  readonly db: Database;
  close(): Promise<void>;
}

/** Answers a Node request with a fetch handler's Response (enough for the backup route). */
async function serveFetch(handler: (request: Request, context: object) => Promise<Response>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
  const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers }), { req });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Opens `databaseUrl` and serves it as the running server would, with its state file written. */
export async function startOperatorServer(databaseUrl: string): Promise<OperatorServer> {
  const db = await openDatabase(databaseUrl);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const operator = openOperatorChannel({ target: db.target, url, pglite: db.pglite });
  const api = createApi({ prisma: db.prisma, operator });
  server.on('request', (req, res) => {
    const served = req.url?.startsWith(BACKUP_PATH) ? serveFetch(operator.backup, req, res) : Promise.resolve(api(req, res));
    served.catch(() => res.writeHead(500).end());
  });
  operator.publish();
  return {
    url,
    stateFile: operator.stateFile,
    db,
    async close() {
      operator.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}
