import type { Loader, LoaderContext } from 'astro/loaders';
import { buildDate } from '../lib/overdue.ts';
import type { ApiSource } from './client.ts';

/**
 * The stations an incremental build rebuilds (`PORTAL_ONLY_STATIONS=slug,slug`, set by the
 * API's portal publisher), or null in a full build.
 */
export function changedStations(env: Record<string, string | undefined> = process.env): string[] | null {
  const only = env.PORTAL_ONLY_STATIONS;
  return only === undefined ? null : only.split(',').filter(Boolean);
}

/** What a kept data store must have been loaded from: the same API, on the same build day. */
function origin(source: ApiSource): string {
  return `${source.url} ${buildDate().toISOString().slice(0, 10)}`;
}

const LOADED_FROM = 'loaded-from';

/**
 * The stations whose entries a loader must fetch again, reusing the rest of the data store
 * kept from the previous build (Astro keeps it in `cacheDir`, which the API's publisher
 * keeps per site and removes after a failed build): null means fetch everything, because
 * the build is full or the store was not loaded completely from this API today.
 */
export function staleStations(context: LoaderContext, source: ApiSource): string[] | null {
  const only = changedStations();
  if (only === null || context.meta.get(LOADED_FROM) !== origin(source)) return null;
  return only;
}

/** Records that the collection now holds every entry, current as of this build. */
export function markLoaded(context: LoaderContext, source: ApiSource): void {
  context.meta.set(LOADED_FROM, origin(source));
}

/** Validates entries with the collection's schema and stores them (what Astro's inline loaders do). */
export async function storeEntries(context: LoaderContext, entries: readonly { id: string }[]): Promise<void> {
  for (const raw of entries) {
    context.store.set({ id: raw.id, data: await context.parseData({ id: raw.id, data: raw as Record<string, unknown> }) });
  }
}

/** What a loader does to the data store once every loader has fetched. */
export type StoreUpdate = () => Promise<void>;

/** How often the store's write is put off while loaders fetch (Astro writes 500 ms after the last change). */
const HOLD_EVERY_MS = 200;

/**
 * Loaders that fetch first and change the data store all at once. Astro writes the whole
 * store to disk 500 ms after its last change, and for 200 stations each write took 3–4 s of
 * CPU: Astro's own bookkeeping at the start of a sync, and loaders that changed the store as
 * each finished fetching, made it write several times a build. Every loader made here waits
 * until all of them have fetched, then they update the store together; while they fetch, the
 * write is put off (a constant meta entry set again). The store is written once.
 */
export class StoreTogether {
  #expected = 0;
  #round = StoreTogether.#newRound();

  /** One content sync's loaders: how many have fetched, and what they wait for. */
  static #newRound() {
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    return { arrived: 0, all, release, holding: null as NodeJS.Timeout | null };
  }

  /** A loader that runs `fetch`, then, once every loader of this set has fetched, the update it answered. */
  loader(name: string, fetch: (context: LoaderContext) => Promise<StoreUpdate>): Loader {
    this.#expected += 1;
    return {
      name,
      load: async (context) => {
        const round = this.#round;
        // Puts off Astro's write of the store until every loader has fetched.
        round.holding ??= setInterval(() => context.meta.set('held-while-fetching', 'yes'), HOLD_EVERY_MS);
        let update: StoreUpdate;
        try {
          update = await fetch(context);
        } finally {
          // A failed fetch counts too (the build fails with its error), so the others never wait forever.
          round.arrived += 1;
          if (round.arrived === this.#expected) {
            this.#round = StoreTogether.#newRound();
            clearInterval(round.holding);
            round.release();
          }
        }
        await round.all;
        await update();
      },
    };
  }

  /** A collection fetched whole every build (small ones, or those that change with the date). */
  whole(name: string, load: () => Promise<{ id: string }[]>): Loader {
    return this.loader(name, async (context) => {
      const entries = await load();
      return async () => {
        context.store.clear();
        await storeEntries(context, entries);
      };
    });
  }

  /**
   * A collection of entries that each belong to one station (officers, areas, reports …). A
   * full build fetches them all; an incremental one fetches only the changed stations'
   * entries and replaces theirs in the kept store, so one station's change costs that
   * station's queries, not the whole data set's. The pages group entries by station and
   * sort each group (`lib/site-data.ts`), so the order entries were stored in does not
   * change the site (and Astro writes the store sorted by id).
   */
  stationScoped<T extends { id: string }>(source: ApiSource, options: StationScopedOptions<T>): Loader {
    return this.loader(options.name, async (context) => {
      const stale = staleStations(context, source);
      context.logger.info(stale === null ? 'loading every station' : `loading ${stale.join(', ')}; the other stations from the kept data store`);
      const entries = stale === null ? await options.all() : await options.ofStations(stale);
      return async () => {
        if (stale === null) context.store.clear();
        else {
          const changed = new Set(stale);
          for (const [id, entry] of context.store.entries()) {
            if (changed.has(options.stationOf(entry.data, id))) context.store.delete(id);
          }
        }
        await storeEntries(context, entries);
        markLoaded(context, source);
      };
    });
  }
}

export interface StationScopedOptions<T extends { id: string }> {
  /** Names the loader in Astro's log. */
  name: string;
  /** Every entry of every station. */
  all(): Promise<T[]>;
  /** The entries of these stations only. */
  ofStations(slugs: readonly string[]): Promise<T[]>;
  /** The station a stored entry belongs to. */
  stationOf(data: Record<string, unknown>, id: string): string;
}

/** Runs `task` for each item, `limit` at a time, answering in the items' order. */
export async function inParallel<I, O>(items: readonly I[], limit: number, task: (item: I) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      out[index] = await task(items[index] as I);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
