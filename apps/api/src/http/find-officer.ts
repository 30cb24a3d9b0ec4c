import { localId } from '@openstation/site/global-id';
import { type Lang, localePath, t } from '@openstation/site/i18n';
import { areaOfficersPath, FIND_OFFICER_PATH, officersPath, PLACE_MAX_LENGTH } from '@openstation/site/routes';
import type { ServerContext } from './context.ts';
import { textProblem } from '../limits/input-boundary.ts';
import { firstErrorCode, graphqlInProcess, type InProcessApi } from './graphql-in-process.ts';
import { esc, htmlResponse, portalPage, stylesheets } from './portal-page.ts';

export interface FindOfficerOptions {
  /** The GraphQL server, called in-process: the search is its public `station` and `areas` queries. */
  api: InProcessApi;
  /** The built portal (`apps/portal/dist`): result pages link its stylesheet when it exists. */
  portalRoot?: () => string;
}

interface Text {
  zh: string;
  en: string | null;
}

interface Named {
  name: Text;
}

interface AreaPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Named }[];
}

interface Found {
  station: (Named & { slug: string; areas?: AreaPage }) | null;
  matches?: { edges: { node: Named & { id: string } }[] };
}

const AREA_NAMES = 'areas(first: 100, after: $after) @include(if: $names) { pageInfo { hasNextPage endCursor } edges { node { name { zh en } } } }';

/** The station, the names for the form's suggestions (`$names`) and the areas matching `$place` (`$search`). */
const FIND_OFFICER_QUERY = `query FindOfficer($station: String!, $place: String!, $search: Boolean!, $names: Boolean!, $after: String) {
  station(slug: $station) { slug name { zh en } ${AREA_NAMES} }
  matches: areas(stationSlug: $station, name: $place, first: 100) @include(if: $search) { edges { node { id name { zh en } } } }
}`;

/** The next page of names, for a station with more areas than one page holds. */
const MORE_NAMES_QUERY = `query FindOfficerNames($station: String!, $names: Boolean!, $after: String) {
  station(slug: $station) { ${AREA_NAMES} }
}`;

/** Every station, for the page a search with no station gets. */
const STATIONS_QUERY = 'query FindOfficerStations { stations(first: 100) { edges { node { slug name { zh en } } } } }';

/** Pages of names read at most (1,000 areas). */
const MAX_NAME_PAGES = 10;

/** A name in `lang`, marked as Chinese when English was asked for but is missing. */
function nameHtml(name: Text, lang: Lang): string {
  if (lang === 'en' && name.en) return esc(name.en);
  return lang === 'en' ? `<span lang="zh-CN">${esc(name.zh)}</span>` : esc(name.zh);
}

const plainName = (name: Text, lang: Lang) => (lang === 'en' && name.en ? name.en : name.zh);

