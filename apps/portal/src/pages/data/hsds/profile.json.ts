import type { APIRoute } from 'astro';
import { hsdsProfile } from '../../../lib/hsds.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(hsdsProfile(site ?? new URL('http://localhost:4000')), null, 1), { headers: { 'content-type': 'application/schema+json' } });
