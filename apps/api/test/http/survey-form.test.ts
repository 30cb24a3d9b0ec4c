import { beforeAll, describe, expect, it } from 'vitest';
import { surveyAnswerField, type SurveyAnswerType } from '@openstation/site/survey-form';
import { clientContext } from '../../src/http/context.ts';
import { createSurveyForm, SURVEY_FORM_MAX_BYTES } from '../../src/http/survey-form.ts';
import { memoryBuckets } from '../../src/limits/memory-bucket.ts';
import { gqlOk } from '../../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../../tests/support/principals.ts';
import { useTestApi } from '../../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

interface Question {
  id: string;
  type: SurveyAnswerType;
}
interface Campaign {
  id: string;
  phase: string;
  accessMode: string;
  questions: Question[];
}

/** The fields the portal's form sends for a complete set of answers. */
function formFields(campaign: Campaign, station: string, extra: Record<string, string> = {}): URLSearchParams {
  const form = new URLSearchParams({ campaign: campaign.id, station, lang: 'en', website: '', ...extra });
  for (const q of campaign.questions) {
    const value = q.type === 'SCALE5' ? '4' : q.type === 'YES_NO' ? '1' : q.type === 'SINGLE_CHOICE' ? '0' : 'Good work';
    form.append(surveyAnswerField(q.type, q.id), value);
  }
  return form;
}

describe('POST /survey/submit (the survey form without JavaScript)', () => {
  const t = useTestApi({ surveyLimit: { store: memoryBuckets(60_000), perWindow: 2, trustProxy: false } });
  let editor: TestPrincipal;
  let open: Campaign;
  let coded: Campaign;

  beforeAll(async () => {
    editor = (await createStaffPrincipals(t.db.prisma)).find((p) => p.role === 'EDITOR') as TestPrincipal;
    const current = async (slug: string) => {
      const data = await gqlOk<{ surveyCampaigns: Campaign[] }>(t.api, `{ surveyCampaigns(stationSlug: "${slug}") { id phase accessMode questions { id type } } }`);
      return data.surveyCampaigns.find((c) => c.phase === 'OPEN') as Campaign;
    };
    open = await current('zhuze');
    coded = await current('qiandeng');
  });

  const route = () => createSurveyForm({ api: t.api });
  /** The OPEN survey's fields as a page served with a fresh form token sends them. */
  const openFields = async (extra: Record<string, string> = {}) => {
    const data = await gqlOk<{ issueSurveyFormToken: string }>(t.api, 'mutation ($id: ID!) { issueSurveyFormToken(campaignId: $id) }', { id: open.id });
    return formFields(open, 'zhuze', { formToken: data.issueSurveyFormToken, ...extra });
  };
  const post = (body: BodyInit, contentType = 'application/x-www-form-urlencoded', address = '192.0.2.1') =>
    route().fetch(new Request('http://portal/survey/submit', { method: 'POST', headers: { 'content-type': contentType }, body }), clientContext(address));

  it('stores a complete OPEN-mode form and answers 303 to the thanks page in the form\'s language', async () => {
    const before = await t.db.prisma.surveyResponse.count();
    const response = await post(await openFields({ area: '' }), undefined, '192.0.2.10');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/zhuze/survey/thanks/');
    expect(await t.db.prisma.surveyResponse.count()).toBe(before + 1);
  });

  it('refuses a reused code with 409 and a clear message, without echoing the code', async () => {
    const data = await gqlOk<{ generateInvitationCodes: { csv: string } }>(
      t.api,
      'mutation ($id: ID!) { generateInvitationCodes(campaignId: $id, count: 1) { csv } }',
      { id: coded.id },
      editor.headers,
    );
    const code = data.generateInvitationCodes.csv.trim().split('\n')[1]?.split(',')[0] as string;
    const first = await post(formFields(coded, 'qiandeng', { code }), undefined, '192.0.2.20');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/en/qiandeng/survey/thanks/');
    const again = await post(formFields(coded, 'qiandeng', { code }), undefined, '192.0.2.21');
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('This code has already been used');
    expect(html).toContain('href="/en/qiandeng/survey/"');
    expect(html).not.toContain(code);
    expect(html).not.toContain('Good work');
  });

  it('asks for the code in CODE mode (400)', async () => {
    const response = await post(formFields(coded, 'qiandeng', { lang: 'zh' }), undefined, '192.0.2.22');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('data-code="CODE_REQUIRED"');
  });

  it('answers 404 for an unknown campaign', async () => {
    const response = await post(formFields({ ...open, id: globalId('SurveyCampaign', 999_999) }, 'zhuze'), undefined, '192.0.2.30');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no such survey.');
  });

  it('answers 415 to another content type, 413 to an oversized body, 400 to a malformed field', async () => {
    const json = await post(JSON.stringify({ campaign: open.id }), 'application/json');
    expect(json.status).toBe(415);
    expect(json.headers.get('content-type')).toContain('text/html');
    const big = await post(`campaign=${'x'.repeat(SURVEY_FORM_MAX_BYTES + 1)}`);
    expect(big.status).toBe(413);
    const bad = await post(await openFields({ area: 'nowhere' }));
    expect(bad.status).toBe(400);
  });

  it('takes one answer per browser to an OPEN survey: the accepted one sets a cookie, and a form sent again with it is refused (409) and stores nothing', async () => {
    const first = await post(await openFields(), undefined, '192.0.2.50');
    expect(first.status).toBe(303);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^openstation-surveys=\d+; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0] ?? '';
    const before = await t.db.prisma.surveyResponse.count();
    const again = await route().fetch(
      new Request('http://portal/survey/submit', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `other=1; ${cookie}` }, body: await openFields() }),
      clientContext('192.0.2.51'),
    );
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('data-code="ALREADY_ANSWERED"');
    expect(html).toContain('each browser can answer once');
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await t.db.prisma.surveyResponse.count()).toBe(before);
  });

  it('takes one answer per form token: a replayed form is refused (409) and one without a token asks to be sent again (400), storing nothing', async () => {
    const fields = await openFields();
    expect((await post(fields, undefined, '192.0.2.60')).status).toBe(303);
    const before = await t.db.prisma.surveyResponse.count();
    const replay = await post(fields, undefined, '192.0.2.61');
    expect(replay.status).toBe(409);
    const html = await replay.text();
    expect(html).toContain('data-code="FORM_TOKEN_USED"');
    expect(html).toContain('each form can be sent once');
    const untokened = formFields(open, 'zhuze');
    const missing = await post(untokened, undefined, '192.0.2.62');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('data-code="FORM_TOKEN_REQUIRED"');
    expect(await t.db.prisma.surveyResponse.count()).toBe(before);
  });

  it('counts submissions per client address like the GraphQL path (429 with Retry-After)', async () => {
    const address = '192.0.2.40';
    expect((await post(await openFields(), undefined, address)).status).toBe(303);
    expect((await post(await openFields(), undefined, address)).status).toBe(303);
    const limited = await post(await openFields(), undefined, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many surveys');
    expect((await post(await openFields(), undefined, '192.0.2.41')).status).toBe(303);
  });
});
