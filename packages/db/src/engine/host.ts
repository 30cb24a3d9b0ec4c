import { openAdapterFactory, scratchAdapterFactory } from './adapters.ts';
import { type DatasourceConfig, parseDatabaseUrl } from './datasource.ts';
import { type Datamodel, type EngineMethod, EngineSession } from './session.ts';

const IN_MEMORY: DatasourceConfig = { url: 'pglite:memory' };

/**
 * Whether a call reads the main database. Only `diff` can do without it: between schema
 * files, migration directories (replayed into the shadow database) and empty.
 */
function readsMainDatabase(method: EngineMethod, params: unknown): boolean {
  if (method !== 'diff' || typeof params !== 'object' || params === null) return true;
  return [Reflect.get(params, 'from'), Reflect.get(params, 'to')].some((target: unknown) => {
    const tag: unknown = typeof target === 'object' && target !== null ? Reflect.get(target, 'tag') : undefined;
    return tag === 'url' || tag === 'schemaDatasource';
  });
}

/**
 * Opens the engine on the first call and routes calls to it. The engine queries its main
 * database as soon as it starts; for a `pglite:` datasource and a call that does not read it
 * (`prisma migrate diff --from-migrations … --to-schema …`, the CI drift check) an in-memory
 * PGlite stands in, so no data directory is created or locked.
 */
export class EngineHost {
  readonly #datasource: DatasourceConfig | undefined;
  readonly #datamodels: () => Promise<Datamodel[]>;
  readonly #log: (line: string) => void;
  #session: { opened: Promise<EngineSession>; detached: boolean } | undefined;

  constructor(options: {
    datasource: DatasourceConfig | undefined;
    datamodels: () => Promise<Datamodel[]>;
    log: (line: string) => void;
  }) {
    this.#datasource = options.datasource;
    this.#datamodels = options.datamodels;
    this.#log = options.log;
  }

  async call(method: EngineMethod, params: unknown): Promise<unknown> {
    const needsMain = readsMainDatabase(method, params);
    if (this.#session?.detached === true && needsMain) await this.close();
    const session = (this.#session ??= this.#open(needsMain));
    return (await session.opened).call(method, params);
  }

  #open(needsMain: boolean): { opened: Promise<EngineSession>; detached: boolean } {
    const datasource = this.#datasource ?? IN_MEMORY;
    const detached = !needsMain && parseDatabaseUrl(datasource.url).kind === 'pglite';
    const entry = {
      detached,
      opened: this.#datamodels().then((datamodels) =>
        EngineSession.open({
          datamodels,
          factory: detached ? scratchAdapterFactory() : openAdapterFactory(datasource),
          log: this.#log,
        }),
      ),
    };
    entry.opened.catch(() => {
      if (this.#session === entry) this.#session = undefined;
    });
    return entry;
  }

  /** Closes the engine and everything it opened. */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (session) await (await session.opened.catch(() => undefined))?.close();
  }
}
