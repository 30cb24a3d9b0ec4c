import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchChromium, trackForeignRequests } from './browser.ts';

const origin = inject('portalOrigin');
const apiUrl = inject('portalApiUrl');
const editorHeaders = inject('portalEditorHeaders');
/** The API process serves the same build itself, filling each survey page in with a fresh form token. */
const apiOrigin = inject('portalApiOrigin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function withContext<T>(javaScriptEnabled: boolean, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/** axe's violations on `html` as served at `url` (axe needs JavaScript, which the page under test had off). */
async function axeOfHtml(url: string, html: string): Promise<string[]> {
  return withContext(true, async (context) => {
    const page = await context.newPage();
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    return (await axeViolations(page)).map((v) => `${v.id}: ${v.help}`);
  });
}

/** New single-use codes for a campaign, made by a staff editor through the API. */
async function invitationCodes(campaignId: string, count: number): Promise<string[]> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...editorHeaders },
    body: JSON.stringify({
      query: 'mutation ($id: ID!, $n: Int!) { generateInvitationCodes(campaignId: $id, count: $n) { csv } }',
      variables: { id: campaignId, n: count },
    }),
  });
  const body = (await response.json()) as { data?: { generateInvitationCodes: { csv: string } }; errors?: unknown };
  if (!body.data) throw new Error(`Could not make codes: ${JSON.stringify(body.errors)}`);
  return body.data.generateInvitationCodes.csv.trim().split('\n').slice(1).map((line) => line.split(',')[0] as string);
}

/** Answers every question of the form on `page`: the first option of each, a comment in each text box. */
async function answerAll(page: Page): Promise<void> {
  for (const group of await page.locator('form.survey fieldset').all()) await group.locator('input[type=radio]').first().check();
  for (const box of await page.locator('form.survey textarea').all()) await box.fill('Patrols at night help. 夜间巡逻很好。');
  await page.locator('#survey-area').selectOption({ index: 1 });
}

/** Submits the form without JavaScript (or when the island falls back) and returns the HTTP status of the answer. */
async function submit(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/survey/submit'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForLoadState();
  const location = await response.headerValue('location');
  return location ? (await page.waitForURL(`${new URL(response.url()).origin}${location}`), 303) : response.status();
}

/** Submits the form through the island (GraphQL) and returns the HTTP status of the GraphQL answer. */
async function submitInline(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return response.status();
}

