import type { APIRoute } from 'astro';
import { calendarFeed } from '../../lib/release-calendar.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await calendarFeed(site ?? new URL('http://localhost:4000')), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
