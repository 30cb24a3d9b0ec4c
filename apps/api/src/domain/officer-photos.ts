import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { NotFoundError, RuleError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { write } from './unit-of-work.ts';

/** The largest photo file taken, in bytes: under the API's 2 MiB request limit with room for the rest of the form. */
export const PHOTO_MAX_BYTES = 1_800_000;
/** The width a photo is stored at (narrower ones are kept as they are). */
export const PHOTO_WIDTH = 480;
/** The image formats taken, as sharp names them. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp']);
/** Decoding stops beyond this many pixels (a 50-megapixel camera photo is 50 M), so a small file cannot expand into gigabytes. */
const MAX_INPUT_PIXELS = 60_000_000;

/** The address the API server serves an officer's photo at; `version` changes with the photo so caches never show an old one. */
export function officerPhotoPath(officerId: number, version: string): string {
  return `/media/officers/${officerId}.jpg?v=${version.slice(0, 12)}`;
}

/** A photo ready to store: JPEG bytes without metadata, and its size. */
export interface PreparedPhoto {
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  width: number;
  height: number;
}

/**
 * An uploaded photo made ready to publish: turned upright by its EXIF orientation, resized to
 * {@link PHOTO_WIDTH} pixels wide, and written afresh as JPEG. sharp copies no metadata unless
 * asked to, so EXIF (GPS position, camera, time), XMP, IPTC and ICC profiles are all dropped.
 * PHOTO_TOO_LARGE above {@link PHOTO_MAX_BYTES}; PHOTO_TYPE_UNSUPPORTED for anything that does
 * not decode as JPEG, PNG or WebP (checked from the bytes, not the file's name or declared type).
 */
export async function preparePhoto(file: Blob, field: string): Promise<PreparedPhoto> {
  if (file.size > PHOTO_MAX_BYTES) {
    throw new RuleError('PHOTO_TOO_LARGE', field, `The photo is ${file.size} bytes; at most ${PHOTO_MAX_BYTES} are taken.`, { max: PHOTO_MAX_BYTES });
  }
  const input = Buffer.from(await file.arrayBuffer());
  const unsupported = () => new RuleError('PHOTO_TYPE_UNSUPPORTED', field, 'The file is not a JPEG, PNG or WebP photo.');
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const metadata = await image.metadata().catch(() => null);
  if (!metadata?.format || !PHOTO_FORMATS.has(metadata.format)) throw unsupported();
  const { data, info } = await image
    .rotate()
    .resize({ width: PHOTO_WIDTH, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw unsupported();
    });
  return { bytes: new Uint8Array(data), sha256: createHash('sha256').update(data).digest('hex'), width: info.width, height: info.height };
}

/**
 * Stores an officer's photo (editors of the officer's station): the photo is prepared first
 * (see {@link preparePhoto}), then stored with the officer's `photoUrl` pointing at it, in one
 * unit of work; the audit entry records the photo's hash and size, not its bytes.
 */
export function setOfficerPhoto(actor: Actor, officerId: number, file: Blob, field = 'photo') {
  return write(actor, async (uow) => {
    const before = await uow.tx.officer.findUnique({ where: { id: officerId } });
    if (!before) throw new NotFoundError('No officer has this id.', { entityType: 'Officer', field: 'officerId' });
    authorize(uow.actor, 'editor', before.stationId);
    const photo = await preparePhoto(file, field);
    await uow.tx.officerPhoto.upsert({ where: { officerId }, create: { officerId, ...photo }, update: photo });
    const after = await uow.tx.officer.update({ where: { id: officerId }, data: { photoUrl: officerPhotoPath(officerId, photo.sha256) } });
    const { bytes: _bytes, ...stored } = photo;
    await uow.record({ action: 'officer.photo', entityType: 'Officer', entityId: officerId, stationId: before.stationId, before, after: { ...after, photo: stored } });
  });
}

/** Removes an officer's photo: the portal shows the generic silhouette again. */
export function removeOfficerPhoto(actor: Actor, officerId: number) {
  return write(actor, async (uow) => {
    const before = await uow.tx.officer.findUnique({ where: { id: officerId } });
    if (!before) throw new NotFoundError('No officer has this id.', { entityType: 'Officer', field: 'officerId' });
    authorize(uow.actor, 'editor', before.stationId);
    await uow.tx.officerPhoto.deleteMany({ where: { officerId } });
    if (before.photoUrl === null) return;
    const after = await uow.tx.officer.update({ where: { id: officerId }, data: { photoUrl: null } });
    await uow.record({ action: 'officer.photo.remove', entityType: 'Officer', entityId: officerId, stationId: before.stationId, before, after });
  });
}
