/**
 * A stand-in for Prisma's native `schema-engine` binary, run by `packages/db/bin/schema-engine`
 * (named by PRISMA_SCHEMA_ENGINE_BINARY in prisma.config.ts). It speaks the same command line
 * and stdio JSON-RPC protocol but runs Prisma's schema engine compiled to WASM over a driver
 * adapter, so `prisma migrate …` works where the native binary cannot be downloaded.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { canConnectToDatabase, createDatabase, dropDatabase } from './databases.ts';
import { type DatasourceConfig, parseDatasourceArgument } from './datasource.ts';
import { toUserFacingError } from './errors.ts';
import { EngineHost } from './host.ts';
import { serveJsonRpc } from './rpc.ts';
import type { Datamodel } from './session.ts';
import { loadEngineModule } from './wasm.ts';

const LOGGER_TARGET = 'schema_engine::logger';

function writeLog(level: 'INFO' | 'ERROR', fields: Record<string, unknown>): void {
  const line = JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: LOGGER_TARGET });
  process.stderr.write(`${line}\n`);
}

/** Stdout carries the protocol only: anything a library prints goes to stderr. */
function keepStdoutForProtocol(): void {
  const toStderr = (...values: unknown[]): void => {
    process.stderr.write(`${values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ')}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
}

function forwardEngineLog(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

async function readDatamodels(paths: readonly string[]): Promise<Datamodel[]> {
  return Promise.all(paths.map(async (path): Promise<Datamodel> => [path, await readFile(path, 'utf8')]));
}

function requireDatasource(datasource: DatasourceConfig | undefined): DatasourceConfig {
  if (datasource === undefined) throw new Error('--datasource is required for this command');
  return datasource;
}

/** `schema-engine cli <command>`: exit 0, or exit 1 with the error as a JSON log line. */
async function runOneShot(command: string | undefined, datasource: DatasourceConfig | undefined): Promise<number> {
  writeLog('INFO', { message: `Starting schema engine CLI: ${command ?? ''}` });
  try {
    const { url } = requireDatasource(datasource);
    switch (command) {
      case 'can-connect-to-database':
        await canConnectToDatabase(url);
        process.stdout.write('Connection successful\n');
        return 0;
      case 'create-database':
        process.stdout.write(`Database '${await createDatabase(url)}' was successfully created.\n`);
        return 0;
      case 'drop-database':
        await dropDatabase(url);
        process.stdout.write('The database was successfully dropped.\n');
        return 0;
      default:
        throw new Error(`Unknown cli command: ${command ?? '(none)'}`);
    }
  } catch (error) {
    const { message, error_code } = toUserFacingError(error);
    writeLog('ERROR', error_code === null ? { message } : { error_code, message });
    return 1;
  }
}

function createDatabaseUrl(params: unknown, datasource: DatasourceConfig | undefined): string {
  const target: unknown = typeof params === 'object' && params !== null ? Reflect.get(params, 'datasource') : undefined;
  const url: unknown = typeof target === 'object' && target !== null ? Reflect.get(target, 'url') : undefined;
  return typeof url === 'string' ? url : requireDatasource(datasource).url;
}

/** Serves JSON-RPC until stdin closes or SIGTERM arrives, then releases everything and exits 0. */
async function runServer(datasource: DatasourceConfig | undefined, datamodelPaths: readonly string[]): Promise<void> {
  const host = new EngineHost({ datasource, datamodels: () => readDatamodels(datamodelPaths), log: forwardEngineLog });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const watchdog = setTimeout(() => process.exit(0), 15_000);
      watchdog.unref();
      try {
        await host.close();
      } catch (error) {
        writeLog('ERROR', { message: `While shutting down: ${toUserFacingError(error).message}` });
      }
      process.exit(0);
    })());
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());

  await serveJsonRpc(process.stdin, process.stdout, {
    callEngine: (method, params) => host.call(method, params),
    callLocal: (method, params) =>
      method === 'createDatabase'
        ? createDatabase(createDatabaseUrl(params, datasource)).then((databaseName) => ({ databaseName }))
        : undefined,
  });
  await stop();
}

async function main(argv: string[]): Promise<void> {
  keepStdoutForProtocol();
  // The CLI may go away first (it does not wait for this process to exit).
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  process.on('unhandledRejection', (reason) => {
    writeLog('ERROR', { message: `Unhandled rejection: ${toUserFacingError(reason).message}` });
  });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      datasource: { type: 'string' },
      datamodels: { type: 'string', multiple: true },
      version: { type: 'boolean', short: 'V' },
    },
  });
  if (values.version === true) {
    const engine = await loadEngineModule();
    process.stdout.write(`schema-engine-cli ${engine.version()}\n`);
    process.exit(0);
  }
  const datasource = typeof values.datasource === 'string' ? parseDatasourceArgument(values.datasource) : undefined;
  if (positionals[0] === 'cli') {
    process.exit(await runOneShot(positionals[1], datasource));
  }
  const datamodels = Array.isArray(values.datamodels) ? values.datamodels.filter((path) => typeof path === 'string') : [];
  await runServer(datasource, datamodels);
}

await main(process.argv.slice(2)).catch((error: unknown) => {
  writeLog('ERROR', { message: toUserFacingError(error).message });
  process.exit(1);
});
