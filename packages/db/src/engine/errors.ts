/** A user-facing error with a Prisma error code (P1001, P3006, …). */
export class EngineError extends Error {
  readonly errorCode: string | undefined;
  readonly meta: unknown;
  readonly isPanic: boolean;

  constructor(errorCode: string | undefined, message: string, options: { meta?: unknown; isPanic?: boolean } = {}) {
    super(message);
    this.name = 'EngineError';
    this.errorCode = errorCode;
    this.meta = options.meta ?? null;
    this.isPanic = options.isPanic ?? false;
  }
}

/** The `data` of a JSON-RPC error, as the native engine sends it. */
export interface UserFacingError {
  is_panic: boolean;
  message: string;
  meta: unknown;
  error_code: string | null;
}

/** Looks up errors raised in JS that reached the engine as `External error id#N`. */
export interface ExternalErrors {
  consumeError(id: number): { error: unknown } | undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

function readUserFacing(value: unknown): UserFacingError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message: unknown = Reflect.get(value, 'message');
  if (typeof message !== 'string') return undefined;
  const isPanic: unknown = Reflect.get(value, 'is_panic');
  const errorCode: unknown = Reflect.get(value, 'error_code');
  return {
    is_panic: isPanic === true,
    message,
    meta: Reflect.get(value, 'meta') ?? null,
    error_code: typeof errorCode === 'string' ? errorCode : null,
  };
}

/** The engine rejects with an Error whose message is the JSON of a user-facing error. */
function parseEngineMessage(message: string): UserFacingError | undefined {
  if (!message.startsWith('{')) return undefined;
  try {
    return readUserFacing(JSON.parse(message));
  } catch {
    return undefined;
  }
}

function replaceExternalErrors(message: string, external: ExternalErrors | undefined): string {
  if (!external) return message;
  return message.replace(/External error id#(\d+)/g, (match: string, id: string) => {
    const record = external.consumeError(Number(id));
    return record ? messageOf(record.error) : match;
  });
}

const RESOLVE_HELP =
  'Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve';

/**
 * The WASM engine reports connector errors as text with a span trace and no error code. Give
 * the two a deployment meets most, a failed migration and a failed migration left in the
 * history, the native engine's codes and wording.
 */
function withKnownCode(error: UserFacingError): UserFacingError {
  if (error.error_code !== null) return error;
  const traceStart = error.message.search(/\n\s+0: /);
  const summary = traceStart === -1 ? error.message : error.message.slice(0, traceStart);
  const trace = traceStart === -1 ? '' : error.message.slice(traceStart);
  if (summary.startsWith('migrate found failed migrations')) {
    return { ...error, error_code: 'P3009', message: summary.trimEnd() };
  }
  const migrationName = /apply_migrations::Applying migration\s+with migration_name="([^"]+)"/.exec(trace)?.[1];
  if (migrationName !== undefined) {
    const databaseError = summary.replace(/^external connector error\n/, '').trimEnd();
    return {
      ...error,
      error_code: 'P3018',
      message: `A migration failed to apply. New migrations cannot be applied before the error is recovered from. ${RESOLVE_HELP}\n\nMigration name: ${migrationName}\n\nDatabase error:\n${databaseError}`,
      meta: { migration_name: migrationName, database_error: databaseError },
    };
  }
  return error;
}

/** Turns anything thrown by the engine, an adapter or this program into the native engine's error shape. */
export function toUserFacingError(
  error: unknown,
  external?: ExternalErrors,
  panicMessage?: string,
): UserFacingError {
  if (error instanceof EngineError) {
    return { is_panic: error.isPanic, message: error.message, meta: error.meta, error_code: error.errorCode ?? null };
  }
  if (panicMessage !== undefined) {
    return { is_panic: true, message: panicMessage, meta: null, error_code: null };
  }
  const raw = messageOf(error);
  const parsed = parseEngineMessage(raw) ?? readUserFacing(error) ?? {
    is_panic: false,
    message: raw,
    meta: null,
    error_code: null,
  };
  return withKnownCode({ ...parsed, message: replaceExternalErrors(parsed.message, external) });
}

/** Converts a user-facing error into an Error to throw from in-process APIs. */
export function toThrowable(error: UserFacingError): EngineError {
  return new EngineError(error.error_code ?? undefined, error.message, { meta: error.meta, isPanic: error.is_panic });
}
