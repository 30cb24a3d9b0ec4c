import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@openstation/db';
import { type Lang, localePath, t } from '@openstation/portal/i18n';
import { areaOfficersPath, FIND_OFFICER_PATH, officersPath, PLACE_MAX_LENGTH } from '@openstation/portal/routes';
import { esc, htmlResponse, portalPage, stylesheets } from './portal-page.ts';
import { areaNameFilter } from './schema/area.ts';

export interface FindOfficerOptions {
  prisma: PrismaClient;
  /** The built portal (`apps/portal/dist`): result pages link its stylesheet when it exists. */
  portalRoot?: () => string;
}

interface Place {
  id: number;
  nameZh: string;
  nameEn: string | null;
}

interface StationRow {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string | null;
}

/** A name in `lang`, marked as Chinese when English was asked for but is missing. */
function nameHtml(row: { nameZh: string; nameEn: string | null }, lang: Lang): string {
  if (lang === 'en' && row.nameEn) return esc(row.nameEn);
  return lang === 'en' ? `<span lang="zh-CN">${esc(row.nameZh)}</span>` : esc(row.nameZh);
}

const plainName = (row: { nameZh: string; nameEn: string | null }, lang: Lang) =>
  lang === 'en' && row.nameEn ? row.nameEn : row.nameZh;

function form(lang: Lang, station: StationRow, place: string, names: string[]): string {
  return (
    `<form class="find" method="get" action="${FIND_OFFICER_PATH}" role="search" aria-labelledby="find-title">` +
    `<h2 id="find-title">${esc(t(lang, 'find.title'))}</h2>` +
    `<input type="hidden" name="station" value="${esc(station.slug)}"><input type="hidden" name="lang" value="${lang}">` +
    `<label for="place">${esc(t(lang, 'find.label'))}</label>` +
    `<div class="find-row"><input id="place" name="place" type="search" list="places" required maxlength="${PLACE_MAX_LENGTH}" autocomplete="off" enterkeyhint="search" value="${esc(place.slice(0, PLACE_MAX_LENGTH))}">` +
    `<button type="submit">${esc(t(lang, 'find.submit'))}</button></div>` +
    `<datalist id="places">${names.map((n) => `<option value="${esc(n)}">`).join('')}</datalist>` +
    `<p class="meta"><a href="${esc(officersPath(lang, station.slug))}">${esc(t(lang, 'find.allAreas', { station: plainName(station, lang) }))}</a></p>` +
    '</form>'
  );
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-cache' } });
}

/**
 * `GET /find-officer?station=<slug>&place=<text>&lang=zh|en`: the no-JavaScript "type your
 * community or village" form of the portal. One matching area → 303 to its officer page;
 * several → a page linking each; none → a page saying so. Unknown station → 404, a place
 * longer than {@link PLACE_MAX_LENGTH} → 400. Names match as in `officers(areaName:)`.
 */
export function createFindOfficer({ prisma, portalRoot }: FindOfficerOptions) {
  async function fetch(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const query = new URL(request.url).searchParams;
    const lang: Lang = query.get('lang') === 'en' ? 'en' : 'zh';
    const slug = (query.get('station') ?? '').trim();
    const place = (query.get('place') ?? '').trim();
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const otherQuery = new URLSearchParams({ station: slug, place, lang: other });
    const otherHref = `${FIND_OFFICER_PATH}?${otherQuery.toString()}`;
    const css = await stylesheets(portalRoot);

    const station =
      slug.length > 0 && slug.length <= 100
        ? await prisma.station.findUnique({ where: { slug }, select: { id: true, slug: true, nameZh: true, nameEn: true } })
        : null;
    if (!station) {
      const title = t(lang, 'site.notFound');
      const body =
        `<h1>${esc(title)}</h1><p>${esc(t(lang, 'find.noStation'))} ` +
        `<a href="${localePath(lang, '/')}">${esc(t(lang, 'nav.stations'))}</a></p>`;
      return htmlResponse(404, portalPage({ lang, title, otherHref: `${FIND_OFFICER_PATH}?lang=${other}`, body, css }));
    }
    const allNames = async () => {
      const areas = await prisma.area.findMany({
        where: { stationId: station.id, retiredAt: null },
        select: { nameZh: true, nameEn: true },
        orderBy: { id: 'asc' },
      });
      return [...new Set(areas.map((a) => plainName(a, lang)))];
    };
    const stationLink = `<p><a href="${esc(localePath(lang, `/${station.slug}/`))}">${nameHtml(station, lang)}</a></p>`;

    if (place.length > PLACE_MAX_LENGTH) {
      const title = t(lang, 'find.title');
      const body =
        `${stationLink}<h1>${esc(title)}</h1><p class="alert" role="alert">${esc(t(lang, 'find.tooLong', { max: PLACE_MAX_LENGTH }))}</p>` +
        form(lang, station, '', await allNames());
      return htmlResponse(400, portalPage({ lang, title, otherHref: `${FIND_OFFICER_PATH}?station=${encodeURIComponent(station.slug)}&lang=${other}`, body, css }));
    }
    if (place === '') return redirect(officersPath(lang, station.slug));

    const matches: Place[] = await prisma.area.findMany({
      where: { stationId: station.id, retiredAt: null, ...areaNameFilter(place) },
      select: { id: true, nameZh: true, nameEn: true },
      orderBy: { id: 'asc' },
      take: 100,
    });
    const typed = place.toLocaleLowerCase();
    const exact = matches.filter((a) => a.nameZh.toLocaleLowerCase() === typed || a.nameEn?.toLocaleLowerCase() === typed);
    const only = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : undefined;
    if (only) return redirect(areaOfficersPath(lang, station.slug, only.id));

    const title = t(lang, 'find.resultsTitle', { place });
    const intro =
      matches.length > 0
        ? `<p>${esc(t(lang, 'find.several', { n: matches.length, place }))}</p><ul class="tiles areas-list">${matches
            .map((a) => `<li><a href="${esc(areaOfficersPath(lang, station.slug, a.id))}">${nameHtml(a, lang)}</a></li>`)
            .join('')}</ul>`
        : `<p role="status">${esc(t(lang, 'find.none', { station: plainName(station, lang), place }))}</p>`;
    const body = `${stationLink}<h1>${esc(title)}</h1>${intro}${form(lang, station, place, await allNames())}`;
    return htmlResponse(200, portalPage({ lang, title, otherHref, body, css }));
  }

  /** The same route for `node:http` (`server.ts`). */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const response = await fetch(new Request(new URL(req.url ?? '/', 'http://openstation'), { method: req.method ?? 'GET' }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
  }

  return { fetch, handle };
}

export type FindOfficer = ReturnType<typeof createFindOfficer>;
