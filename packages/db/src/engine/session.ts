import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type { OwnedAdapterFactory } from './adapters.ts';
import { EngineError, type ExternalErrors, toThrowable, toUserFacingError } from './errors.ts';
import { discardEngineModule, loadEngineModule, releaseEngineTimers, takePanicMessage } from './wasm.ts';

/** A Prisma schema file: path and content. */
export type Datamodel = [path: string, content: string];

/** The engine's methods as the CLI names them (`getDatabaseVersion` is `version` in wasm). */
const METHODS = {
  applyMigrations: 'applyMigrations',
  createMigration: 'createMigration',
  dbExecute: 'dbExecute',
  debugPanic: 'debugPanic',
  devDiagnostic: 'devDiagnostic',
  diagnoseMigrationHistory: 'diagnoseMigrationHistory',
  diff: 'diff',
  ensureConnectionValidity: 'ensureConnectionValidity',
  evaluateDataLoss: 'evaluateDataLoss',
  getDatabaseVersion: 'version',
  introspect: 'introspect',
  introspectSql: 'introspectSql',
  markMigrationApplied: 'markMigrationApplied',
  markMigrationRolledBack: 'markMigrationRolledBack',
  reset: 'reset',
  schemaPush: 'schemaPush',
} as const satisfies Record<string, keyof SchemaEngine>;

export type EngineMethod = keyof typeof METHODS;

export function isEngineMethod(method: string): method is EngineMethod {
  return Object.hasOwn(METHODS, method);
}

/**
 * The engine panics (`validate_multi_file() must be called with at least one file`) when it
 * starts without a schema, as `migrate diff` starts it.
 */
const MINIMAL_DATAMODEL: Datamodel = ['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n'];

let callsInFlight = 0;

async function tracked<T>(work: () => Promise<T>): Promise<T> {
  callsInFlight += 1;
  try {
    return await work();
  } finally {
    callsInFlight -= 1;
    if (callsInFlight === 0) releaseEngineTimers();
  }
}

function migrationsListOf(params: unknown): unknown {
  return typeof params === 'object' && params !== null ? Reflect.get(params, 'migrationsList') : undefined;
}

function optsInToShadow(params: unknown): boolean {
  return typeof params === 'object' && params !== null && Reflect.get(params, 'optInToShadowDatabase') === true;
}

function filtersOf(params: unknown): unknown {
  const filters = typeof params === 'object' && params !== null ? Reflect.get(params, 'filters') : undefined;
  return filters ?? { externalTables: [], externalEnums: [] };
}

/** One schema engine instance over one adapter factory; calls run one at a time. */
export class EngineSession {
  readonly #engine: SchemaEngine;
  readonly #factory: OwnedAdapterFactory;
  readonly #errors: ExternalErrors;
  #queue: Promise<unknown> = Promise.resolve();
  #poisoned: EngineError | undefined;
  #historyCold = false;
  #closed = false;

  private constructor(engine: SchemaEngine, factory: OwnedAdapterFactory, errors: ExternalErrors) {
    this.#engine = engine;
    this.#factory = factory;
    this.#errors = errors;
  }

  /** Starts an engine over `factory`; `log` receives the engine's JSON log lines. */
  static async open(options: {
    datamodels: Datamodel[];
    factory: OwnedAdapterFactory;
    log?: (line: string) => void;
  }): Promise<EngineSession> {
    const { factory } = options;
    const datamodels = options.datamodels.length > 0 ? options.datamodels : [MINIMAL_DATAMODEL];
    const log = options.log ?? ((): void => undefined);
    const bound = bindMigrationAwareSqlAdapterFactory(factory);
    try {
      const engineModule = await loadEngineModule();
      const engine = await tracked(async () => {
        try {
          return await engineModule.SchemaEngine.new({ datamodels }, log, bound);
        } catch (error) {
          throw EngineSession.#failure(error, bound.errorRegistry);
        }
      });
      return new EngineSession(engine, factory, bound.errorRegistry);
    } catch (error) {
      await factory.close().catch(() => undefined);
      throw error;
    }
  }

  static #failure(error: unknown, errors: ExternalErrors): EngineError {
    const panic = takePanicMessage();
    if (panic !== undefined) discardEngineModule();
    return toThrowable(toUserFacingError(error, errors, panic));
  }

  /** Calls an engine method by its CLI name; rejects with an {@link EngineError}. */
  call(method: EngineMethod, params: unknown): Promise<unknown> {
    const result = this.#queue.then(() => tracked(() => this.#call(method, params)));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #call(method: EngineMethod, params: unknown): Promise<unknown> {
    if (this.#closed) throw new EngineError(undefined, 'The schema engine session is closed.');
    if (this.#poisoned) throw this.#poisoned;
    if ((method === 'evaluateDataLoss' || method === 'createMigration') && this.#historyCold) {
      // Right after applyMigrations these fail for want of a shadow database unless the
      // migration history has been diagnosed first.
      await this.#invoke('diagnoseMigrationHistory', {
        migrationsList: migrationsListOf(params),
        filters: filtersOf(params),
        optInToShadowDatabase: true,
      });
      this.#historyCold = false;
    }
    const result = await this.#invoke(method, params);
    if (method === 'applyMigrations') this.#historyCold = true;
    if (method === 'diagnoseMigrationHistory' && optsInToShadow(params)) this.#historyCold = false;
    return result;
  }

  async #invoke(method: EngineMethod, params: unknown): Promise<unknown> {
    const engineMethod: unknown = Reflect.get(this.#engine, METHODS[method]);
    if (typeof engineMethod !== 'function') throw new EngineError(undefined, `The schema engine has no method ${method}.`);
    try {
      return await (engineMethod as (input: unknown) => Promise<unknown>).call(this.#engine, params ?? null);
    } catch (error) {
      const failure = EngineSession.#failure(error, this.#errors);
      if (failure.isPanic) this.#poisoned = failure;
      throw failure;
    }
  }

  /** Frees the engine and closes every connection and database its factory opened. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    try {
      if (!this.#poisoned) this.#engine.free();
    } finally {
      await this.#factory.close();
      if (callsInFlight === 0) releaseEngineTimers();
    }
  }
}
