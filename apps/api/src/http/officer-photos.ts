import type { PrismaClient } from '@openstation/db';
import type { FetchHandler } from './context.ts';

/** Where officers' photos are served: `/media/officers/<id>.jpg` (see `officerPhotoPath`). */
export const OFFICER_PHOTOS_PREFIX = '/media/officers/';

/** A stored photo as the route serves it. */
export interface StoredPhoto {
  bytes: Uint8Array;
  sha256: string;
  updatedAt: Date;
}

/** Reads an officer's stored photo; null when there is none or the officer is retired. */
export type PhotoReader = (officerId: number) => Promise<StoredPhoto | null>;

/** {@link PhotoReader} over the database. */
export function databasePhotoReader(prisma: Pick<PrismaClient, 'officerPhoto'>): PhotoReader {
  return (officerId) =>
    prisma.officerPhoto.findFirst({ where: { officerId, officer: { retiredAt: null } }, select: { bytes: true, sha256: true, updatedAt: true } });
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Serves officers' photos from the database at a stable address: the bytes stored (JPEG
 * without metadata), an ETag of their hash, and long caching when the URL names the current
 * version (`?v=`, as `photoUrl` does), a short one otherwise.
 */
export function createOfficerPhotos(read: PhotoReader): FetchHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    const url = new URL(request.url);
    const match = /^(\d{1,9})\.jpg$/.exec(url.pathname.slice(OFFICER_PHOTOS_PREFIX.length));
    if (!match) return notFound();
    const photo = await read(Number(match[1]));
    if (!photo) return notFound();
    const etag = `"${photo.sha256}"`;
    const version = url.searchParams.get('v');
    const headers = new Headers({
      etag,
      'content-type': 'image/jpeg',
      'last-modified': photo.updatedAt.toUTCString(),
      'cache-control': version && photo.sha256.startsWith(version) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    headers.set('content-length', String(photo.bytes.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(photo.bytes), { status: 200, headers });
  };
}
