import { randomUUID } from 'node:crypto';
import { DEFAULT_QUESTIONNAIRE } from '@openstation/db';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../src/survey/calendar.ts';
import { insertInvitationCodes } from '../src/domain/invitation-codes.ts';
import { CODE_LENGTH, hashInvitationCode, normaliseInvitationCode } from '../src/survey/codes.ts';
import { memoryBuckets } from '../src/limits/memory-bucket.ts';
import { redisBuckets } from '../src/limits/redis-bucket.ts';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk, withFormToken } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

function shiftDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Question {
  id: string;
  type: string;
  required: boolean;
  options: { zh: string[] } | null;
}
interface Campaign {
  id: string;
  phase: string;
  questions: Question[];
}

const CAMPAIGN_FIELDS = 'id phase accessMode questions { id position indicator type required text { zh en } options { zh en } }';
const SUBMIT = 'mutation ($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn campaign { period } } }';

/** A complete, valid set of answers to the default questionnaire. */
interface Answer {
  questionId: string;
  value?: number;
  dontKnow?: boolean;
  choice?: number;
  text?: string;
}

function fullAnswers(questions: readonly Question[]): Answer[] {
  return questions.flatMap((q): Answer[] => {
    if (q.type === 'SCALE5') return [{ questionId: q.id, value: 4 }];
    if (q.type === 'YES_NO') return [{ questionId: q.id, value: 1 }];
    if (q.type === 'SINGLE_CHOICE') return [{ questionId: q.id, choice: 0 }];
    return [{ questionId: q.id, text: '很好' }];
  });
}

