import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES, PHOTO_WIDTH } from '../src/domain/officer-photos.ts';
import { createHttpApp } from '../src/http/app.ts';
import { databasePhotoReader } from '../src/http/officer-photos.ts';
import { createApi } from '../src/yoga.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const SET_PHOTO = 'mutation ($o: ID!, $p: File!) { setOfficerPhoto(officerId: $o, photo: $p) { photoUrl } }';
const context = { req: { socket: { remoteAddress: '127.0.0.1' } } };

/** A camera-sized JPEG carrying EXIF with a GPS position, the camera and a comment. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#4a7ab0' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Spy 3000', ImageDescription: 'home of the officer' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 25/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 29/1 0/1' },
    })
    .toBuffer();
}

describe('officer photos', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let app: ReturnType<typeof createHttpApp>;
  let own: { id: number; stationId: number };
  let other: { id: number };
  let editor: Record<string, string>;

  /** Sends `photo` as a GraphQL multipart request (the spec the console's urql client speaks). */
  async function upload(officerId: number, photo: Blob, headers: Record<string, string>) {
    const body = new FormData();
    body.set('operations', JSON.stringify({ query: SET_PHOTO, variables: { o: globalId('Officer', officerId), p: null } }));
    body.set('map', JSON.stringify({ 0: ['variables.p'] }));
    body.set('0', photo, 'photo.jpg');
    // Encoded here (as a browser would) so that the request carries plain bytes and their boundary.
    const encoded = new Response(body);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const response = await api.fetch('http://yoga/graphql', { method: 'POST', headers: { ...headers, 'content-type': encoded.headers.get('content-type') ?? '' }, body: bytes });
    return (await response.json()) as { data?: { setOfficerPhoto: { photoUrl: string } } | null; errors?: { extensions: { code: string; field?: string } }[] };
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    const [first, second] = await db.prisma.station.findMany({ where: { officers: { some: { retiredAt: null } } }, orderBy: { id: 'asc' }, take: 2 });
    if (!first || !second) throw new Error('the seed has fewer than two stations with officers');
    own = await db.prisma.officer.findFirstOrThrow({ where: { stationId: first.id, retiredAt: null }, select: { id: true, stationId: true } });
    other = await db.prisma.officer.findFirstOrThrow({ where: { stationId: second.id, retiredAt: null }, select: { id: true } });
    editor = (await createBoundStaff(db.prisma, 'EDITOR', [first.id])).headers;
    api = createApi({ prisma: db.prisma });
    app = createHttpApp({ api, database: { ping: async () => {}, pendingMigrations: async () => [] }, portalRoot: () => '/nonexistent', officerPhotos: databasePhotoReader(db.prisma) });
  });
  afterAll(() => db.close());

  it('stores a resized JPEG without EXIF or GPS and serves those very bytes at the officer’s photoUrl', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes('SecretCam')).toBe(true);

    const answer = await upload(own.id, new Blob([new Uint8Array(original)], { type: 'image/jpeg' }), editor);
    expect(answer.errors).toBeUndefined();
    const photoUrl = answer.data?.setOfficerPhoto.photoUrl ?? '';
    expect(photoUrl).toMatch(new RegExp(`^/media/officers/${own.id}\\.jpg\\?v=[0-9a-f]{12}$`));

    const stored = await db.prisma.officerPhoto.findUniqueOrThrow({ where: { officerId: own.id } });
    const bytes = Buffer.from(stored.bytes);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: PHOTO_WIDTH, height: 360 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    // No APP1 (EXIF/XMP) segment at all, and none of the camera's or the position's words.
    expect(bytes.includes(Buffer.from([0xff, 0xe1]))).toBe(false);
    for (const secret of ['Exif', 'SecretCam', 'Spy 3000', 'home of the officer']) expect(bytes.includes(secret), secret).toBe(false);

    const served = await app(new Request(`http://server${photoUrl}`), context);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const again = await app(new Request(`http://server${photoUrl}`, { headers: { 'if-none-match': served.headers.get('etag') ?? '' } }), context);
    expect(again.status).toBe(304);

    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'Officer', entityId: own.id, action: 'officer.photo' } });
    expect(JSON.stringify(audit.after)).toContain(stored.sha256);
  });

  it('refuses another station’s editor and changes nothing', async () => {
    const before = await db.prisma.officer.findUniqueOrThrow({ where: { id: other.id } });
    const answer = await upload(other.id, new Blob([new Uint8Array(await photoWithGps())], { type: 'image/jpeg' }), editor);
    expect(answer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await db.prisma.officerPhoto.count({ where: { officerId: other.id } })).toBe(0);
    expect((await db.prisma.officer.findUniqueOrThrow({ where: { id: other.id } })).photoUrl).toBe(before.photoUrl);
  });

  it('refuses what is not a photo, and a file over the size limit, naming the field', async () => {
    const text = await upload(own.id, new Blob(['GIF89a not really'], { type: 'image/jpeg' }), editor);
    expect(text.errors?.[0]?.extensions).toMatchObject({ code: 'PHOTO_TYPE_UNSUPPORTED', field: 'photo' });
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    expect((await upload(own.id, new Blob([new Uint8Array(gif)]), editor)).errors?.[0]?.extensions.code).toBe('PHOTO_TYPE_UNSUPPORTED');
    const huge = new Uint8Array(PHOTO_MAX_BYTES + 1);
    expect((await upload(own.id, new Blob([huge]), editor)).errors?.[0]?.extensions).toMatchObject({ code: 'PHOTO_TOO_LARGE', field: 'photo' });
  });

  it('answers 404 for an officer without a photo and for other paths', async () => {
    for (const path of [`/media/officers/${other.id}.jpg`, '/media/officers/x.jpg', '/media/officers/']) {
      expect((await app(new Request(`http://server${path}`), context)).status, path).toBe(404);
    }
  });
});
