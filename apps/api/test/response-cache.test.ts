import { randomUUID } from 'node:crypto';
import { DEFAULT_QUESTIONNAIRE, type PrismaClient, type StaffRole } from '@openstation/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createSession } from '../src/auth/accounts.ts';
import { createResponseCache, type ResponseCache } from '../src/cache/response-cache.ts';
import { memoryBuckets } from '../src/limits/memory-bucket.ts';
import { chinaToday } from '../src/survey/calendar.ts';
import { schema } from '../src/schema/index.ts';
import { type Api, createApi } from '../src/yoga.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

/** Its own Redis database per engine, so the PGlite and PostgreSQL runs never drop each other's answers. */
const REDIS_URL = `${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}/${process.env.OPENSTATION_TEST_ENGINE === 'postgres' ? 12 : 11}`;
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

interface Answer {
  cache: string | null;
  data?: Record<string, unknown> | null;
  errors?: { extensions?: Record<string, unknown> }[];
  extensions?: { responseCache?: { hit?: boolean }; cost?: { remaining?: number | null } };
}

async function ask(api: Api, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await api.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: response.headers.get('x-response-cache'), ...((await response.json()) as Omit<Answer, 'cache'>) };
}

async function staffOf(prisma: PrismaClient, role: StaffRole, stationId: number): Promise<Record<string, string>> {
  const user = await prisma.staffUser.create({
    data: { email: `${role.toLowerCase()}-${stationId}-${randomUUID().slice(0, 6)}@cache.example`, name: 'Cache test', role, passwordHash: 'not used', allStations: false, stations: { create: [{ stationId }] } },
  });
  return { authorization: `Bearer ${(await createSession(prisma, user.id)).token}` };
}

const REPORTS = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on WorkReport { status title { text } } } }';
const OFFICER = 'query ($id: ID!) { node(id: $id) { ... on Officer { dutyPhone name { text } } } }';
const STATION = 'query ($slug: String!) { station(slug: $slug) { name { text } dutyPhone areas(first: 20) { edges { node { assignments { officer { dutyPhone } } } } } } }';
const UPDATE_OFFICER = 'mutation ($id: ID!, $phone: String!) { updateOfficer(id: $id, input: { dutyPhone: $phone }) { dutyPhone } }';

