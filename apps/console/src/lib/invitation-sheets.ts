import { parse } from 'csv-parse/sync';
import QRCode from 'qrcode';
import { surveyPath } from '@openstation/site/routes';

/** One household's invitation: its code and the area it was made for ('' for none). */
export interface Invitation {
  code: string;
  area: string;
  /** The portal's survey page with the code filled in. */
  url: string;
  /** That address as a QR code, an SVG drawing. */
  qr: string;
}

/** The codes of `generateInvitationCodes`' CSV (`code,campaign,area`, one line per code). */
export function codesOfCsv(csv: string): { code: string; area: string }[] {
  const rows: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true });
  return rows.map((row) => ({ code: row.code ?? '', area: row.area ?? '' }));
}

/** The survey page of a station with the code filled in (`?code=`), which the portal reads. */
export function invitationUrl(portalOrigin: string, stationSlug: string, code: string): string {
  const url = new URL(surveyPath('zh', stationSlug), portalOrigin);
  url.searchParams.set('code', code);
  return url.toString();
}

/** The invitations of a batch: each code's address and its QR code (SVG, drawn on the server by `qrcode`). */
export async function invitations(csv: string, portalOrigin: string, stationSlug: string): Promise<Invitation[]> {
  return Promise.all(
    codesOfCsv(csv).map(async ({ code, area }) => {
      const url = invitationUrl(portalOrigin, stationSlug, code);
      const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { code, area, url, qr };
    }),
  );
}

/**
 * Where residents find the portal: `PORTAL_SITE` (the portal's public address, as the portal
 * build uses it) or else this server's own origin, which serves the portal under `pnpm start`.
 */
export function portalOrigin(requestUrl: URL): string {
  return process.env.PORTAL_SITE ?? requestUrl.origin;
}
