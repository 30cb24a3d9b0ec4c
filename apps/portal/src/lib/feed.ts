import rss from '@astrojs/rss';
import { type Lang, localePath, t } from '@openstation/site/i18n';
import { plain } from '@openstation/site/localized';
import { stationBundle } from './site-data.ts';

/** The RSS 2.0 feed of a station's published reports, in `lang`, with its Atom `self` link. */
export async function reportsFeed(slug: string, lang: Lang, site: URL): Promise<Response> {
  const { station, reports } = await stationBundle(slug);
  const self = new URL(localePath(lang, `/${slug}/reports/feed.xml`), site).href;
  return rss({
    title: `${plain(station.name, lang)} · ${t(lang, 'reports.title')}`,
    description: t(lang, 'reports.intro'),
    site,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${lang === 'zh' ? 'zh-cn' : 'en'}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: reports.map((r) => ({
      title: plain(r.title, lang),
      link: localePath(lang, `/${slug}/reports/${r.slug}/`),
      description: plain(r.summary, lang),
      ...(r.publishedAt ? { pubDate: new Date(r.publishedAt) } : {}),
    })),
  });
}
