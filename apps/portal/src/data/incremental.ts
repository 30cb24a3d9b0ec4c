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

/**
 * A loader of entries that each belong to one station (officers, areas, reports …). A full
 * build fetches them all; an incremental one fetches only the changed stations' entries and
 * replaces theirs in the kept store, so one station's change costs that station's queries,
 * not the whole data set's. The pages group entries by station and sort each group
 * (`lib/site-data.ts`), so the order entries were stored in does not change the site.
 */
export function stationScopedLoader<T extends { id: string }>(source: ApiSource, options: StationScopedOptions<T>): Loader {
  return {
    name: options.name,
    load: async (context) => {
      const stale = staleStations(context, source);
      context.logger.info(stale === null ? 'loading every station' : `loading ${stale.join(', ')}; the other stations from the kept data store`);
      if (stale === null) {
        const entries = await options.all();
        context.store.clear();
        await storeEntries(context, entries);
      } else {
        const entries = await options.ofStations(stale);
        const changed = new Set(stale);
        for (const [id, entry] of context.store.entries()) {
          if (changed.has(options.stationOf(entry.data, id))) context.store.delete(id);
        }
        await storeEntries(context, entries);
      }
      markLoaded(context, source);
    },
  };
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
