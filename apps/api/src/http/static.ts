import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { createCompressedCache, etagOf, type FileVersion, MIN_COMPRESS_BYTES, notModified, pickEncoding } from './static-encoding.ts';

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

const TYPES: Record<string, string> = {
  '.html': HTML,
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
  '.txt': TEXT,
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const BUILDING_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta http-equiv="refresh" content="5">' +
  '<title>OpenStation</title><p>门户网站正在生成，请稍候刷新。</p><p lang="en">The portal is being built: this page reloads in a few seconds.</p></html>';

/** Types sent compressed to clients that accept it. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.csv', '.vcf', '.txt', '.graphql', '.md']);

async function fileAt(path: string): Promise<FileVersion | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

function plain(status: number, headers: Record<string, string> = {}, body: string | null = null): Response {
  return new Response(body, { status, headers });
}

/**
 * Serves a built static site (the portal's `dist/`) from `root`: `index.html` for directories,
 * a redirect to the trailing-slash address, `404.html` when nothing matches, and a
 * "being built" page while `root` does not exist yet. Paths never leave `root`.
 * Text files of 1 KB or more go out brotli- or gzip-compressed when the client accepts it
 * (compressed once per file version, kept in memory); every file carries a weak `ETag` and
 * `Last-Modified`, and a conditional GET or HEAD for an unchanged file answers 304.
 */
export function createStaticHandler(root: () => string) {
  const compressed = createCompressedCache();
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, { allow: 'GET, HEAD' });
    const base = root();
    const url = new URL(request.url);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain(400);
    }
    const target = normalize(join(base, pathname));
    if (target !== base && !target.startsWith(base + sep)) return plain(404);
    let found = await fileAt(target);
    if (!found && (await fileAt(join(target, 'index.html')))) {
      // Path-only and same-origin: `//en` must not become `//en/`, which a browser reads as the host `en`.
      if (!pathname.endsWith('/')) return plain(301, { location: `/${url.pathname.replace(/^\/+/, '')}/${url.search}` });
      found = await fileAt(join(target, 'index.html'));
    }
    let status = 200;
    if (!found) {
      found = await fileAt(join(base, '404.html'));
      status = 404;
      if (!found && !(await stat(base).catch(() => null))) {
        return plain(503, { 'content-type': HTML, 'retry-after': '5' }, BUILDING_PAGE);
      }
      if (!found) return plain(404, { 'content-type': TEXT }, 'Not found');
    }
    const immutable = pathname.startsWith('/_astro/');
    const type = extname(found.path);
    const compressible = COMPRESSIBLE.has(type);
    const encoding = compressible && found.size >= MIN_COMPRESS_BYTES ? pickEncoding(request.headers.get('accept-encoding')) : null;
    const validators: Record<string, string> = {
      etag: etagOf(found, encoding),
      'last-modified': new Date(found.mtimeMs).toUTCString(),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(compressible ? { vary: 'accept-encoding' } : {}),
    };
    if (status === 200 && notModified(request.headers, found)) return plain(304, validators);
    const body = encoding ? await compressed(found, encoding) : null;
    const headers = {
      ...validators,
      'content-type': TYPES[type] ?? 'application/octet-stream',
      'content-length': String(body ? body.length : found.size),
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'x-content-type-options': 'nosniff',
    };
    if (request.method === 'HEAD') return new Response(null, { status, headers });
    return new Response(body ? new Uint8Array(body) : await openAsBlob(found.path), { status, headers });
  };
}