function form(lang: Lang, station: Named & { slug: string }, place: string, names: string[]): string {
  return (
    `<form class="find" method="get" action="${FIND_OFFICER_PATH}" role="search" aria-labelledby="find-title">` +
    `<h2 id="find-title">${esc(t(lang, 'find.title'))}</h2>` +
    `<input type="hidden" name="station" value="${esc(station.slug)}"><input type="hidden" name="lang" value="${lang}">` +
    `<label for="place">${esc(t(lang, 'find.label'))}</label>` +
    `<div class="find-row"><input id="place" name="place" type="search" list="places" required maxlength="${PLACE_MAX_LENGTH}" autocomplete="off" enterkeyhint="search" value="${esc(place.slice(0, PLACE_MAX_LENGTH))}">` +
    `<button type="submit">${esc(t(lang, 'find.submit'))}</button></div>` +
    `<datalist id="places">${names.map((n) => `<option value="${esc(n)}">`).join('')}</datalist>` +
    `<p class="meta"><a href="${esc(officersPath(lang, station.slug))}">${esc(t(lang, 'find.allAreas', { station: plainName(station.name, lang) }))}</a></p>` +
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
 * longer than {@link PLACE_MAX_LENGTH} → 400. No station at all (`/find-officer/` opened by
 * itself) → a page linking every station's list of communities and villages. The search runs the public `station` and
 * `areas(name:)` queries in-process as the client, so names match as in `officers(areaName:)`
 * and the client's cost budget pays for it (429 with `Retry-After` once it is spent).
 */
export function createFindOfficer({ api, portalRoot }: FindOfficerOptions) {
  async function fetch(request: Request, context: ServerContext): Promise<Response> {
    const query = new URL(request.url).searchParams;
    const lang: Lang = query.get('lang') === 'en' ? 'en' : 'zh';
    const slug = (query.get('station') ?? '').trim();
    const place = (query.get('place') ?? '').trim();
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const otherQuery = new URLSearchParams({ station: slug, place, lang: other });
    const otherHref = `${FIND_OFFICER_PATH}?${otherQuery.toString()}`;
    const css = await stylesheets(portalRoot);
    const page = (status: number, title: string, body: string, href = otherHref, headers: Record<string, string> = {}) =>
      htmlResponse(status, portalPage({ lang, title, otherHref: href, body, css }), headers);

    if (slug === '') {
      const listed = await graphqlInProcess<{ stations: { edges: { node: Named & { slug: string } }[] } }>(api, { request, context }, STATIONS_QUERY, {});
      const title = t(lang, 'find.pickStation');
      const links = (listed.answer.data?.stations.edges ?? [])
        .map(({ node }) => `<li><a href="${esc(officersPath(lang, node.slug))}">${nameHtml(node.name, lang)}</a></li>`)
        .join('');
      return page(200, title, `<h1>${esc(title)}</h1><p>${esc(t(lang, 'find.pickStationText'))}</p><ul class="tiles">${links}</ul>`, `${FIND_OFFICER_PATH}?lang=${other}`);
    }
    const tooLong = place.length > PLACE_MAX_LENGTH;
    // A place holding U+0000 or half a surrogate pair names no area: answered 400 below, never searched for.
    const unreadable = textProblem(place) !== null;
    const refused = tooLong || unreadable;
    const run = <TData>(text: string, variables: Record<string, unknown>) => graphqlInProcess<TData>(api, { request, context }, text, { station: slug, ...variables });
    const found =
      slug.length > 0 && slug.length <= 100
        ? await run<Found>(FIND_OFFICER_QUERY, { place: refused ? '' : place, search: place !== '' && !refused, names: place !== '' })
        : null;
    const station = found?.answer.data?.station;
    if (!station) {
      const code = found ? firstErrorCode(found.answer) : 'NOT_FOUND';
      // A slug the input boundary refuses (U+0000) names no station either.
      if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') {
        const title = t(lang, 'site.notFound');
        const body =
          `<h1>${esc(title)}</h1><p>${esc(t(lang, 'find.noStation'))} ` +
          `<a href="${localePath(lang, '/')}">${esc(t(lang, 'nav.stations'))}</a></p>`;
        return page(404, title, body, `${FIND_OFFICER_PATH}?lang=${other}`);
      }
      const busy = code === 'RATE_LIMITED';
      const title = t(lang, 'find.title');
      const body =
        `<h1>${esc(title)}</h1><p class="alert" role="alert" data-code="${esc(code ?? 'UNAVAILABLE')}">${esc(t(lang, busy ? 'find.busy' : 'find.unavailable'))}</p>` +
        `<p><a href="${esc(officersPath(lang, slug))}">${esc(t(lang, 'find.hint'))}</a></p>`;
      const retryAfter = found?.response.headers.get('retry-after');
      return page(busy ? 429 : 503, title, body, otherHref, retryAfter ? { 'retry-after': retryAfter } : {});
    }

    const allNames = async (): Promise<string[]> => {
      const names = (station.areas?.edges ?? []).map((e) => plainName(e.node.name, lang));
      let pageInfo = station.areas?.pageInfo;
      for (let pages = 1; pageInfo?.hasNextPage && pages < MAX_NAME_PAGES; pages++) {
        const more = await run<{ station: { areas: AreaPage } | null }>(MORE_NAMES_QUERY, { names: true, after: pageInfo.endCursor });
        const areas = more.answer.data?.station?.areas;
        names.push(...(areas?.edges ?? []).map((e) => plainName(e.node.name, lang)));
        pageInfo = areas?.pageInfo;
      }
      return [...new Set(names)];
    };
    const stationLink = `<p><a href="${esc(localePath(lang, `/${station.slug}/`))}">${nameHtml(station.name, lang)}</a></p>`;

    if (refused) {
      const title = t(lang, 'find.title');
      const shown = place.replaceAll('\u0000', '').toWellFormed();
      const alert = tooLong ? t(lang, 'find.tooLong', { max: PLACE_MAX_LENGTH }) : t(lang, 'find.none', { station: plainName(station.name, lang), place: shown });
      const body =
        `${stationLink}<h1>${esc(title)}</h1><p class="alert" role="alert">${esc(alert)}</p>` +
        form(lang, station, '', await allNames());
      return page(400, title, body, `${FIND_OFFICER_PATH}?station=${encodeURIComponent(station.slug)}&lang=${other}`);
    }
    if (place === '') return redirect(officersPath(lang, station.slug));

    const matches = (found?.answer.data?.matches?.edges ?? []).map((e) => ({ id: localId(e.node.id), name: e.node.name }));
    const typed = place.toLocaleLowerCase();
    const exact = matches.filter((a) => a.name.zh.toLocaleLowerCase() === typed || a.name.en?.toLocaleLowerCase() === typed);
    const only = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : undefined;
    if (only) return redirect(areaOfficersPath(lang, station.slug, only.id));

    const title = t(lang, 'find.resultsTitle', { place });
    const intro =
      matches.length > 0
        ? `<p>${esc(t(lang, 'find.several', { n: matches.length, place }))}</p><ul class="tiles areas-list">${matches
            .map((a) => `<li><a href="${esc(areaOfficersPath(lang, station.slug, a.id))}">${nameHtml(a.name, lang)}</a></li>`)
            .join('')}</ul>`
        : `<p role="status">${esc(t(lang, 'find.none', { station: plainName(station.name, lang), place }))}</p>`;
    const body = `${stationLink}<h1>${esc(title)}</h1>${intro}${form(lang, station, place, await allNames())}`;
    return page(200, title, body);
  }

  return { fetch };
}

export type FindOfficer = ReturnType<typeof createFindOfficer>;
