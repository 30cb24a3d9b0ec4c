import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { serveOnNode } from '../../src/http/node-server.ts';
import { createHttpApp } from '../../src/http/app.ts';
import { clientContext } from '../../src/http/context.ts';

const scratch = mkdtempSync(join(tmpdir(), 'openstation-static-'));
const dist = join(scratch, 'dist');
const files: Record<string, string> = {
  'index.html': '<h1>home</h1>',
  'zhuze/index.html': '<h1>zhuze</h1>',
  '404.html': '<h1>missing</h1>',
  '_astro/Base.abc.css': 'body{}',
  'vcard/zhuze/1.vcf': 'BEGIN:VCARD',
  'reports/index.html': `<!doctype html><h1>报告</h1>${'<p>本季度受理各类案件181起，同比下降18.1%。</p>'.repeat(200)}`,
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
}
writeFileSync(join(scratch, 'secret.txt'), 'not for the web');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The server's router with stand-ins for the API and the database: only the portal's files are real. */
function appServing(root: string) {
  return createHttpApp({
    api: { fetch: () => new Response(null, { status: 204 }) },
    database: { ping: async () => {}, pendingMigrations: async () => [] },
    portalRoot: () => root,
  });
}

const app = appServing(dist);
const get = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
  app(new Request(`http://openstation${path}`, { method, headers }), clientContext('192.0.2.1'));
const report = files['reports/index.html'] ?? '';

describe('the built portal, served through the router', () => {
  it('serves index.html for directories, with its type, length and caching headers', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('content-length')).toBe(String(files['index.html']?.length));
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect(await (await get('/zhuze/')).text()).toBe('<h1>zhuze</h1>');
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const response = await get('/zhuze?x=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/zhuze/?x=1');
  });

  it('redirects same-origin and path-only, never protocol-relative (`//zhuze` is not the host `zhuze`)', async () => {
    for (const path of ['//zhuze', '///zhuze?x=1']) {
      const location = (await get(path)).headers.get('location') ?? '';
      expect(location.startsWith('/') && !location.startsWith('//'), `${path} → ${location}`).toBe(true);
      expect(new URL(location, 'http://openstation').origin).toBe('http://openstation');
    }
  });

  it('answers TRACE with 405 and the Allow header of each route, on a real socket', async () => {
    const server = serveOnNode(app);
    const port = await server.listen(0, '127.0.0.1');
    const send = (method: string, path: string) =>
      new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const expected: Record<string, string> = {
        '/graphql': 'GET, HEAD, POST, OPTIONS',
        '/health': 'GET, HEAD',
        '/ready': 'GET, HEAD',
        '/find-officer': 'GET, HEAD',
        '/survey/submit': 'POST',
        '/zhuze/': 'GET, HEAD',
      };
      for (const [path, allow] of Object.entries(expected)) {
        expect(await send('TRACE', path), `TRACE ${path}`).toEqual({ status: 405, allow });
      }
      expect((await send('PUT', '/survey/submit')).status).toBe(405);
    } finally {
      await server.close(1_000);
    }
  });

  it('gives hashed assets a year of caching and vCards their type', async () => {
    const css = await get('/_astro/Base.abc.css');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/vcard/zhuze/1.vcf')).headers.get('content-type')).toBe('text/vcard; charset=utf-8');
  });

  it('answers 404.html for a missing page and never serves a file outside the build', async () => {
    const missing = await get('/nowhere/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>missing</h1>');
    for (const path of ['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/zhuze/..%2f..%2fsecret.txt']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('not for the web');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body, and 405 to other methods', async () => {
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(files['index.html']?.length));
    expect(await head.text()).toBe('');
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('compresses text with brotli or gzip as the client accepts, and small files and other types not at all', async () => {
    const br = await get('/reports/', 'GET', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(Buffer.byteLength(report) / 10);
    expect(brotliDecompressSync(brBody).toString()).toBe(report);

    const gz = await get('/reports/', 'GET', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(report);

    const none = await get('/reports/', 'GET', { 'accept-encoding': 'identity' });
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(await none.text()).toBe(report);
    const small = await get('/', 'GET', { 'accept-encoding': 'br' });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toBe('<h1>home</h1>');
  });

  it('answers 304 to a conditional request for an unchanged file (ETag or Last-Modified), and 200 once it changes', async () => {
    const first = await get('/reports/', 'GET', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^W\/"[\da-f]+-[\da-f]+-br"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    const byTag = await get('/reports/', 'GET', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect(await byTag.text()).toBe('');
    expect((await get('/reports/', 'HEAD', { 'if-none-match': `"other", ${etag}` })).status).toBe(304);
    expect((await get('/reports/', 'GET', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/reports/', 'GET', { 'if-none-match': 'W/"0-0"' })).status).toBe(200);
    expect((await get('/nowhere/', 'GET', { 'if-none-match': '*' })).status).toBe(404);

    writeFileSync(join(dist, 'reports/index.html'), `${report}<p>更正</p>`);
    const changed = await get('/reports/', 'GET', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(brotliDecompressSync(Buffer.from(await changed.arrayBuffer())).toString()).toBe(`${report}<p>更正</p>`);
  });

  it('answers a page that reloads itself (503, Retry-After) while the portal has not been built yet', async () => {
    const response = await appServing(join(scratch, 'not-built-yet'))(new Request('http://openstation/zhuze/'), clientContext(undefined));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.text()).toContain('http-equiv="refresh"');
  });
});
