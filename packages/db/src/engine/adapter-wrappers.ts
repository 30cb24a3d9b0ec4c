import { DriverAdapterError, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/**
 * The same adapter, but `executeScript` runs the whole script at once. adapter-pg splits
 * scripts on `;` (breaking `$$` bodies and atomicity) and pglite-prisma-adapter does not
 * await its `exec()`: a migration must be one simple-protocol query, which PostgreSQL runs as
 * one implicit transaction, so a failing migration leaves nothing behind.
 */
export function wholeScriptAdapter(
  adapter: SqlDriverAdapter,
  runScript: (script: string) => Promise<void>,
): SqlDriverAdapter {
  const connectionInfo = adapter.getConnectionInfo?.bind(adapter);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    executeScript: runScript,
    dispose: () => adapter.dispose(),
    ...(connectionInfo ? { getConnectionInfo: connectionInfo } : {}),
  };
}

/** Adds an idempotent clean-up step to an adapter's `dispose`. */
export function disposingAlso(adapter: SqlDriverAdapter, cleanUp: () => Promise<void>): SqlDriverAdapter {
  let disposed: Promise<void> | undefined;
  return {
    ...adapter,
    dispose: () =>
      (disposed ??= (async () => {
        try {
          await adapter.dispose();
        } finally {
          await cleanUp();
        }
      })()),
  };
}

function optionalString(error: object, key: string): string | undefined {
  const value: unknown = Reflect.get(error, key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A PostgreSQL error (from `pg` or PGlite) as the `postgres` error kind the engine reports with
 * its SQLSTATE and message; anything else is passed through.
 */
export function toDriverAdapterError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const code = optionalString(error, 'code');
  const message = optionalString(error, 'message');
  if (code === undefined || message === undefined) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code,
    severity: optionalString(error, 'severity') ?? 'ERROR',
    message,
    detail: optionalString(error, 'detail'),
    column: optionalString(error, 'column'),
    hint: optionalString(error, 'hint'),
  });
}