describe('a resident evaluates their station', () => {
  it.each([true, false])('on an OPEN-mode station (zhuze), fills in and submits the survey from the station home (JavaScript %s)', async (js) => {
    await withContext(js, async (context) => {
      const page = await context.newPage();
      const foreign = trackForeignRequests(page, origin);
      await page.goto(`${origin}/zhuze/`);
      await page.getByRole('navigation', { name: '本所栏目' }).getByRole('link', { name: '群众评议' }).click();
      await expect.poll(() => page.url()).toBe(`${origin}/zhuze/survey/`);
      const form = page.locator('form.survey');
      await expect(form.getAttribute('method')).resolves.toBe('post');
      await expect(form.getAttribute('action')).resolves.toBe('/survey/submit');
      await expect(form.textContent()).resolves.toContain('无需注册账号');
      await expect(form.textContent()).resolves.toContain('不保存IP地址');
      expect(await page.locator('input[name=code]').count(), 'no code field in OPEN mode').toBe(0);
      const honeypot = page.locator('input[name=website]');
      expect(await honeypot.getAttribute('tabindex')).toBe('-1');
      expect(await honeypot.getAttribute('autocomplete')).toBe('off');
      expect(await page.locator('.hp:has(input[name=website])').getAttribute('aria-hidden')).toBe('true');
      const box = await honeypot.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), 'the honeypot is off screen').toBeLessThanOrEqual(0);
      expect(await page.locator('textarea').first().getAttribute('maxlength')).toBe('1000');
      expect(await page.locator('input[type=radio][value=dk]').count()).toBeGreaterThan(0);
      await answerAll(page);
      if (js) {
        expect(await submitInline(page, '提交评议')).toBe(200);
        await expect(page.locator('.survey-done').textContent()).resolves.toContain('感谢您的参与');
        expect(new URL(page.url()).pathname, 'the island stays on the page').toBe('/zhuze/survey/');
      } else {
        // A static host cannot put a form token in the page: the route shows the form again with
        // every answer and a fresh token, and asks the resident to press once more.
        expect(await submit(page, '提交评议')).toBe(400);
        expect(await page.locator('#survey-errors').getAttribute('data-code')).toBe('FORM_TOKEN_REQUIRED');
        await expect(page.locator('#survey-errors').textContent()).resolves.toContain('再按一次');
        expect(await page.locator('form.survey fieldset').count()).toBe(await page.locator('form.survey fieldset input[type=radio]:checked').count());
        expect(await page.locator('form.survey textarea').first().inputValue()).toBe('Patrols at night help. 夜间巡逻很好。');
        expect(await page.locator('#survey-area').inputValue()).not.toBe('');
        expect(await submit(page, '提交评议')).toBe(303);
        expect(new URL(page.url()).pathname).toBe('/zhuze/survey/thanks/');
        await expect(page.locator('h1').textContent()).resolves.toBe('感谢您的参与');
      }
      expect(foreign).toEqual([]);

      // The same browser answers again (back to the form, or the page opened anew): refused, clearly.
      await page.goto(`${origin}/zhuze/survey/`);
      await answerAll(page);
      if (js) {
        const sent: string[] = [];
        page.on('request', (r) => sent.push(new URL(r.url()).pathname));
        await page.getByRole('button', { name: '提交评议' }).click();
        const alert = page.locator('[data-survey-status]');
        await expect.poll(() => alert.isVisible()).toBe(true);
        expect(await alert.getAttribute('data-code')).toBe('ALREADY_ANSWERED');
        await expect(alert.textContent()).resolves.toContain('每个浏览器只能提交一次');
        expect(sent, 'nothing was sent').toEqual([]);
      } else {
        expect(await submit(page, '提交评议')).toBe(409);
        await expect(page.getByRole('alert').textContent()).resolves.toContain('每个浏览器只能提交一次');
      }
    });
  });

  it('on a CODE-mode station (qiandeng, in English) without JavaScript, a code works once and its reuse is refused clearly', async () => {
    await withContext(false, async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/en/qiandeng/survey/`);
      const [code] = await invitationCodes(await page.locator('input[name=campaign]').inputValue(), 1);
      await page.getByLabel('Invitation code').fill(code as string);
      await answerAll(page);
      expect(await submit(page, 'Send my answers')).toBe(303);
      expect(new URL(page.url()).pathname).toBe('/en/qiandeng/survey/thanks/');
      await expect(page.locator('h1').textContent()).resolves.toBe('Thank you');

      await page.goto(`${origin}/en/qiandeng/survey/`);
      await page.getByLabel('Invitation code').fill(code as string);
      await answerAll(page);
      expect(await submit(page, 'Send my answers')).toBe(409);
      // The form again, with every answer and the error beside the code field.
      await expect(page.getByRole('alert').textContent()).resolves.toContain('This code has already been used');
      expect(await page.locator('#survey-code').getAttribute('aria-invalid')).toBe('true');
      await expect(page.locator('.field-error').textContent()).resolves.toContain('This code has already been used');
      expect(await page.getByLabel('Invitation code').inputValue()).toBe(code);
      expect(await page.locator('form.survey fieldset').count()).toBe(await page.locator('form.survey fieldset input[type=radio]:checked').count());
      expect(await page.locator('form.survey textarea').first().inputValue()).toBe('Patrols at night help. 夜间巡逻很好。');
    });
  });

  it('on a CODE-mode station, says how households get their codes, and takes the code from the address a printed QR code opens', async () => {
    await withContext(true, async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/qiandeng/survey/?code=ABCDE-12345`);
      await expect.poll(() => page.locator('#survey-code').inputValue()).toBe('ABCDE-12345');
      await expect(page.locator('#survey-code-hint').textContent()).resolves.toContain('每户一个邀请码');
      await page.goto(`${origin}/en/qiandeng/survey/`);
      expect(await page.locator('#survey-code').inputValue()).toBe('');
      await expect(page.locator('#survey-code-hint').textContent()).resolves.toContain('Each household gets one code');
    });
  });

  it('on a CODE-mode station with JavaScript, the island submits inline, refuses a reused code inline, and falls back to the form route', async () => {
    await withContext(true, async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/en/qiandeng/survey/`);
      const [code, spare] = await invitationCodes(await page.locator('input[name=campaign]').inputValue(), 2);
      await page.getByLabel('Invitation code').fill(code as string);
      await answerAll(page);
      expect(await submitInline(page, 'Send my answers')).toBe(200);
      await expect(page.locator('.survey-done').textContent()).resolves.toContain('Thank you');

      await page.goto(`${origin}/en/qiandeng/survey/`);
      await page.getByLabel('Invitation code').fill(code as string);
      await answerAll(page);
      await submitInline(page, 'Send my answers');
      const alert = page.locator('[data-survey-status]');
      await expect.poll(() => alert.isVisible()).toBe(true);
      await expect(alert.textContent()).resolves.toContain('This code has already been used');
      await expect(alert.textContent()).resolves.toContain('(See: Invitation code)');
      expect(await alert.getAttribute('data-code')).toBe('CODE_USED');
      expect(await page.locator('#survey-code').getAttribute('aria-invalid'), 'the error points to the code field').toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('survey-code');
      expect(await page.locator('#survey-code').inputValue(), 'the answers stay in the form').toBe(code);
      expect((await axeViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // The API cannot be reached: the island lets the form post to the no-JavaScript route.
      await page.route('**/graphql', (route) => route.abort());
      expect(await submit(page, 'Send my answers')).toBe(409);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('This code has already been used');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('link[rel=stylesheet]').count()).toBe(1);
      expect((await axeViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      await page.goto(`${origin}/en/qiandeng/survey/`);
      await page.getByLabel('Invitation code').fill(spare as string);
      await answerAll(page);
      expect(await submit(page, 'Send my answers'), 'the fallback stores a new code').toBe(303);
      expect(new URL(page.url()).pathname).toBe('/en/qiandeng/survey/thanks/');
    });
  });

  it('without JavaScript on the API\'s own server: the page carries a single-use token, a refused form comes back with every answer and the error at its question, a replayed form is refused', async () => {
    await withContext(false, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(`${apiOrigin}/zhuze/survey/`);
      expect(response?.headers()['cache-control']).toBe('private, no-cache');
      const token = await page.locator('input[name=formToken]').inputValue();
      expect(token).toMatch(/^\d+\.\d+\.[\w-]{22}\.[\w-]{43}$/);
      await answerAll(page);
      // The first (required) question's answer is taken out of the form as it is sent, as a
      // browser that ignores `required` would send it; the next submission is sent as it is.
      const firstQuestion = (await page.locator('form.survey fieldset input[type=radio]').first().getAttribute('name')) as string;
      let drop = true;
      let sentBody = '';
      await page.route('**/survey/submit', async (route) => {
        const form = new URLSearchParams(route.request().postData() ?? '');
        if (drop) form.delete(firstQuestion);
        drop = false;
        sentBody = form.toString();
        await route.continue({ postData: sentBody });
      });
      const [answered] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/survey/submit'), page.getByRole('button', { name: '提交评议' }).click()]);
      await page.waitForLoadState();
      expect(answered.status()).toBe(400);
      const summary = page.locator('#survey-errors');
      expect(await summary.getAttribute('data-code')).toBe('ANSWER_MISSING_REQUIRED');
      await expect(summary.textContent()).resolves.toContain('第1题');
      expect(await summary.locator('a').getAttribute('href')).toBe('#question-1');
      const beside = page.locator('#question-1 .field-error');
      await expect(beside.textContent()).resolves.toBe('这是必答题，请作答。');
      expect(await page.locator('#question-1 input[type=radio]').first().getAttribute('aria-invalid')).toBe('true');
      expect(await page.title()).toMatch(/^评议未能提交：/);
      // Every other answer is still there, and a fresh token came with the page.
      const groups = await page.locator('form.survey fieldset').count();
      expect(await page.locator('form.survey fieldset input[type=radio]:checked').count()).toBe(groups - 1);
      expect(await page.locator('form.survey textarea').first().inputValue()).toBe('Patrols at night help. 夜间巡逻很好。');
      expect(await page.locator('#survey-area').inputValue()).not.toBe('');
      const fresh = await page.locator('input[name=formToken]').inputValue();
      expect(fresh).not.toBe(token);
      expect(await axeOfHtml(`${apiOrigin}/axe-check/`, await page.content())).toEqual([]);
      await page.locator('#question-1 input[type=radio]').nth(3).check();
      expect(await submit(page, '提交评议')).toBe(303);
      const body = sentBody;
      expect(body).toContain(`formToken=${encodeURIComponent(fresh)}`);
      await page.unroute('**/survey/submit');

      // The same browser again: refused by its cookie; another browser replaying the same form: refused by the token.
      await page.goto(`${apiOrigin}/zhuze/survey/`);
      await answerAll(page);
      expect(await submit(page, '提交评议')).toBe(409);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('每个浏览器只能提交一次');
      await context.clearCookies();
      const replay = await context.request.post(`${apiOrigin}/survey/submit`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: body, maxRedirects: 0 });
      expect(replay.status()).toBe(409);
      expect(await replay.text()).toContain('这份评议表已经提交过了');
    });
  });

  it('without JavaScript, a CODE survey takes the code from the address a printed QR code opens', async () => {
    await withContext(false, async (context) => {
      const page = await context.newPage();
      await page.goto(`${apiOrigin}/qiandeng/survey/?code=ABCDE-12345`);
      expect(await page.locator('#survey-code').inputValue()).toBe('ABCDE-12345');
      expect(await page.locator('input[name=formToken]').count(), 'CODE surveys need no token').toBe(0);
    });
  });

  it('"you said, we did": the results page names the least satisfied indicators and what the reports since say was done about the one a priority cites', async () => {
    await withContext(false, async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/zhuze/survey/results/`);
      const section = page.locator('section.you-said');
      await expect(section.locator('h2').textContent()).resolves.toBe('您说，我们做');
      const items = section.locator('li[data-indicator]');
      expect(await items.count()).toBeGreaterThanOrEqual(3);
      const cited = section.locator('li[data-indicator=BASIC_MANAGEMENT]');
      await expect(cited.locator('h3').textContent()).resolves.toMatch(/^基础管理：满意\d/);
      const text = (await cited.textContent()) ?? '';
      expect(text).toContain('村道夜间照明不足');
      expect(text).toContain('增设路灯');
      const link = cited.getByRole('link', { name: /见2026年第三季度工作报告/ });
      await link.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/zhuze/reports/2026-q3/');
      await expect(page.locator('#priorities + .scroll').textContent()).resolves.toContain('村道夜间照明不足');
      // An indicator no priority cites says so, in English too.
      await page.goto(`${origin}/en/zhuze/survey/results/`);
      await expect(page.locator('section.you-said').textContent()).resolves.toContain('No quarterly report has answered this one yet.');
      expect(await axeOfHtml(`${origin}/axe-check/`, await page.content())).toEqual([]);
    });
  });

  it('reads the last closed survey\'s results from the survey page: indicators with 95% intervals, small areas suppressed', async () => {
    await withContext(false, async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/en/zhuze/survey/`);
      await page.locator('#survey-results-link a').click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/en/zhuze/survey/results/');
      const rows = await page.locator('table.survey-results tbody th').allTextContents();
      expect(rows).toEqual(expect.arrayContaining(['Basic management', 'Prevention publicity', 'Service to residents']));
      const cells = await page.locator('table.survey-results tbody td').allTextContents();
      expect(cells.some((c) => /^\d+(\.\d)?%–\d+(\.\d)?%$/.test(c)), 'an interval is shown').toBe(true);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('Wilson');
      expect(text).not.toContain('Patrols at night');
    });
  });
});
