import { describe, expect, it } from 'vitest';
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
