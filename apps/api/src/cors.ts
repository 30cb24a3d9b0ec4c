/** Request headers a browser page may send, and response headers it may read, cross-origin. */
export const CORS_HEADERS = {
  allowedHeaders: ['content-type', 'accept', 'accept-language', 'authorization', 'x-api-key', 'x-graphql-yoga-csrf'],
  exposedHeaders: ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
};

/** `CORS_ORIGINS=https://a.example,https://b.example` as a list (empty: no cross-origin browser calls). */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter((origin) => origin !== '');
}