describe('response cache', () => {
  let db: TestDatabase;
  const caches: ResponseCache[] = [];
  const cacheOf = (options: { redis?: boolean; namespace?: string } = {}) => {
    const cache = createResponseCache({ schema, redisUrl: options.redis ? REDIS_URL : null, namespace: options.namespace });
    caches.push(cache);
    return cache;
  };
  let zhuze: { id: number; slug: string };
  let qiandeng: { id: number; slug: string };
  let draftId: number;
  let publishedId: number;
  let officerId: number;

  beforeAll(async () => {
    db = await openTestDatabase();
    zhuze = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' }, select: { id: true, slug: true } });
    qiandeng = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'qiandeng' }, select: { id: true, slug: true } });
    draftId = (await db.prisma.workReport.create({ data: { stationId: zhuze.id, year: 2013, quarter: 1, titleZh: '2013年第一季度工作报告', summaryZh: '草稿' } })).id;
    publishedId = (await db.prisma.workReport.findFirstOrThrow({ where: { stationId: zhuze.id, status: 'PUBLISHED', supersededAt: null } })).id;
    officerId = (await db.prisma.officer.findFirstOrThrow({ where: { stationId: zhuze.id, retiredAt: null, assignments: { some: {} } }, orderBy: { id: 'asc' } })).id;
  });
  afterAll(async () => {
    await Promise.all(caches.map((c) => c.close()));
    await db?.close();
  });

  it('serves an anonymous answer again from the cache, and says so in a header and in extensions', async () => {
    const api = createApi({ prisma: db.prisma, responseCache: cacheOf() });
    const first = await ask(api, STATION, { slug: zhuze.slug });
    const second = await ask(api, STATION, { slug: zhuze.slug });
    expect([first.cache, first.extensions?.responseCache?.hit]).toEqual(['MISS', false]);
    expect([second.cache, second.extensions?.responseCache?.hit]).toEqual(['HIT', true]);
    expect(second.data).toEqual(first.data);
    db.resetQueries();
    await ask(api, STATION, { slug: zhuze.slug });
    expect(db.queries).toEqual([]);
    // The answer's language is part of the key.
    const english = await ask(api, STATION, { slug: zhuze.slug }, { 'accept-language': 'en' });
    expect(english.cache).toBe('MISS');
    expect(english.data).not.toEqual(first.data);
  });

  it('writes a hit byte for byte as it wrote the miss, apart from the cache flags, in memory and in Redis', async () => {
    // A hit is written from the stored JSON text of its data (not serialized again): it must not differ.
    const text = async (api: Api) => {
      const response = await api.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ query: STATION, variables: { slug: qiandeng.slug } }),
      });
      return response.text();
    };
    for (const options of [{}, { redis: true, namespace: `test-${randomUUID()}` }]) {
      const api = createApi({ prisma: db.prisma, responseCache: cacheOf(options), rateLimit: { store: memoryBuckets(3_600_000), anonymousBudget: 100_000, staffBudget: 100_000, trustProxy: false, exemptLoopback: false } });
      const miss = await text(api);
      const hit = await text(api);
      expect(miss).toContain('"responseCache":{"hit":false,"didCache":true');
      expect(hit).toContain('"responseCache":{"hit":true}');
      expect(hit).toContain('"cost":{');
      const flagsRemoved = (body: string) => body.replace(/"responseCache":\{[^}]*\}/, '').replace(/"remaining":\d+/, '');
      expect(flagsRemoved(hit)).toBe(flagsRemoved(miss));
      expect(JSON.parse(hit).data).toEqual(JSON.parse(miss).data);
    }
  });

  it('never serves or stores the answer of an API key, or of staff of station A or B', async () => {
    const api = createApi({ prisma: db.prisma, responseCache: cacheOf() });
    const partner = await db.prisma.partnerAgency.findFirstOrThrow({ where: { stationId: zhuze.id } });
    const key = { 'x-api-key': (await createApiClient(db.prisma, { name: 'cache test', scopes: ['mediation:read'], partnerId: partner.id })).key };
    const editorOfA = await staffOf(db.prisma, 'EDITOR', zhuze.id);
    const editorOfB = await staffOf(db.prisma, 'EDITOR', qiandeng.id);
    const ids = { ids: [globalId('WorkReport', publishedId), globalId('WorkReport', draftId)] };
    const titles = (a: Answer) => (a.data?.nodes as ({ status: string } | null)[]).map((n) => n?.status ?? null);

    // Anonymous first: cached, then served from the cache to anonymous callers only.
    const published = { ids: [globalId('WorkReport', publishedId)] };
    expect((await ask(api, REPORTS, published)).cache).toBe('MISS');
    expect((await ask(api, REPORTS, published)).cache).toBe('HIT');
    for (const headers of [editorOfA, editorOfB, key]) {
      const answer = await ask(api, REPORTS, published, headers);
      expect([answer.cache, answer.extensions?.responseCache, titles(answer)]).toEqual(['BYPASS', undefined, ['PUBLISHED']]);
    }
    // Each sees the draft as their access allows, whatever the cache holds.
    expect(titles(await ask(api, REPORTS, ids))).toEqual(['PUBLISHED', null]);
    expect(titles(await ask(api, REPORTS, ids, editorOfA))).toEqual(['PUBLISHED', 'DRAFT']);
    expect(titles(await ask(api, REPORTS, ids, editorOfB))).toEqual(['PUBLISHED', null]);
    expect(titles(await ask(api, REPORTS, ids, key))).toEqual(['PUBLISHED', null]);

    // Staff first, on a request nobody has sent yet: their answer is not stored for the public.
    const fresh = { ids: [globalId('WorkReport', draftId), globalId('WorkReport', publishedId)] };
    expect(titles(await ask(api, REPORTS, fresh, editorOfA))).toEqual(['DRAFT', 'PUBLISHED']);
    expect(titles(await ask(api, REPORTS, fresh, editorOfA))).toEqual(['DRAFT', 'PUBLISHED']);
    const anonymous = await ask(api, REPORTS, fresh);
    expect([anonymous.cache, titles(anonymous)]).toEqual(['MISS', [null, 'PUBLISHED']]);
  });

  it('drops the answers a committed change makes stale, before the mutation answers', async () => {
    const api = createApi({ prisma: db.prisma, responseCache: cacheOf() });
    const admin = await staffOf(db.prisma, 'ADMIN', zhuze.id);
    const officer = { id: globalId('Officer', officerId) };
    const before = await ask(api, OFFICER, officer);
    await ask(api, STATION, { slug: zhuze.slug });
    const other = await ask(api, STATION, { slug: qiandeng.slug });
    expect((await ask(api, OFFICER, officer)).cache).toBe('HIT');

    await ask(api, UPDATE_OFFICER, { ...officer, phone: '0519-87111110' }, admin);
    const after = await ask(api, OFFICER, officer);
    expect(after.cache).toBe('MISS');
    expect(after.data).toEqual({ node: { ...(before.data?.node as object), dutyPhone: '0519-87111110' } });
    const page = await ask(api, STATION, { slug: zhuze.slug });
    expect(page.cache).toBe('MISS');
    expect(JSON.stringify(page.data)).toContain('0519-87111110');
    // Station pages hold officers, so every one was dropped: the type is what is known to have changed.
    expect((await ask(api, STATION, { slug: qiandeng.slug })).data).toEqual(other.data);

    // A refused change commits nothing and drops nothing.
    expect((await ask(api, OFFICER, officer)).cache).toBe('HIT');
    const refused = await ask(api, UPDATE_OFFICER, { ...officer, phone: '' }, admin);
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect((await ask(api, OFFICER, officer)).cache).toBe('HIT');
  });

  it('never answers a mutation from the cache: the same submission sent twice is stored once and refused the second time as a used form', async () => {
    const api = createApi({ prisma: db.prisma, responseCache: cacheOf() });
    const today = Date.parse(`${chinaToday()}T00:00:00Z`);
    const campaign = await db.prisma.surveyCampaign.create({
      data: {
        stationId: zhuze.id, period: '2043-H1', titleZh: '评议', accessMode: 'OPEN', status: 'PUBLISHED',
        opensOn: new Date(today - 86_400_000), closesOn: new Date(today + 86_400_000),
        questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
      },
    });
    const questions = await db.prisma.surveyQuestion.findMany({ where: { campaignId: campaign.id }, orderBy: { position: 'asc' } });
    const answers = questions.map((q) => {
      const questionId = globalId('SurveyQuestion', q.id);
      if (q.type === 'SCALE5') return { questionId, value: 4 };
      if (q.type === 'YES_NO') return { questionId, value: 1 };
      if (q.type === 'SINGLE_CHOICE') return { questionId, choice: 1 };
      return { questionId, text: '缓存' };
    });
    const campaignId = globalId('SurveyCampaign', campaign.id);
    const issued = await ask(api, 'mutation ($id: ID!) { issueSurveyFormToken(campaignId: $id) }', { id: campaignId });
    const formToken = (issued.data as { issueSurveyFormToken: string }).issueSurveyFormToken;
    const input = { campaignId, answers, formToken };
    const submit = 'mutation ($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn } }';
    // The same document and variables twice: a cache would answer the second with the first's success.
    const submitted = [await ask(api, submit, { input }), await ask(api, submit, { input })];
    expect(submitted.map((a) => a.cache)).toEqual(['BYPASS', 'BYPASS']);
    expect(submitted[0]?.errors).toBeUndefined();
    expect(submitted[1]?.errors?.[0]?.extensions?.code).toBe('FORM_TOKEN_USED');
    expect(await db.prisma.surveyResponse.count({ where: { campaignId: campaign.id } })).toBe(1);
  });

  it('still charges a cached answer to the caller\'s cost budget', async () => {
    const cost = (await ask(createApi({ prisma: db.prisma }), STATION, { slug: zhuze.slug })).extensions?.cost as { requested: number };
    // Room for three answers, not four (the window is long enough for nothing to drain meanwhile).
    const rateLimit = { store: memoryBuckets(3_600_000), anonymousBudget: cost.requested * 3.5, staffBudget: 1, trustProxy: false, exemptLoopback: false };
    const api = createApi({ prisma: db.prisma, responseCache: cacheOf(), rateLimit });
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await ask(api, STATION, { slug: zhuze.slug }));
    expect(answers.map((a) => a.cache)).toEqual(['MISS', 'HIT', 'HIT', 'BYPASS']);
    expect(answers.slice(0, 3).map((a) => Math.round(a.extensions?.cost?.remaining as number))).toEqual([2.5, 1.5, 0.5].map((n) => Math.round(n * cost.requested)));
    expect(answers[3]?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('in Redis, is shared by two API instances: a change through one drops the other\'s answer', async () => {
    const namespace = `test-${randomUUID()}`;
    const [one, two] = [cacheOf({ redis: true, namespace }), cacheOf({ redis: true, namespace })];
    expect([one.store, two.store]).toEqual(['redis', 'redis']);
    const a = createApi({ prisma: db.prisma, responseCache: one });
    const b = createApi({ prisma: db.prisma, responseCache: two });
    const admin = await staffOf(db.prisma, 'ADMIN', zhuze.id);
    const officer = { id: globalId('Officer', officerId) };

    expect((await ask(b, OFFICER, officer)).cache).toBe('MISS');
    // Filled by B, served by A.
    await expect.poll(async () => (await ask(a, OFFICER, officer)).cache).toBe('HIT');
    expect((await ask(b, OFFICER, officer)).cache).toBe('HIT');

    await ask(a, UPDATE_OFFICER, { ...officer, phone: '0519-87222220' }, admin);
    const after = await ask(b, OFFICER, officer);
    expect(after.cache).toBe('MISS');
    expect((after.data?.node as { dutyPhone: string }).dutyPhone).toBe('0519-87222220');
  });
});
