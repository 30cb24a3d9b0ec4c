import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** A file as served: its size and modification time, from which its validators are made. */
export interface FileVersion {
  path: string;
  size: number;
  mtimeMs: number;
}

export type Encoding = 'br' | 'gzip';

/** Files smaller than this are sent as they are: compressing them saves less than the header costs. */
export const MIN_COMPRESS_BYTES = 1024;

/** Compressed bodies kept in memory, by file version and encoding (the built portal is a few MB). */
const CACHE_LIMIT_BYTES = 64 * 1024 * 1024;

const compressors: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    promisify(brotliCompress)(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  gzip: (data) => promisify(gzip)(data, { level: 9 }),
};

/** The part of a validator that names the file version: `<size>-<mtime>` in hex. */
function versionTag(file: FileVersion): string {
  return `${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}`;
}

/** A weak ETag for one representation of `file` (the encoding is part of it, as the bytes differ). */
export function etagOf(file: FileVersion, encoding: Encoding | null): string {
  return `W/"${versionTag(file)}${encoding ? `-${encoding}` : ''}"`;
}

/**
 * Whether a conditional GET may be answered 304: `If-None-Match` naming any representation of
 * this file version (weak comparison, RFC 9110 §13.1.2), or else `If-Modified-Since` not before
 * its modification time (to the second).
 */
export function notModified(headers: Headers, file: FileVersion): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    const version = versionTag(file);
    return ifNoneMatch.split(',').some((tag) => {
      const opaque = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(tag)?.[1];
      return opaque !== undefined && (opaque === version || opaque.startsWith(`${version}-`));
    });
  }
  const since = Date.parse(headers.get('if-modified-since') ?? '');
  return Number.isFinite(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since;
}

/** The encoding to send: brotli if accepted, else gzip, else none (`q=0` refuses one). */
export function pickEncoding(acceptEncoding: string | null): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** Compresses built files on first request and keeps them while they are unchanged (least recently used go first). */
export function createCompressedCache(limitBytes = CACHE_LIMIT_BYTES) {
  const entries = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let total = 0;
  return async function compressed(file: FileVersion, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding}:${file.path}:${versionTag(file)}`;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const pending = readFile(file.path).then((data) => compressors[encoding](data));
    entries.set(key, pending);
    const body = await pending.catch((error: unknown) => {
      entries.delete(key);
      throw error;
    });
    sizes.set(key, body.length);
    total += body.length;
    for (const oldest of entries.keys()) {
      if (total <= limitBytes || oldest === key) break;
      entries.delete(oldest);
      total -= sizes.get(oldest) ?? 0;
      sizes.delete(oldest);
    }
    return body;
  };
}