/** A submission as the portal's page sends it: with a fresh form token when the campaign issues one. */
type Api = Parameters<typeof gql>[0];
const sendForm = async (api: Api, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  gql(api, query, await withFormToken(api, variables), headers);
const sendFormOk = async <T,>(api: Api, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  gqlOk<T>(api, query, await withFormToken(api, variables), headers);

const dbId = (globalIdValue: string) => Number(Buffer.from(globalIdValue, 'base64').toString().split(':')[1]);

const codesOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

describe('resident surveys', () => {
  const t = useTestApi({ surveyLimit: { store: memoryBuckets(60_000), perWindow: 1000, trustProxy: true } });
  let editor: TestPrincipal;
  let stationId: number;
  let areaIds: number[];
  let counter = 0;

  beforeAll(async () => {
    const staff = await createStaffPrincipals(t.db.prisma);
    editor = staff.find((p) => p.role === 'EDITOR') as TestPrincipal;
    const station = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' }, include: { areas: { orderBy: { id: 'asc' } } } });
    stationId = station.id;
    areaIds = station.areas.map((a) => a.id);
  });

  /** A new DRAFT campaign of the zhuze station through the API; open today unless the dates say otherwise. */
  async function draft(accessMode: 'OPEN' | 'CODE', opensOn = shiftDays(chinaToday(), -3), closesOn = shiftDays(chinaToday(), 3)): Promise<Campaign> {
    counter += 1;
    const data = await gqlOk<{ createSurveyCampaign: Campaign }>(
      t.api,
      `mutation ($input: SurveyCampaignInput!) { createSurveyCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`,
      { input: { stationId: globalId('Station', stationId), period: `${2030 + counter}-H1`, title: { zh: `测试评议 ${counter}` }, opensOn, closesOn, accessMode } },
      editor.headers,
    );
    return data.createSurveyCampaign;
  }

  /** Publishes a draft through the API. Closed campaigns cannot be published, so it publishes first and moves the dates back after. */
  async function publish(c: Campaign): Promise<Campaign> {
    const data = await gqlOk<{ publishSurveyCampaign: Campaign }>(
      t.api,
      `mutation ($id: ID!) { publishSurveyCampaign(id: $id) { ${CAMPAIGN_FIELDS} } }`,
      { id: c.id },
      editor.headers,
    );
    return data.publishSurveyCampaign;
  }

  /** A new published campaign of the zhuze station; open today unless the dates say otherwise. */
  async function campaign(accessMode: 'OPEN' | 'CODE', opensOn = shiftDays(chinaToday(), -3), closesOn = shiftDays(chinaToday(), 3)): Promise<Campaign> {
    if (closesOn >= chinaToday()) return publish(await draft(accessMode, opensOn, closesOn));
    const c = await draft(accessMode, opensOn, chinaToday());
    await publish(c);
    await t.db.prisma.surveyCampaign.update({ where: { id: dbId(c.id) }, data: { closesOn: new Date(`${closesOn}T00:00:00Z`) } });
    return (await gqlOk<{ node: Campaign }>(t.api, `query ($id: ID!) { node(id: $id) { ... on SurveyCampaign { ${CAMPAIGN_FIELDS} } } }`, { id: c.id })).node;
  }

  async function codes(campaignId: string, count: number, areaId?: number): Promise<string[]> {
    const data = await gqlOk<{ generateInvitationCodes: { csv: string; count: number } }>(
      t.api,
      'mutation ($id: ID!, $area: ID, $n: Int!) { generateInvitationCodes(campaignId: $id, areaId: $area, count: $n) { count csv } }',
      { id: campaignId, area: areaId === undefined ? null : globalId('Area', areaId), n: count },
      editor.headers,
    );
    return data.generateInvitationCodes.csv.trim().split('\n').slice(1).map((line) => line.split(',')[0] as string);
  }

  const responsesOf = (c: Campaign) =>
    t.db.prisma.surveyResponse.count({ where: { campaignId: Number(Buffer.from(c.id, 'base64').toString().split(':')[1]) } });

  it('lists the demo campaigns with the default questionnaire', async () => {
    const data = await gqlOk<{ surveyCampaigns: Array<Campaign & { accessMode: string }> }>(
      t.api,
      `{ surveyCampaigns(stationSlug: "qiandeng") { period ${CAMPAIGN_FIELDS} } }`,
    );
    expect(data.surveyCampaigns.map((c) => c.questions.length)).toEqual([8, 8, 8]);
    expect(data.surveyCampaigns[0]?.accessMode).toBe('CODE');
    const indicators = new Set(data.surveyCampaigns[0]?.questions.map((q) => (q as unknown as { indicator: string }).indicator));
    expect([...indicators].sort()).toEqual([
      'BASIC_MANAGEMENT', 'OFFICER_AWARENESS', 'OVERALL_SATISFACTION', 'PREVENTION_PUBLICITY', 'SERVICE_TO_RESIDENTS', 'WINDOW_SERVICE',
    ]);
  });

  it('creates a campaign with the default questionnaire (zh and en)', async () => {
    const c = await campaign('OPEN');
    expect(c.phase).toBe('OPEN');
    expect(c.questions).toHaveLength(8);
    for (const q of c.questions as unknown as Array<{ text: { zh: string; en: string | null } }>) expect(q.text.en).toBeTruthy();
  });

  it('generates short, unambiguous codes, stores only their hashes, and returns them once as CSV', async () => {
    const c = await campaign('CODE');
    const areaId = areaIds[0] as number;
    const made = await codes(c.id, 50, areaId);
    expect(made).toHaveLength(50);
    expect(new Set(made).size).toBe(50);
    for (const code of made) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const rows = await t.db.prisma.invitationCode.findMany({ where: { codeHash: { in: made.map((m) => hashInvitationCode(normaliseInvitationCode(m) as string)) } } });
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.areaId === areaId && !r.used && /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);
    const stored = JSON.stringify(await t.db.prisma.$queryRawUnsafe('SELECT * FROM "InvitationCode"'));
    expect(made.some((m) => stored.includes(m) || stored.includes(m.replace('-', '')))).toBe(false);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'invitationCodes.generate' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(audit)).not.toContain(made[0]?.slice(0, 5));
  });

  it('CODE mode: a code works once, typed in any case, and every bad code has its own error', async () => {
    const c = await campaign('CODE');
    const [code, other] = await codes(c.id, 2, areaIds[1]);
    const answers = fullAnswers(c.questions);
    const submit = (extra: Record<string, unknown>) => sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers, ...extra } });
    expect(codesOf(await submit({}))).toEqual(['CODE_REQUIRED']);
    expect(codesOf(await submit({ code: 'ABC' }))).toEqual(['CODE_MALFORMED']);
    expect(codesOf(await submit({ code: 'UUUUU-UUUUU' }))).toEqual(['CODE_MALFORMED']);
    expect(codesOf(await submit({ code: '00000-00000' }))).toEqual(['CODE_INVALID']);
    expect(await responsesOf(c)).toBe(0);
    const ok = await submit({ code: (code as string).toLowerCase().replace('-', ' ') });
    expect(ok.errors).toBeUndefined();
    expect(codesOf(await submit({ code }))).toEqual(['CODE_USED']);
    expect(await responsesOf(c)).toBe(1);
    const response = await t.db.prisma.surveyResponse.findFirstOrThrow({ where: { answers: { some: { question: { campaign: { period: { not: '' } } } } } }, orderBy: { id: 'desc' } });
    expect(response.areaId).toBe(areaIds[1]);
    // A code of another campaign does not open this one.
    const d = await campaign('CODE');
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: d.id, answers: fullAnswers(d.questions), code: other } }))).toEqual(['CODE_INVALID']);
  });

  it('CODE mode: of 30 parallel submissions of one code exactly one succeeds', async () => {
    const c = await campaign('CODE');
    const [code] = await codes(c.id, 1);
    const answers = fullAnswers(c.questions);
    const results = await Promise.all(Array.from({ length: 30 }, () => sendForm(t.api, SUBMIT, { input: { campaignId: c.id, code, answers } })));
    const outcomes = results.map((r) => (r.errors ? String(r.errors[0]?.extensions?.code) : 'OK'));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CODE_USED')).toHaveLength(29);
    expect(await responsesOf(c)).toBe(1);
  });

  it('refuses each invalid answer set with its own code and stores nothing', async () => {
    const c = await campaign('OPEN');
    const good = fullAnswers(c.questions);
    const [scale, yesNo, choice, text] = ['SCALE5', 'YES_NO', 'SINGLE_CHOICE', 'FREE_TEXT'].map((type) => c.questions.find((q) => q.type === type) as Question);
    const replace = (q: Question, answer: Record<string, unknown>) => good.map((a) => (a.questionId === q.id ? { questionId: q.id, ...answer } : a));
    const foreign = (await campaign('OPEN')).questions[0] as Question;
    const cases: Array<[string, unknown[], string]> = [
      ['unknown question', [...good, { questionId: foreign.id, value: 3 }], 'ANSWER_UNKNOWN_QUESTION'],
      ['duplicate question', [...good, good[0]], 'ANSWER_DUPLICATE_QUESTION'],
      ['missing required', good.filter((a) => a.questionId !== scale?.id), 'ANSWER_MISSING_REQUIRED'],
      ['scale 6', replace(scale as Question, { value: 6 }), 'ANSWER_OUT_OF_RANGE'],
      ['scale 0', replace(scale as Question, { value: 0 }), 'ANSWER_OUT_OF_RANGE'],
      ['yes/no 2', replace(yesNo as Question, { value: 2 }), 'ANSWER_OUT_OF_RANGE'],
      ['choice out of range', replace(choice as Question, { choice: 5 }), 'ANSWER_OUT_OF_RANGE'],
      ['text too long', replace(text as Question, { text: 'x'.repeat(1001) }), 'ANSWER_TEXT_TOO_LONG'],
      ['two kinds of answer', replace(scale as Question, { value: 3, dontKnow: true }), 'ANSWER_INVALID'],
      ['text to a scale question', replace(scale as Question, { text: 'five' }), 'ANSWER_INVALID'],
      ['not a question id', [...good, { questionId: globalId('Area', 1), value: 1 }], 'BAD_USER_INPUT'],
    ];
    for (const [name, answers, code] of cases) {
      const result = await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers } });
      expect(codesOf(result), name).toEqual([code]);
    }
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers: good, areaId: globalId('Area', 999999) } }))).toEqual(['BAD_USER_INPUT']);
    expect(await responsesOf(c)).toBe(0);
    const ok = await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers: replace(text as Question, { text: 'x'.repeat(1000) }) } });
    expect(ok.errors).toBeUndefined();
    const minimal = good.filter((a) => a.questionId !== choice?.id && a.questionId !== text?.id).map((a) => (a.questionId === scale?.id ? { questionId: a.questionId, dontKnow: true } : a));
    expect((await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers: minimal } })).errors).toBeUndefined();
    expect(await responsesOf(c)).toBe(2);
  });

  it('refuses a campaign that is not open yet, closed, or unknown', async () => {
    const today = chinaToday();
    const early = await campaign('OPEN', shiftDays(today, 1), shiftDays(today, 10));
    const late = await campaign('OPEN', shiftDays(today, -10), shiftDays(today, -1));
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: early.id, answers: fullAnswers(early.questions) } }))).toEqual(['SURVEY_NOT_OPEN_YET']);
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: late.id, answers: fullAnswers(late.questions) } }))).toEqual(['SURVEY_CLOSED']);
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: globalId('SurveyCampaign', 999999), answers: [] } }))).toEqual(['NOT_FOUND']);
    expect(await responsesOf(early)).toBe(0);
    expect(await responsesOf(late)).toBe(0);
  });

  it('accepts a filled honeypot with the same receipt but stores nothing', async () => {
    const c = await campaign('OPEN');
    const result = await sendFormOk<{ submitSurveyResponse: { submittedOn: string } }>(t.api, SUBMIT, {
      input: { campaignId: c.id, answers: fullAnswers(c.questions), website: 'http://spam.example' },
    });
    expect(result.submitSurveyResponse.submittedOn).toBe(chinaToday());
    expect(await responsesOf(c)).toBe(0);
  });

  it('takes one answer per form token on OPEN surveys: a replayed, missing, foreign or forged token is refused and stores nothing', async () => {
    const c = await campaign('OPEN');
    const other = await campaign('OPEN');
    const answers = fullAnswers(c.questions);
    const ISSUE = 'mutation ($id: ID!) { issueSurveyFormToken(campaignId: $id) }';
    const issue = async (id: string) => (await gqlOk<{ issueSurveyFormToken: string }>(t.api, ISSUE, { id })).issueSurveyFormToken;
    const token = await issue(c.id);
    const send = (formToken?: string) => gql(t.api, SUBMIT, { input: { campaignId: c.id, answers, ...(formToken === undefined ? {} : { formToken }) } });
    expect((await send(token)).errors).toBeUndefined();
    const replay = await send(token);
    expect(codesOf(replay)).toEqual(['FORM_TOKEN_USED']);
    expect(replay.errors?.[0]?.extensions?.field).toBe('input.formToken');
    expect(codesOf(await send())).toEqual(['FORM_TOKEN_REQUIRED']);
    expect(codesOf(await send(await issue(other.id)))).toEqual(['FORM_TOKEN_INVALID']);
    const [campaignPart, issued, nonce] = token.split('.');
    expect(codesOf(await send(`${campaignPart}.${issued}.${nonce}.${'A'.repeat(43)}`))).toEqual(['FORM_TOKEN_INVALID']);
    expect(codesOf(await send(`${campaignPart}.${Number(issued) - 3 * 86400}.${nonce}.${token.split('.')[3]}`))).toEqual(['FORM_TOKEN_INVALID']);
    expect(await responsesOf(c)).toBe(1);
    // Of ten concurrent submissions with one fresh token exactly one is stored.
    const fresh = await issue(c.id);
    const outcomes = (await Promise.all(Array.from({ length: 10 }, () => send(fresh)))).map((r) => codesOf(r)[0] ?? 'OK');
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'FORM_TOKEN_USED')).toHaveLength(9);
    expect(await responsesOf(c)).toBe(2);
    // The spent nonce names its campaign and expiry day only: nothing links it to a response.
    const spent = await t.db.prisma.spentSurveyFormToken.findMany({ where: { campaignId: dbId(c.id) } });
    expect(spent.map((row) => Object.keys(row).sort())).toEqual([['campaignId', 'expiresOn', 'nonce'], ['campaignId', 'expiresOn', 'nonce']]);
    const coded = await campaign('CODE');
    expect(codesOf(await gql(t.api, ISSUE, { id: coded.id }))).toEqual(['FORM_TOKEN_NOT_NEEDED']);
    const closed = await campaign('OPEN', shiftDays(chinaToday(), -10), shiftDays(chinaToday(), -1));
    expect(codesOf(await gql(t.api, ISSUE, { id: closed.id }))).toEqual(['SURVEY_CLOSED']);
  });

  it('lets editors enter paper and phone responses in bulk, all or none, audited without response ids', async () => {
    const c = await campaign('CODE', shiftDays(chinaToday(), -5));
    const good = fullAnswers(c.questions);
    const mutation = `mutation ($id: ID!, $responses: [EnteredSurveyResponseInput!]!) {
      enterSurveyResponses(campaignId: $id, responses: $responses) { count campaign { period } } }`;
    const day = shiftDays(chinaToday(), -2);
    const responses = [
      { channel: 'PAPER', submittedOn: day, areaId: globalId('Area', areaIds[0] as number), answers: good },
      { channel: 'PHONE', submittedOn: day, answers: good },
      { channel: 'PAPER', submittedOn: chinaToday(), answers: good },
    ];
    const bad = [responses[0], { ...responses[1], answers: good.map((a) => (a.value === 4 ? { ...a, value: 9 } : a)) }];
    const refused = await gql(t.api, mutation, { id: c.id, responses: bad }, editor.headers);
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.index])).toEqual([['ANSWER_OUT_OF_RANGE', 1]]);
    const early = await gql(t.api, mutation, { id: c.id, responses: [{ ...responses[0], submittedOn: shiftDays(chinaToday(), -30) }] }, editor.headers);
    expect(early.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const future = await gql(t.api, mutation, { id: c.id, responses: [{ ...responses[0], submittedOn: shiftDays(chinaToday(), 1) }] }, editor.headers);
    expect(future.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await responsesOf(c)).toBe(0);
    const anonymous = await gql(t.api, mutation, { id: c.id, responses });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const data = await gqlOk<{ enterSurveyResponses: { count: number } }>(t.api, mutation, { id: c.id, responses }, editor.headers);
    expect(data.enterSurveyResponses.count).toBe(3);
    expect(await responsesOf(c)).toBe(3);
    const campaignId = Number(Buffer.from(c.id, 'base64').toString().split(':')[1]);
    const stored = await t.db.prisma.surveyResponse.findMany({ where: { campaignId }, orderBy: { id: 'asc' }, include: { _count: { select: { answers: true } } } });
    expect(stored.map((r) => [r.channel, r.submittedOn.toISOString().slice(0, 10), r.areaId, r._count.answers])).toEqual([
      ['PAPER', day, areaIds[0], good.length],
      ['PHONE', day, null, good.length],
      ['PAPER', chinaToday(), null, good.length],
    ]);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'surveyResponses.enter' }, orderBy: { id: 'desc' } });
    expect(audit.entityId).toBe(campaignId);
    expect(audit.after).toEqual({ count: 3, channels: { PAPER: 2, PHONE: 1 } });
  });

  it('keeps no column in the response tables that could hold an IP, user agent, time of day or code', async () => {
    const c = await campaign('OPEN');
    await sendFormOk(t.api, SUBMIT, { input: { campaignId: c.id, answers: fullAnswers(c.questions) } }, { 'user-agent': 'Test/1.0', 'x-forwarded-for': '203.0.113.9' });
    const columns = await t.db.prisma.$queryRawUnsafe<Array<{ table_name: string; column_name: string; data_type: string }>>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name IN ('SurveyResponse', 'SurveyAnswer') ORDER BY table_name, ordinal_position`,
    );
    expect(columns.map((col) => `${col.table_name}.${col.column_name}:${col.data_type}`)).toEqual([
      'SurveyAnswer.responseId:integer',
      'SurveyAnswer.questionId:integer',
      'SurveyAnswer.value:integer',
      'SurveyAnswer.dontKnow:boolean',
      'SurveyAnswer.choice:integer',
      'SurveyAnswer.text:text',
      'SurveyResponse.id:integer',
      'SurveyResponse.campaignId:integer',
      'SurveyResponse.areaId:integer',
      'SurveyResponse.channel:USER-DEFINED',
      'SurveyResponse.submittedOn:date',
    ]);
    const forbidden = columns.filter((col) => /ip|agent|address|code|hash|token|time|at$/i.test(col.column_name) || col.data_type.startsWith('timestamp'));
    expect(forbidden).toEqual([]);
    const keys = await t.db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM information_schema.referential_constraints rc
       JOIN information_schema.key_column_usage k ON k.constraint_name = rc.unique_constraint_name
       WHERE k.table_name = 'InvitationCode' AND rc.constraint_schema = current_schema()`,
    );
    expect(Number(keys[0]?.n)).toBe(0);
    const stored = JSON.stringify(await t.db.prisma.$queryRawUnsafe('SELECT * FROM "SurveyResponse" ORDER BY id DESC LIMIT 1'));
    expect(stored).not.toContain('203.0.113.9');
    expect(stored).not.toContain('Test/1.0');
    expect(await t.db.prisma.auditEntry.count({ where: { action: { contains: 'submit' } } })).toBe(0);
  });

  const UPDATE = `mutation ($id: ID!, $changes: SurveyCampaignPatch!) {
    updateSurveyCampaign(id: $id, input: $changes) { status title { zh } opensOn closesOn ${CAMPAIGN_FIELDS} } }`;
  const PUBLISH = 'mutation ($id: ID!) { publishSurveyCampaign(id: $id) { status } }';
  const QUESTIONS = [
    { indicator: 'BASIC_MANAGEMENT', type: 'SCALE5', text: { zh: '治安满意吗？', en: 'Satisfied with public order?' }, required: true },
    { indicator: 'OFFICER_AWARENESS', type: 'SINGLE_CHOICE', text: { zh: '怎样认识民警？' }, options: { zh: ['走访', '公示牌'], en: ['Visit', 'Board'] }, required: false },
  ];

  it('creates campaigns as drafts that the public cannot see, answer or read results of', async () => {
    const c = await draft('OPEN');
    const id = dbId(c.id);
    expect((await t.db.prisma.surveyCampaign.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    const list = await gqlOk<{ surveyCampaigns: Array<{ id: string }> }>(t.api, '{ surveyCampaigns(stationSlug: "zhuze") { id } }');
    expect(list.surveyCampaigns.map((x) => x.id)).not.toContain(c.id);
    const node = await gql<{ node: unknown }>(t.api, 'query ($id: ID!) { node(id: $id) { id } }', { id: c.id });
    expect(node.data?.node ?? null).toBeNull();
    expect(codesOf(node)).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers: fullAnswers(c.questions) } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await gql(t.api, 'query ($id: ID!) { surveyResults(campaignId: $id) { responses } }', { id: c.id }, editor.headers))).toEqual(['NOT_FOUND']);
    const entered = await gql(
      t.api,
      'mutation ($id: ID!, $r: [EnteredSurveyResponseInput!]!) { enterSurveyResponses(campaignId: $id, responses: $r) { count } }',
      { id: c.id, r: [{ channel: 'PAPER', submittedOn: chinaToday(), answers: fullAnswers(c.questions) }] },
      editor.headers,
    );
    expect(codesOf(entered)).toEqual(['INVALID_STATE']);
    expect(await responsesOf(c)).toBe(0);
    const drafts = await gqlOk<{ surveyCampaignDrafts: Array<{ id: string; status: string }> }>(
      t.api, '{ surveyCampaignDrafts(stationSlug: "zhuze") { id status } }', {}, editor.headers,
    );
    expect(drafts.surveyCampaignDrafts).toContainEqual({ id: c.id, status: 'DRAFT' });
  });

  it('edits a draft\'s title, dates and questions, validating them, and audits each change', async () => {
    const c = await draft('OPEN');
    const opensOn = shiftDays(chinaToday(), 5);
    const closesOn = shiftDays(chinaToday(), 20);
    const data = await gqlOk<{ updateSurveyCampaign: Campaign & { title: { zh: string }; opensOn: string; closesOn: string } }>(
      t.api, UPDATE, { id: c.id, changes: { title: { zh: '改过的标题' }, opensOn, closesOn, questions: QUESTIONS } }, editor.headers,
    );
    const updated = data.updateSurveyCampaign;
    expect([updated.title.zh, updated.opensOn, updated.closesOn, updated.phase]).toEqual(['改过的标题', opensOn, closesOn, 'NOT_YET_OPEN']);
    expect(updated.questions.map((q) => [q.type, q.required, q.options?.zh ?? null])).toEqual([
      ['SCALE5', true, null],
      ['SINGLE_CHOICE', false, ['走访', '公示牌']],
    ]);
    expect(await t.db.prisma.surveyQuestion.count({ where: { campaignId: dbId(c.id) } })).toBe(2);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'surveyCampaign.update', entityId: dbId(c.id) } });
    expect((audit.before as { questions: unknown[] }).questions).toHaveLength(8);
    expect((audit.after as { questions: unknown[] }).questions).toHaveLength(2);
    const bad: Array<[string, Record<string, unknown>]> = [
      ['one option', { questions: [{ ...QUESTIONS[1], options: { zh: ['只有一个'] } }] }],
      ['options on a scale question', { questions: [{ ...QUESTIONS[0], options: { zh: ['a', 'b'] } }] }],
      ['fewer English options', { questions: [{ ...QUESTIONS[1], options: { zh: ['a', 'b'], en: ['a'] } }] }],
      ['no questions', { questions: [] }],
      ['closes before it opens', { closesOn: shiftDays(opensOn, -1) }],
    ];
    for (const [name, changes] of bad) expect(codesOf(await gql(t.api, UPDATE, { id: c.id, changes }, editor.headers)), name).toEqual(['BAD_USER_INPUT']);
    expect(await t.db.prisma.surveyQuestion.count({ where: { campaignId: dbId(c.id) } })).toBe(2);
    expect(await t.db.prisma.auditEntry.count({ where: { action: 'surveyCampaign.update', entityId: dbId(c.id) } })).toBe(1);
  });

  it('publishes a draft only with questions and a closing date to come, once, and then it is public', async () => {
    const c = await draft('CODE');
    const id = dbId(c.id);
    const saved = await t.db.prisma.surveyQuestion.findMany({ where: { campaignId: id } });
    await t.db.prisma.surveyQuestion.deleteMany({ where: { campaignId: id } });
    const empty = await gql(t.api, PUBLISH, { id: c.id }, editor.headers);
    expect(empty.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['SURVEY_INCOMPLETE', 'NO_QUESTIONS']]);
    await t.db.prisma.surveyQuestion.createMany({ data: saved });
    await t.db.prisma.surveyCampaign.update({ where: { id }, data: { opensOn: new Date('2020-01-01'), closesOn: new Date('2020-01-31') } });
    const past = await gql(t.api, PUBLISH, { id: c.id }, editor.headers);
    expect(past.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['SURVEY_INCOMPLETE', 'CLOSES_IN_PAST']]);
    expect((await t.db.prisma.surveyCampaign.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    await gqlOk(t.api, UPDATE, { id: c.id, changes: { opensOn: shiftDays(chinaToday(), -1), closesOn: chinaToday() } }, editor.headers);
    // A CODE campaign may be published before it has any code.
    expect(await t.db.prisma.invitationCode.count({ where: { campaignId: id } })).toBe(0);
    expect((await gqlOk<{ publishSurveyCampaign: { status: string } }>(t.api, PUBLISH, { id: c.id }, editor.headers)).publishSurveyCampaign.status).toBe('PUBLISHED');
    expect(codesOf(await gql(t.api, PUBLISH, { id: c.id }, editor.headers))).toEqual(['INVALID_STATE']);
    const audits = await t.db.prisma.auditEntry.findMany({ where: { action: 'surveyCampaign.publish', entityId: id } });
    expect(audits.map((a) => a.after)).toEqual([{ status: 'PUBLISHED', questions: 8, codes: 0 }]);
    const list = await gqlOk<{ surveyCampaigns: Array<{ id: string; status: string }> }>(t.api, '{ surveyCampaigns(stationSlug: "zhuze") { id status } }');
    expect(list.surveyCampaigns).toContainEqual({ id: c.id, status: 'PUBLISHED' });
    const [code] = await codes(c.id, 1);
    expect((await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, code, answers: fullAnswers(c.questions) } })).errors).toBeUndefined();
  });

  it('locks a published campaign\'s questions once it has opened, and everything but the title once it has closed (SURVEY_LOCKED)', async () => {
    const today = chinaToday();
    const upcoming = await campaign('OPEN', shiftDays(today, 2), shiftDays(today, 9));
    const moved = await gqlOk<{ updateSurveyCampaign: Campaign }>(t.api, UPDATE, { id: upcoming.id, changes: { questions: QUESTIONS, opensOn: shiftDays(today, 1) } }, editor.headers);
    expect(moved.updateSurveyCampaign.questions).toHaveLength(2);

    const open = await campaign('OPEN');
    const locked = async (changes: Record<string, unknown>) => (await gql(t.api, UPDATE, { id: open.id, changes }, editor.headers)).errors?.map((e) => [e.extensions?.code, e.extensions?.fields]);
    expect(await locked({ questions: QUESTIONS })).toEqual([['SURVEY_LOCKED', ['questions']]]);
    expect(await locked({ opensOn: shiftDays(today, -1) })).toEqual([['SURVEY_LOCKED', ['opensOn']]]);
    expect(await t.db.prisma.surveyQuestion.count({ where: { campaignId: dbId(open.id) } })).toBe(8);
    expect(codesOf(await gql(t.api, UPDATE, { id: open.id, changes: { closesOn: shiftDays(today, -1) } }, editor.headers))).toEqual(['BAD_USER_INPUT']);
    const extended = await gqlOk<{ updateSurveyCampaign: { title: { zh: string }; closesOn: string; phase: string } }>(
      t.api, UPDATE, { id: open.id, changes: { title: { zh: '延长的评议' }, closesOn: shiftDays(today, 30) } }, editor.headers,
    );
    expect(extended.updateSurveyCampaign).toMatchObject({ title: { zh: '延长的评议' }, closesOn: shiftDays(today, 30), phase: 'OPEN' });

    const closed = await campaign('OPEN', shiftDays(today, -10), shiftDays(today, -1));
    const refused = await gql(t.api, UPDATE, { id: closed.id, changes: { closesOn: shiftDays(today, 5) } }, editor.headers);
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.fields])).toEqual([['SURVEY_LOCKED', ['closesOn']]]);
    expect((await gqlOk<{ updateSurveyCampaign: { title: { zh: string } } }>(t.api, UPDATE, { id: closed.id, changes: { title: { zh: '已结束' } } }, editor.headers)).updateSurveyCampaign.title.zh).toBe('已结束');
  });

  it('never replaces questions that have responses, even before the opening date', async () => {
    const today = chinaToday();
    const c = await campaign('OPEN');
    await sendFormOk(t.api, SUBMIT, { input: { campaignId: c.id, answers: fullAnswers(c.questions) } });
    // Moved back to "not yet open" directly in the database, as only a state the API never makes could allow it.
    await t.db.prisma.surveyCampaign.update({ where: { id: dbId(c.id) }, data: { opensOn: new Date(`${shiftDays(today, 3)}T00:00:00Z`), closesOn: new Date(`${shiftDays(today, 9)}T00:00:00Z`) } });
    const result = await gql(t.api, UPDATE, { id: c.id, changes: { questions: QUESTIONS } }, editor.headers);
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.fields])).toEqual([['SURVEY_LOCKED', ['questions']]]);
    expect(await t.db.prisma.surveyAnswer.count({ where: { response: { campaignId: dbId(c.id) } } })).toBe(c.questions.length);
  });

  const CLOSE = 'mutation ($id: ID!) { closeSurveyCampaign(id: $id) { closesOn phase } }';
  const DELETE = 'mutation ($id: ID!) { deleteSurveyCampaignDraft(id: $id) }';

  it('closes an open survey now: closing date yesterday, no more answers, results public, audited', async () => {
    const today = chinaToday();
    const c = await campaign('OPEN', shiftDays(today, -5), shiftDays(today, 20));
    await sendFormOk(t.api, SUBMIT, { input: { campaignId: c.id, answers: fullAnswers(c.questions) } });
    const results = 'query ($id: ID!) { surveyResults(campaignId: $id) { provisional responses } }';
    expect(codesOf(await gql(t.api, results, { id: c.id }))).toEqual(['SURVEY_RESULTS_NOT_PUBLIC']);
    const closed = await gql<{ closeSurveyCampaign: { closesOn: string; phase: string } }>(t.api, CLOSE, { id: c.id }, editor.headers);
    expect(closed.data?.closeSurveyCampaign).toEqual({ closesOn: shiftDays(today, -1), phase: 'CLOSED' });
    expect(closed.extensions?.warnings).toBeUndefined();
    expect(codesOf(await sendForm(t.api, SUBMIT, { input: { campaignId: c.id, answers: fullAnswers(c.questions) } }))).toEqual(['SURVEY_CLOSED']);
    expect((await gqlOk<{ surveyResults: unknown }>(t.api, results, { id: c.id })).surveyResults).toEqual({ provisional: false, responses: 1 });
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'surveyCampaign.close', entityId: dbId(c.id) } });
    expect([audit.before, audit.after, audit.stationId]).toEqual([
      { closesOn: `${shiftDays(today, 20)}T00:00:00.000Z` }, { closesOn: `${shiftDays(today, -1)}T00:00:00.000Z` }, stationId,
    ]);
    expect(codesOf(await gql(t.api, CLOSE, { id: c.id }, editor.headers))).toEqual(['INVALID_STATE']);
  });

  it('closes a survey that opened today at midnight, with a warning; refuses drafts and surveys not open yet', async () => {
    const today = chinaToday();
    const c = await campaign('OPEN', today, shiftDays(today, 10));
    const closed = await gql<{ closeSurveyCampaign: { closesOn: string; phase: string } }>(t.api, CLOSE, { id: c.id }, editor.headers);
    expect(closed.data?.closeSurveyCampaign).toEqual({ closesOn: today, phase: 'OPEN' });
    expect(closed.extensions?.warnings).toEqual([{ code: 'SURVEY_CLOSES_AT_MIDNIGHT', field: null, message: expect.any(String) }]);
    const upcoming = await campaign('OPEN', shiftDays(today, 2), shiftDays(today, 9));
    expect(codesOf(await gql(t.api, CLOSE, { id: upcoming.id }, editor.headers))).toEqual(['INVALID_STATE']);
    expect(codesOf(await gql(t.api, CLOSE, { id: (await draft('OPEN')).id }, editor.headers))).toEqual(['INVALID_STATE']);
  });

  it('deletes a draft with its questions and codes, audited; never a published survey', async () => {
    const c = await draft('CODE');
    await codes(c.id, 3);
    expect((await gqlOk<{ deleteSurveyCampaignDraft: boolean }>(t.api, DELETE, { id: c.id }, editor.headers)).deleteSurveyCampaignDraft).toBe(true);
    const id = dbId(c.id);
    expect([await t.db.prisma.surveyCampaign.count({ where: { id } }), await t.db.prisma.surveyQuestion.count({ where: { campaignId: id } }), await t.db.prisma.invitationCode.count({ where: { campaignId: id } })]).toEqual([0, 0, 0]);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'surveyCampaign.deleteDraft', entityId: id } });
    expect([(audit.before as { codes: number }).codes, audit.after]).toEqual([3, null]);
    expect(codesOf(await gql(t.api, DELETE, { id: c.id }, editor.headers))).toEqual(['NOT_FOUND']);
    expect(codesOf(await gql(t.api, DELETE, { id: (await campaign('OPEN')).id }, editor.headers))).toEqual(['INVALID_STATE']);
  });

  it('updates are patches: an empty or no-op patch is not audited, and nothing can be cleared', async () => {
    const c = await draft('OPEN');
    const audits = () => t.db.prisma.auditEntry.count({ where: { action: 'surveyCampaign.update', entityId: dbId(c.id) } });
    const stored = await t.db.prisma.surveyCampaign.findUniqueOrThrow({ where: { id: dbId(c.id) } });
    await gqlOk(t.api, UPDATE, { id: c.id, changes: {} }, editor.headers);
    await gqlOk(t.api, UPDATE, { id: c.id, changes: { title: { zh: stored.titleZh }, opensOn: stored.opensOn.toISOString().slice(0, 10) } }, editor.headers);
    expect(await audits()).toBe(0);
    for (const field of ['title', 'opensOn', 'closesOn', 'questions']) {
      const result = await gql(t.api, UPDATE, { id: c.id, changes: { [field]: null } }, editor.headers);
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['FIELD_REQUIRED', `input.${field}`]]);
    }
    expect(await audits()).toBe(0);
  });

  it('draws a colliding invitation code again, and gives up with CODE_GENERATION_FAILED storing nothing', async () => {
    const c = await draft('CODE');
    const campaignId = dbId(c.id);
    /** A random source that returns the given byte sequences in turn, then repeats the last. */
    const scripted = (...sequences: number[][]) => {
      let next = 0;
      return (size: number) => {
        const bytes = sequences[Math.min(next, sequences.length - 1)] as number[];
        next += 1;
        expect(size).toBe(CODE_LENGTH);
        return Uint8Array.from(bytes);
      };
    };
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const b = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const cc = [31, 30, 29, 28, 27, 26, 25, 24, 23, 22];
    const [existing] = await t.db.prisma.$transaction((tx) => insertInvitationCodes(tx, { campaignId, areaId: null, count: 1 }, scripted(a)));
    expect(existing).toBe('12345-6789A');
    // Round 1 draws A (taken) and B; round 2 draws C for the one that collided.
    const made = await t.db.prisma.$transaction((tx) => insertInvitationCodes(tx, { campaignId, areaId: null, count: 2 }, scripted(a, b, cc)));
    expect(made.sort()).toEqual(['A9876-54321', 'ZYXWV-TSRQP'].sort());
    expect(await t.db.prisma.invitationCode.count({ where: { campaignId } })).toBe(3);
    // A source stuck on a taken code fails after a bounded number of rounds, and the transaction keeps nothing.
    const fresh = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const stuck = t.db.prisma.$transaction((tx) => insertInvitationCodes(tx, { campaignId, areaId: null, count: 2 }, scripted(fresh, a)));
    await expect(stuck).rejects.toMatchObject({ code: 'CODE_GENERATION_FAILED' });
    expect(await t.db.prisma.invitationCode.count({ where: { campaignId } })).toBe(3);
  });
});

