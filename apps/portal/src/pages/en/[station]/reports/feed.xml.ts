import type { APIRoute } from 'astro';
import { reportsFeed } from '../../../../lib/feed.ts';
import { stationPaths } from '../../../../lib/paths.ts';

export const getStaticPaths = stationPaths;

export const GET: APIRoute = ({ params, site }) => reportsFeed(params.station ?? '', 'en', site ?? new URL('http://localhost:4000'));
