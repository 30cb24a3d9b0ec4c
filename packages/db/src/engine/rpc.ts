import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { EngineError, toUserFacingError, type UserFacingError } from './errors.ts';
import { type EngineMethod, isEngineMethod } from './session.ts';

/** A JSON-RPC 2.0 message id. */
type Id = number | string | null;

interface Request {
  id: Id;
  method: string;
  params: unknown;
}

interface Response {
  id: Id;
  result?: unknown;
  error?: unknown;
}

/** What the server needs from the engine side. */
export interface RpcHandlers {
  /** Runs an engine method (created lazily by the caller on first use). */
  callEngine(method: EngineMethod, params: unknown): Promise<unknown>;
  /** Methods answered outside the wasm engine (`createDatabase`). */
  callLocal(method: string, params: unknown): Promise<unknown> | undefined;
}

const ENGINE_ERROR_CODE = 4466;

class RpcMethodNotFound extends EngineError {
  constructor(method: string) {
    super(undefined, `Method not found: ${method}`);
  }
}

function parseMessage(line: string): Request | Response | undefined {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) return undefined;
  const rawId: unknown = Reflect.get(value, 'id');
  const id: Id = typeof rawId === 'number' || typeof rawId === 'string' ? rawId : null;
  const method: unknown = Reflect.get(value, 'method');
  if (typeof method === 'string') return { id, method, params: Reflect.get(value, 'params') };
  return { id, result: Reflect.get(value, 'result'), error: Reflect.get(value, 'error') };
}

function isRequest(message: Request | Response): message is Request {
  return 'method' in message;
}

function readStdout(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const stdout: unknown = Reflect.get(result, 'stdout');
  return typeof stdout === 'string' ? stdout : undefined;
}

/**
 * Serves the native schema engine's stdio protocol: one JSON-RPC 2.0 object per line. The
 * output of `diff` goes back to the CLI as a `print` request, as the native engine does, so
 * that `migrate diff -o file` captures it. Resolves when the input closes.
 */
export function serveJsonRpc(input: Readable, output: Writable, handlers: RpcHandlers): Promise<void> {
  let nextOwnId = 1;
  const awaitingReply = new Map<Id, (response: Response) => void>();

  const send = (message: object): void => {
    output.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  };

  const requestFromClient = (method: string, params: unknown): Promise<Response> => {
    const id = `schema-engine-${nextOwnId++}`;
    const reply = new Promise<Response>((resolve) => awaitingReply.set(id, resolve));
    send({ id, method, params });
    return reply;
  };

  const answer = async (request: Request): Promise<unknown> => {
    const local = handlers.callLocal(request.method, request.params);
    if (local) return local;
    if (!isEngineMethod(request.method)) {
      throw new RpcMethodNotFound(request.method);
    }
    const result = await handlers.callEngine(request.method, request.params);
    const stdout = request.method === 'diff' ? readStdout(result) : undefined;
    if (stdout === undefined) return result;
    await requestFromClient('print', { content: stdout });
    return { ...(result as object), stdout: null };
  };

  const handle = async (request: Request): Promise<void> => {
    try {
      send({ id: request.id, result: (await answer(request)) ?? null });
    } catch (error) {
      if (error instanceof RpcMethodNotFound) {
        send({ id: request.id, error: { code: -32601, message: error.message } });
        return;
      }
      const data: UserFacingError = toUserFacingError(error);
      // For a panic the CLI shows `data.error.message`, as the native engine sends it.
      const message = data.is_panic ? data.message : 'An error happened. Check the data field for details.';
      const details = data.is_panic ? { ...data, error: { message: data.message } } : data;
      send({ id: request.id, error: { code: ENGINE_ERROR_CODE, message, data: details } });
    }
  };

  return new Promise<void>((resolve) => {
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on('line', (line) => {
      if (line.trim() === '') return;
      let message: Request | Response | undefined;
      try {
        message = parseMessage(line);
      } catch {
        send({ id: null, error: { code: -32700, message: 'Parse error' } });
        return;
      }
      if (message === undefined) return;
      if (!isRequest(message)) {
        awaitingReply.get(message.id)?.(message);
        awaitingReply.delete(message.id);
        return;
      }
      void handle(message);
    });
    lines.on('close', () => {
      for (const reply of awaitingReply.values()) reply({ id: null, error: 'input closed' });
      resolve();
    });
  });
}
