import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { OWN_STATION, useConsoleServer } from './harness.ts';
import { expectAccessibleAtBothWidths, signIn } from './signed-in.ts';

const jsQrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const server = useConsoleServer();
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const nextYear = String(Number(chinaDay().slice(0, 4)) + 1);
/** A figure the API gives from 0 to 1, printed raw (e.g. 0.6666): the console must never show one. */
const RAW_DECIMAL = /\b0\.\d{2,}/;

/** Every QR code on the page, decoded by jsQR from the drawn SVG (rasterised in a canvas). */
async function decodeQrCodes(page: Page): Promise<(string | null)[]> {
  await page.addScriptTag({ path: jsQrPath });
  return page.evaluate(async () => {
    type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    const jsQR = (globalThis as unknown as { jsQR: Decode }).jsQR;
    const size = 400;
    const out: (string | null)[] = [];
    for (const svg of document.querySelectorAll('.qr svg')) {
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      context.drawImage(image, 0, 0, size, size);
      out.push(jsQR(context.getImageData(0, 0, size, size).data, size, size)?.data ?? null);
    }
    return out;
  });
}

async function campaignOfPeriod(period: string) {
  const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION } });
  return server.db.prisma.surveyCampaign.findFirstOrThrow({ where: { stationId: station.id, period } });
}

