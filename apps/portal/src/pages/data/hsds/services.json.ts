import type { APIRoute } from 'astro';
import { hsdsServices } from '../../../lib/hsds.ts';
import { siteData } from '../../../lib/site-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(hsdsServices(await siteData(), site ?? new URL('http://localhost:4000')), null, 1), { headers: { 'content-type': 'application/json' } });
