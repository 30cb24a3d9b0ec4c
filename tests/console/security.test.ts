import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';

const server = useConsoleServer();

async function ownOfficer() {
  return server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
}

async function signedIn(): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.origin);
  const response = await client.signIn(server.editor.email, server.editor.password);
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/staff/');
  return client;
}

describe('the staff console: sessions and forms', () => {
  it('shows no page and takes no action without a session', async () => {
    const officer = await ownOfficer();
    const client = new ConsoleClient(server.origin);
    for (const path of ['/staff/', '/staff/en/', '/staff/officers/', `/staff/officers/${officer.id}/`, '/staff/en/officers/']) {
      const response = await client.get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toMatch(/^\/staff\/(en\/)?sign-in\/$/);
    }
    const csrf = await client.csrf('/staff/sign-in/');
    const post = await client.post(`/staff/officers/${officer.id}/`, { csrf, dutyPhone: '0519-11111111' });
    expect(post.status).toBe(303);
    expect((await ownOfficer()).dutyPhone).toBe(officer.dutyPhone);
  });

  it('sets the cookie HttpOnly, SameSite=Strict, Path=/staff/, and Secure only over HTTPS', async () => {
    const plain = await fetch(`${server.origin}/staff/sign-in/`);
    const cookie = plain.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^openstation_staff=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/staff\//);
    expect(cookie).not.toMatch(/Secure/);
    const secure = await server.handle(new Request('https://console.example/staff/sign-in/'));
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a POST without or with a wrong CSRF token, and changes nothing', async () => {
    const officer = await ownOfficer();
    const client = await signedIn();
    const form = { nameZh: officer.nameZh, role: officer.role, dutyPhone: '0519-22222222' };
    for (const fields of [form, { ...form, csrf: 'wrong-token-of-the-right-length-xx' }, { ...form, csrf: '' }]) {
      const response = await client.post(`/staff/officers/${officer.id}/`, fields);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('表单已过期');
    }
    expect((await ownOfficer()).dutyPhone).toBe(officer.dutyPhone);
    // A form posted from another site is refused before it reaches the page, too.
    const csrf = await client.csrf(`/staff/officers/${officer.id}/`);
    const crossSite = await fetch(`${server.origin}/staff/officers/${officer.id}/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', cookie: client.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, nameZh: officer.nameZh, role: officer.role, dutyPhone: '0519-33333333' }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect((await ownOfficer()).dutyPhone).toBe(officer.dutyPhone);
  });

  it('starts a new session at sign-in: the cookie and CSRF token from before do not carry over', async () => {
    const client = new ConsoleClient(server.origin);
    const before = await client.csrf('/staff/sign-in/');
    const anonymousCookie = client.cookie;
    await client.post('/staff/sign-in/', { csrf: before, email: server.editor.email, password: server.editor.password });
    expect(client.cookie).not.toBe(anonymousCookie);
    expect(await client.csrf('/staff/officers/')).not.toBe(before);
    const fixated = new ConsoleClient(server.origin);
    fixated.cookie = anonymousCookie;
    expect((await fixated.get('/staff/')).status).toBe(303);
  });

  it('ends the session at sign-out: the old cookie and the API token no longer work', async () => {
    const client = await signedIn();
    const cookie = client.cookie;
    const sessionsBefore = await server.db.prisma.staffSession.count({ where: { user: { email: server.editor.email }, revokedAt: null } });
    const csrf = await client.csrf('/staff/');
    const out = await client.post('/staff/sign-out/', { csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/staff/sign-in/?why=signed-out');
    expect(await server.db.prisma.staffSession.count({ where: { user: { email: server.editor.email }, revokedAt: null } })).toBe(sessionsBefore - 1);
    const replay = new ConsoleClient(server.origin);
    replay.cookie = cookie;
    expect((await replay.get('/staff/')).status).toBe(303);
  });

  it('does not take a session from the URL', async () => {
    const client = await signedIn();
    const anonymous = new ConsoleClient(server.origin);
    const sealed = client.cookie?.split('=').slice(1).join('=') ?? '';
    for (const query of [`openstation_staff=${encodeURIComponent(sealed)}`, `session=${encodeURIComponent(sealed)}`, `token=${encodeURIComponent(sealed)}`]) {
      const response = await anonymous.get(`/staff/?${query}`);
      expect(response.status, query).toBe(303);
      expect(response.headers.get('location')).toBe('/staff/sign-in/');
    }
  });

  it('answers a refusal for another station’s officer and never shows it', async () => {
    const client = await signedIn();
    const other = await server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const page = await client.get(`/staff/officers/${other.id}/`);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).not.toContain(other.nameZh);
    const csrf = await client.csrf('/staff/officers/');
    const post = await client.post(`/staff/officers/${other.id}/`, { csrf, nameZh: 'X', role: other.role, dutyPhone: '0994-1234567' });
    expect(post.status).toBe(403);
    expect((await server.db.prisma.officer.findUniqueOrThrow({ where: { id: other.id } })).dutyPhone).toBe(other.dutyPhone);
  });
});

/** A POST form found on a console page: where it posts and the fields it would send. */
interface FoundForm {
  page: string;
  action: string;
  fields: [string, string][];
}

/** The page type of a console path: record numbers and query strings do not make a new type. */
const pageType = (path: string) => path.replace(/\?.*$/, '').replace(/\/\d+\//g, '/:id/');

describe('the staff console, crawled as an admin', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Every change the domain writes is audited; sessions are rows of their own. */
  const changes = async () => ({
    audit: await server.db.prisma.auditEntry.count(),
    sessions: await server.db.prisma.staffSession.count({ where: { revokedAt: null } }),
    accounts: await server.db.prisma.staffUser.count({ where: { disabledAt: null } }),
    keys: await server.db.prisma.apiClient.count({ where: { revokedAt: null } }),
  });

  it('finds every page type and every POST form; each form refuses a POST without its CSRF token, and nothing changes; none is open without a session', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/staff/sign-in/`);
    await page.fill('#f-email', server.admin.email);
    await page.fill('#f-password', server.admin.password);
    await page.click('main button[type=submit]');
    await page.waitForURL(`${server.origin}/staff/`);

    // Breadth first over the console's own links: two visits per page type and language (a record page
    // shows other forms for another record, e.g. one's own account has no "disable").
    const seen = new Map<string, string[]>();
    const visited = new Set<string>();
    const queue = ['/staff/', '/staff/en/'];
    const forms: FoundForm[] = [];
    const wanted = (path: string) => !visited.has(path) && (seen.get(pageType(path))?.length ?? 0) < 2;
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      if (!wanted(path)) continue;
      visited.add(path);
      seen.set(pageType(path), [...(seen.get(pageType(path)) ?? []), path]);
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBeLessThan(400);
      const links = await page.locator('a[href^="/staff/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const link of links) if (!link.includes('/download/') && wanted(link)) queue.push(link);
      // The attribute, not `form.action`: a field named `action` would shadow the property.
      forms.push(
        ...(await page.locator('form[method=post]').evaluateAll((els, at) =>
          els.map((form) => ({ page: at, action: new URL(form.getAttribute('action') ?? '', location.href).pathname, fields: [...new FormData(form as HTMLFormElement)].map(([k, v]) => [k, typeof v === 'string' ? v : ''] as [string, string]) })),
        path)),
      );
    }
    const types = [...seen.keys()];
    for (const expected of ['/staff/', '/staff/officers/', '/staff/officers/:id/', '/staff/csv/', '/staff/admin/', '/staff/admin/staff/', '/staff/admin/staff/:id/', '/staff/admin/keys/', '/staff/admin/audit/', '/staff/en/admin/audit/']) {
      expect(types, expected).toContain(expected);
    }
    const actions = new Set(forms.map((f) => `${f.action} ${f.fields.find(([k]) => k === 'do')?.[1] ?? ''}`));
    for (const expected of ['/staff/sign-out/ ', '/staff/officers/:id/ ', '/staff/csv/ ', '/staff/admin/staff/ ', '/staff/admin/staff/:id/ save', '/staff/admin/staff/:id/ reset', '/staff/admin/staff/:id/ disable', '/staff/admin/keys/ create', '/staff/admin/keys/ register']) {
      expect([...actions].map((a) => a.replace(/\/\d+\//, '/:id/')), expected).toContain(expected);
    }
    expect(forms.every((f) => f.fields.some(([k]) => k === 'csrf'))).toBe(true);

    const before = await changes();
    for (const form of forms) {
      const withoutToken = form.fields.filter(([k]) => k !== 'csrf');
      for (const fields of [withoutToken, [...withoutToken, ['csrf', 'not-the-session-token-at-all-xxxx']]]) {
        const response = await page.request.post(`${server.origin}${form.action}`, { form: Object.fromEntries(fields), headers: { origin: server.origin }, maxRedirects: 0 });
        expect(response.status(), `${form.action} from ${form.page}`).toBe(403);
        expect(await response.text(), form.action).toMatch(/表单已过期|Form expired/);
      }
    }
    expect(await changes()).toEqual(before);
    // Still signed in: the refusals did not end the session either.
    expect(new URL((await page.goto(`${server.origin}/staff/admin/staff/`))?.url() ?? '').pathname).toBe('/staff/admin/staff/');

    // Without a session: every page type sends to sign-in, and every form (with a valid anonymous token) changes nothing.
    const anonymous = new ConsoleClient(server.origin);
    for (const path of [...seen.values()].flat()) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toMatch(/^\/staff\/(en\/)?sign-in\/$/);
    }
    expect((await anonymous.get('/staff/csv/download/?kind=OFFICERS')).status).toBe(303);
    const token = await anonymous.csrf('/staff/sign-in/');
    for (const form of forms.filter((f) => f.action !== '/staff/sign-out/')) {
      const fields = Object.fromEntries([...form.fields.filter(([k]) => k !== 'csrf'), ['csrf', token]]);
      const response = await anonymous.post(form.action, fields);
      expect(response.status, form.action).toBe(303);
      expect(response.headers.get('location'), form.action).toMatch(/sign-in\/$/);
    }
    expect(await changes()).toEqual(before);
    await context.close();
  }, 180_000);
});