describe('surveys in the staff console, in Chromium', () => {
  it('takes a CODE survey from the new campaign to printed sheets, paper entry, closing and published results', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, server.editor);
    await page.click('nav a[href="/staff/surveys/"]');
    await expectAccessibleAtBothWidths(page, 'surveys-list');
    await page.click('#new-survey');
    await expectAccessibleAtBothWidths(page, 'survey-new');
    await page.selectOption('#f-year', nextYear);
    await page.check('input[name=half][value=H1]');
    await page.check('input[name=accessMode][value=CODE]');
    await page.fill('#f-opensOn', chinaDay(-3));
    await page.fill('#f-closesOn', chinaDay(20));
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#done');
    const campaign = await campaignOfPeriod(`${nextYear}-H1`);
    expect(campaign.status).toBe('DRAFT');
    expect(campaign.titleZh).toBe(`竹箦派出所 ${nextYear}年上半年群众评议`);
    expect(await page.getAttribute('#state', 'data-state')).toBe('DRAFT');
    await expectAccessibleAtBothWidths(page, 'survey-draft');

    // Invitation sheets: one per household, each its own A4 page with a QR code of the survey address and its code.
    const area = await server.db.prisma.area.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const areaOption = await page.locator('#f-area option', { hasText: area.nameZh }).first().getAttribute('value');
    await page.selectOption('#f-area', areaOption ?? '');
    await page.fill('#f-count', '3');
    await page.click('button:has-text("生成邀请码")');
    await page.waitForSelector('#sheet-count');
    const codes = await page.locator('.sheet-code').allTextContents();
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Set(codes).size).toBe(3);
    expect(await server.db.prisma.invitationCode.count({ where: { campaignId: campaign.id, areaId: area.id } })).toBe(3);
    const decoded = await decodeQrCodes(page);
    expect(decoded).toEqual(codes.map((code) => `${server.origin}/zhuze/survey/?code=${code}`));
    expect(await page.locator('.sheet').first().textContent()).toContain(area.nameZh);
    await page.emulateMedia({ media: 'print' });
    if (process.env.CONSOLE_SHOTS) await page.screenshot({ path: `${process.env.CONSOLE_SHOTS}/sheets-print.png`, fullPage: true });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    // Back to no emulation: page.pdf() lays out for print (emulating 'screen' would keep screen styles in the PDF).
    await page.emulateMedia({ media: null });
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.getPageCount()).toBe(3);
    for (const sheet of pdf.getPages()) {
      expect(Math.round(sheet.getWidth())).toBe(595);
      expect(Math.round(sheet.getHeight())).toBe(842);
    }
    if (process.env.CONSOLE_SHOTS) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(`${process.env.CONSOLE_SHOTS}/sheets.pdf`, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await writeFile(`${process.env.CONSOLE_SHOTS}/sheets.html`, await page.content());
    }
    await expectAccessibleAtBothWidths(page, 'survey-sheets');

    // Publish: the survey opened three days ago, so it is open now.
    await page.click('a:has-text("返回评议")');
    await page.click('button[value=publish]');
    await page.waitForSelector('#done');
    expect(await page.getAttribute('#state', 'data-state')).toBe('OPEN');

    // Paper entry by keyboard: a one-digit code moves on to the next cell.
    await page.click('#entry-link');
    await expectAccessibleAtBothWidths(page, 'survey-entry');
    await page.fill('#f-submittedOn', chinaDay(-1));
    await page.focus('#r0q1');
    await page.keyboard.type('4543123');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('r0q8');
    await page.keyboard.type('窗口排队时间长');
    await page.focus('#r1q1');
    await page.keyboard.type('2');
    await page.fill('#r1q2', '9');
    await page.click('#entry-form button[type=submit]');
    await page.waitForSelector('#problems');
    expect(await page.getAttribute('#r1q2', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#r1q3', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#r0q8')).toBe('窗口排队时间长');
    expect(await server.db.prisma.surveyResponse.count({ where: { campaignId: campaign.id } })).toBe(0);
    await expectAccessibleAtBothWidths(page, 'survey-entry-errors');
    await page.fill('#r1q2', '0');
    for (const [cell, value] of [['r1q3', '3'], ['r1q4', '0'], ['r1q5', '0'], ['r1q7', '2']] as const) await page.fill(`#${cell}`, value);
    await page.click('#entry-form button[type=submit]');
    await page.waitForSelector('#entered');
    const stored = await server.db.prisma.surveyResponse.findMany({ where: { campaignId: campaign.id }, include: { answers: true } });
    expect(stored.map((r) => r.channel)).toEqual(['PAPER', 'PAPER']);
    expect(stored.map((r) => r.submittedOn.toISOString().slice(0, 10))).toEqual([chinaDay(-1), chinaDay(-1)]);
    expect(stored.flatMap((r) => r.answers).find((a) => a.text)?.text).toBe('窗口排队时间长');
    expect(await page.textContent('#sofar')).toContain('2');

    // Provisional results: percentages with intervals, never raw decimals.
    await page.click('a:has-text("查看结果")');
    await page.waitForSelector('#provisional');
    const table = (await page.textContent('#indicators')) ?? '';
    expect(table).toMatch(/\d+%（\d+%–\d+%）/);
    expect(await page.textContent('main')).not.toMatch(RAW_DECIMAL);
    await expectAccessibleAtBothWidths(page, 'survey-results-provisional');

    // Close now: the results become final and public.
    await page.goto(`${server.origin}/staff/surveys/${campaign.id}/`);
    await page.click('#close');
    await page.waitForSelector('#done');
    expect(await page.getAttribute('#state', 'data-state')).toBe('CLOSED');
    expect(await page.getAttribute('a:has-text("门户网站上的结果页面")', 'href')).toBe('/zhuze/survey/results/');
    await expectAccessibleAtBothWidths(page, 'survey-closed');
    await page.click('#results-link');
    await page.waitForSelector('#final');
    expect(await page.textContent('#responses')).toContain('2');
    const publicResults = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { surveyResults(campaignId: $id) { provisional responses } }', variables: { id: Buffer.from(`SurveyCampaign:${campaign.id}`).toString('base64') } }),
    }).then((r) => r.json() as Promise<{ data: unknown }>);
    expect(publicResults.data).toEqual({ surveyResults: { provisional: false, responses: 2 } });
    await context.close();
  }, 240_000);

  it('does the same for an OPEN survey with JavaScript off: create, publish, paper entry, close', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, server.editor, { javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/en/surveys/new/`);
    await page.selectOption('#f-year', nextYear);
    await page.check('input[name=half][value=H2]');
    await page.check('input[name=accessMode][value=OPEN]');
    await page.fill('#f-opensOn', chinaDay(-2));
    await page.fill('#f-closesOn', chinaDay(10));
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#done');
    expect(await page.textContent('main')).toContain('Open surveys need no codes');
    await page.click('button[value=publish]');
    await page.waitForSelector('#done');
    await page.click('#entry-link');
    await page.fill('#f-submittedOn', chinaDay(0));
    for (const [cell, value] of [['r0q1', '5'], ['r0q2', '5'], ['r0q3', '4'], ['r0q4', '0'], ['r0q5', '1'], ['r0q6', '3'], ['r0q7', '5']] as const) await page.fill(`#${cell}`, value);
    await page.selectOption('#f-channel', 'PHONE');
    await page.click('#entry-form button[type=submit]');
    await page.waitForSelector('#entered');
    const campaign = await campaignOfPeriod(`${nextYear}-H2`);
    const stored = await server.db.prisma.surveyResponse.findMany({ where: { campaignId: campaign.id }, include: { answers: { include: { question: true } } } });
    expect(stored.map((r) => r.channel)).toEqual(['PHONE']);
    const choice = stored[0]?.answers.find((a) => a.question.type === 'SINGLE_CHOICE');
    expect(choice?.choice).toBe(2);
    await page.goto(`${server.origin}/staff/en/surveys/${campaign.id}/`);
    await page.click('#close');
    await page.waitForSelector('#done');
    expect(await page.getAttribute('#state', 'data-state')).toBe('CLOSED');
    await page.goto(`${server.origin}/staff/en/surveys/${campaign.id}/results/`);
    expect(await page.textContent('#indicators')).toMatch(/\d+% \(\d+%–\d+%\)/);
    await context.close();
  }, 240_000);
});
