import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In an incremental build (`PORTAL_ONLY_STATIONS`), the sitemap must still list every
 * station's pages, but the build only sees the pages it writes: this gives back the
 * addresses of the previous site's sitemap (`PORTAL_PREVIOUS_DIR`) except those of the
 * stations being rebuilt (their pages, English pages and vCards), for `customPages`.
 * The sitemap integration sorts and de-duplicates, so the result equals a full build's.
 */
export function keptSitemapPages(env: NodeJS.ProcessEnv = process.env): string[] {
  const only = env.PORTAL_ONLY_STATIONS;
  const previous = env.PORTAL_PREVIOUS_DIR;
  if (only === undefined || !previous || !existsSync(previous)) return [];
  const rebuilt = only.split(',').filter(Boolean);
  const prefixes = rebuilt.flatMap((slug) => [`/${slug}/`, `/en/${slug}/`, `/vcard/${slug}/`]);
  const files = readdirSync(previous).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const urls = files.flatMap((f) => [...readFileSync(join(previous, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string));
  return urls.filter((url) => !prefixes.some((prefix) => new URL(url).pathname.startsWith(prefix)));
}
