import type { APIRoute } from 'astro';
// Read when the portal is built: the download is apps/api/schema.graphql, byte for byte.
import schema from '../../../../../api/schema.graphql?raw';

export const GET: APIRoute = () => new Response(schema, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
