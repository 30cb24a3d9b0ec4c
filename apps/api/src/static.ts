import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
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

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Serves a built static site (the portal's `dist/`) from `root`: `index.html` for directories,
 * a redirect to the trailing-slash address, `404.html` when nothing matches, and a
 * "being built" page while `root` does not exist yet.
 */
export function createStaticHandler(root: () => string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const base = root();
    const url = new URL(req.url ?? '/', 'http://portal');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = normalize(join(base, pathname));
    if (target !== base && !target.startsWith(base + sep)) {
      res.writeHead(404).end();
      return;
    }
    let found = await fileAt(target);
    if (!found && (await fileAt(join(target, 'index.html')))) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      found = await fileAt(join(target, 'index.html'));
    }
    let status = 200;
    if (!found) {
      found = await fileAt(join(base, '404.html'));
      status = 404;
      if (!found && !(await stat(base).catch(() => null))) {
        res.writeHead(503, { 'content-type': TYPES['.html'], 'retry-after': '5' }).end(BUILDING_PAGE);
        return;
      }
      if (!found) {
        res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
        return;
      }
    }
    const immutable = pathname.startsWith('/_astro/');
    res.writeHead(status, {
      'content-type': TYPES[extname(found.path)] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.path).pipe(res);
  };
}