describe('resident surveys: the per-client limit of OPEN campaigns', () => {
  const t = useTestApi();
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

  it.each(['memory', 'redis'] as const)('%s: refuses the fourth submission from one client with RATE_LIMITED (429), not another client\'s', async (engine) => {
    const prefix = `test:survey:${randomUUID()}:`;
    const store = engine === 'memory' ? memoryBuckets(60_000) : redisBuckets(REDIS_URL, 60_000, { keyPrefix: prefix });
    const api = createApi({ prisma: t.db.prisma, surveyLimit: { store, perWindow: 3, trustProxy: true } });
    const station = await t.db.prisma.station.findFirstOrThrow();
    const c = await t.db.prisma.surveyCampaign.create({
      data: {
        stationId: station.id, period: `2040-${engine}`, titleZh: '限流测试', accessMode: 'OPEN', status: 'PUBLISHED',
        opensOn: new Date(`${shiftDays(chinaToday(), -1)}T00:00:00Z`), closesOn: new Date(`${shiftDays(chinaToday(), 1)}T00:00:00Z`),
        questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
      },
      include: { questions: true },
    });
    const answers = c.questions
      .filter((q) => q.required)
      .map((q) => ({ questionId: globalId('SurveyQuestion', q.id), value: q.type === 'YES_NO' ? 1 : 5 }));
    const send = (ip: string) => sendForm(api, SUBMIT, { input: { campaignId: globalId('SurveyCampaign', c.id), answers } }, { 'x-forwarded-for': ip });
    try {
      const results = [];
      const incomplete = { input: { campaignId: globalId('SurveyCampaign', c.id), answers: answers.slice(1) } };
      for (let i = 0; i < 5; i++) {
        const refused = await sendForm(api, SUBMIT, incomplete, { 'x-forwarded-for': '198.51.100.1' });
        expect(codesOf(refused), 'a refused submission does not count against the limit').toEqual(['ANSWER_MISSING_REQUIRED']);
      }
      for (let i = 0; i < 4; i++) results.push(await send('198.51.100.1'));
      expect(results.map((r) => codesOf(r)[0] ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
      expect(results[3]?.status).toBe(429);
      expect((await send('198.51.100.2')).errors).toBeUndefined();
      expect(await t.db.prisma.surveyResponse.count({ where: { campaignId: c.id } })).toBe(4);
      if (engine === 'redis') {
        const redis = new Redis(REDIS_URL);
        try {
          const keys = await redis.keys(`${prefix}*`);
          expect(keys).toHaveLength(2);
          expect(keys.some((k) => k.includes('198.51.100'))).toBe(false);
          for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
        } finally {
          await redis.quit();
        }
      }
    } finally {
      await store.close();
    }
  });
});
