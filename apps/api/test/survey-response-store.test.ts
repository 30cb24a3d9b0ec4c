import { randomBytes } from 'node:crypto';
import { DEFAULT_QUESTIONNAIRE, type PrismaClient } from '@openstation/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../src/domain/survey-group-commit.ts';
import { type ResponseRow, storeResponses } from '../src/domain/survey-response-store.ts';
import type { AnswerRow } from '../src/survey/answers.ts';
import { chinaToday } from '../src/survey/calendar.ts';
import { hashInvitationCode, newInvitationCode, normaliseInvitationCode } from '../src/survey/codes.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

/**
 * Storing survey responses several to a statement (survey-response-store.ts) and the group
 * commit that puts concurrent web submissions together (survey-group-commit.ts): what a
 * speed-up could break — each response keeps its own answers, a code or a form token is used
 * once even by rows of one statement, nothing refused is stored, a faulty submission fails
 * alone, and nothing is acknowledged that was not stored.
 */

const today = chinaToday();
const day = (offset: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date;
};

describe('storing survey responses together', () => {
  const t = useTestApi();
  let counter = 0;
  let stationId: number;
  let otherStationAreaId: number;

  beforeAll(async () => {
    const station = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' } });
    stationId = station.id;
    const other = await t.db.prisma.area.findFirstOrThrow({ where: { stationId: { not: station.id }, retiredAt: null } });
    otherStationAreaId = other.id;
  });

  /** A published campaign of zhuze, open today unless the dates say otherwise, with the default questionnaire. */
  async function campaign(accessMode: 'OPEN' | 'CODE', opensOn = day(-2), closesOn = day(2)) {
    counter += 1;
    return t.db.prisma.surveyCampaign.create({
      data: {
        stationId, period: `${2060 + counter}-H2`, titleZh: `合并写入 ${counter}`, accessMode, status: 'PUBLISHED', opensOn, closesOn,
        questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
      },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
  }

  /** Answers to every question, the scale ones `value`, so each row's answers can be told apart. */
  function answers(c: Awaited<ReturnType<typeof campaign>>, value: number): AnswerRow[] {
    return c.questions.map((q) => {
      const row: AnswerRow = { questionId: q.id, value: null, dontKnow: false, choice: null, text: null };
      if (q.type === 'SCALE5') return { ...row, value };
      if (q.type === 'YES_NO') return { ...row, value: value % 2 };
      if (q.type === 'SINGLE_CHOICE') return { ...row, choice: value % q.optionsZh.length };
      return { ...row, text: `第${value}份` };
    });
  }

  const web = (c: { id: number }, answerRows: AnswerRow[], extra: Partial<ResponseRow> = {}): ResponseRow => ({
    campaignId: c.id, areaId: null, channel: 'WEB', submittedOn: today, codeHash: null, token: null, answers: answerRows, ...extra,
  });
  const tokenOf = () => ({ nonce: randomBytes(16).toString('base64url'), expiresOn: today });

  async function codesFor(campaignId: number, count: number): Promise<string[]> {
    const hashes = Array.from({ length: count }, () => hashInvitationCode(normaliseInvitationCode(newInvitationCode()) as string));
    await t.db.prisma.invitationCode.createMany({ data: hashes.map((codeHash) => ({ campaignId, codeHash })) });
    return hashes;
  }

  /** Each stored response of the campaign: its area, answer count and free text, ordered by the text (ids follow no row order). */
  async function stored(campaignId: number) {
    const rows = await t.db.prisma.surveyResponse.findMany({ where: { campaignId }, include: { answers: { orderBy: { questionId: 'asc' } } } });
    return rows
      .map((r) => ({ areaId: r.areaId, answers: r.answers.length, texts: r.answers.flatMap((a) => (a.text ? [a.text] : [])) }))
      .sort((a, b) => (a.texts.join() < b.texts.join() ? -1 : 1));
  }

  it('stores several responses in one statement, each with its own answers', async () => {
    const c = await campaign('OPEN');
    const rows = [1, 2, 3, 4, 5].map((n) => web(c, answers(c, n), { token: tokenOf() }));
    t.db.resetQueries();
    expect(await storeResponses(t.db.prisma, rows, today)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
    expect(t.db.queries).toHaveLength(1);
    const kept = await stored(c.id);
    expect(kept.map((r) => r.texts)).toEqual([['第1份'], ['第2份'], ['第3份'], ['第4份'], ['第5份']]);
    expect(kept.every((r) => r.answers === c.questions.length)).toBe(true);
    // Each answer row is its response's: the free text of response n says n, and so does every scale answer.
    const scaleIds = new Set(c.questions.filter((q) => q.type === 'SCALE5').map((q) => q.id));
    const responses = await t.db.prisma.surveyResponse.findMany({ where: { campaignId: c.id }, include: { answers: true } });
    const pairs = responses.map((r) => [r.answers.find((a) => a.text)?.text, [...new Set(r.answers.filter((a) => scaleIds.has(a.questionId)).map((a) => a.value))]]);
    expect(pairs.sort()).toEqual([['第1份', [1]], ['第2份', [2]], ['第3份', [3]], ['第4份', [4]], ['第5份', [5]]]);
  });

  it('of rows of one statement sharing a code or a form token only the first is stored, and the code\'s area goes to it', async () => {
    const coded = await campaign('CODE');
    const [hash, other] = await codesFor(coded.id, 2);
    const area = await t.db.prisma.area.findFirstOrThrow({ where: { stationId, retiredAt: null } });
    await t.db.prisma.invitationCode.update({ where: { codeHash: hash as string }, data: { areaId: area.id } });
    const open = await campaign('OPEN');
    const token = tokenOf();
    const rows = [
      web(coded, answers(coded, 1), { codeHash: hash as string }),
      web(coded, answers(coded, 2), { codeHash: hash as string }),
      web(open, answers(open, 3), { token }),
      web(open, answers(open, 4), { token }),
      web(coded, answers(coded, 5), { codeHash: other as string }),
      web(coded, answers(coded, 1), { codeHash: hashInvitationCode('0000000000') }),
    ];
    expect(await storeResponses(t.db.prisma, rows, today)).toEqual(['stored', 'unclaimed', 'stored', 'unclaimed', 'stored', 'unclaimed']);
    expect((await stored(coded.id)).map((r) => [r.areaId, r.texts])).toEqual([[area.id, ['第1份']], [null, ['第5份']]]);
    expect((await stored(open.id)).map((r) => r.texts)).toEqual([['第3份']]);
    expect(await t.db.prisma.invitationCode.count({ where: { campaignId: coded.id, used: true } })).toBe(2);
    expect(await t.db.prisma.spentSurveyFormToken.count({ where: { campaignId: open.id } })).toBe(1);
    // Sent again, both are refused: the code is used, the token spent.
    expect(await storeResponses(t.db.prisma, [rows[0] as ResponseRow, rows[2] as ResponseRow], today)).toEqual(['unclaimed', 'unclaimed']);
  });

  it('refuses, storing nothing and using no code, a row whose campaign does not take answers that day or whose web area is not a current one of its station', async () => {
    const open = await campaign('OPEN');
    const closed = await campaign('CODE', day(-9), day(-1));
    const [closedCode] = await codesFor(closed.id, 1);
    const draft = await t.db.prisma.surveyCampaign.update({ where: { id: (await campaign('OPEN')).id }, data: { status: 'DRAFT' }, include: { questions: { orderBy: { position: 'asc' } } } });
    const retired = await t.db.prisma.area.create({ data: { stationId, kind: 'COMMUNITY', nameZh: '已撤销片区', retiredAt: new Date() } });
    const paperDay = today;
    const rows: ResponseRow[] = [
      web(closed, answers(closed, 1), { codeHash: closedCode as string }),
      web(draft, answers(draft, 1), { token: tokenOf() }),
      web(open, answers(open, 2), { token: tokenOf(), areaId: retired.id }),
      web(open, answers(open, 3), { token: tokenOf(), areaId: otherStationAreaId }),
      web(open, answers(open, 4), { token: tokenOf() }),
      // Staff may enter a paper form naming an area retired since.
      { ...web(open, answers(open, 5)), channel: 'PAPER', submittedOn: paperDay, areaId: retired.id },
    ];
    expect(await storeResponses(t.db.prisma, rows, today)).toEqual(['refused', 'refused', 'refused', 'refused', 'stored', 'stored']);
    expect((await stored(open.id)).map((r) => [r.areaId, r.texts])).toEqual([[null, ['第4份']], [retired.id, ['第5份']]]);
    expect(await t.db.prisma.surveyResponse.count({ where: { campaignId: { in: [closed.id, draft.id] } } })).toBe(0);
    expect(await t.db.prisma.invitationCode.count({ where: { campaignId: closed.id, used: true } })).toBe(0);
    expect(await t.db.prisma.spentSurveyFormToken.count({ where: { campaignId: open.id } })).toBe(1);
  });

  it('group commit: concurrent submissions share statements, and each is answered on its own', async () => {
    const c = await campaign('OPEN');
    const commit = createGroupCommit(t.db.prisma, { maxInFlight: 1, maxBatch: 64 });
    const rows = Array.from({ length: 20 }, (_, i) => web(c, answers(c, (i % 5) + 1), { token: tokenOf() }));
    const replay = web(c, answers(c, 1), { token: rows[3]?.token as ResponseRow['token'] });
    t.db.resetQueries();
    const outcomes = await Promise.all([...rows, replay].map((row) => commit.store(row)));
    // The first went alone, the other twenty waited for it and went together.
    expect(t.db.queries.filter((sql) => sql.includes('"SpentSurveyFormToken"'))).toHaveLength(2);
    expect(outcomes).toEqual([...Array.from({ length: 20 }, () => 'stored'), 'unclaimed']);
    expect(await t.db.prisma.surveyResponse.count({ where: { campaignId: c.id } })).toBe(20);
    expect(await t.db.prisma.surveyAnswer.count({ where: { response: { campaignId: c.id } } })).toBe(20 * c.questions.length);
    // Alone again, a submission goes at once.
    t.db.resetQueries();
    expect(await commit.store(web(c, answers(c, 2), { token: tokenOf() }))).toBe('stored');
    expect(t.db.queries.filter((sql) => sql.includes('"SpentSurveyFormToken"'))).toHaveLength(1);
  });

  it('group commit: a submission that breaks its statement fails alone; the others of the statement are stored', async () => {
    const c = await campaign('OPEN');
    const commit = createGroupCommit(t.db.prisma, { maxInFlight: 1, maxBatch: 64 });
    const rows = Array.from({ length: 6 }, (_, i) => web(c, answers(c, i + 1), { token: tokenOf() }));
    // It answers a question that does not exist: its insert breaks a foreign key, which fails the whole statement.
    const faulty = web(c, [{ questionId: 2_000_000_000, value: 3, dontKnow: false, choice: null, text: null }], { token: tokenOf() });
    const outcomes = await Promise.allSettled([rows[0], faulty, ...rows.slice(1)].map((row) => commit.store(row as ResponseRow)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'failed'))).toEqual(['stored', 'failed', 'stored', 'stored', 'stored', 'stored', 'stored']);
    expect((await stored(c.id)).map((r) => r.texts[0])).toEqual(['第1份', '第2份', '第3份', '第4份', '第5份', '第6份']);
    expect(await t.db.prisma.spentSurveyFormToken.count({ where: { campaignId: c.id } })).toBe(6);
  });

  it('group commit: when the statement fails (the connection lost) no submission of it is acknowledged or stored', async () => {
    const c = await campaign('OPEN');
    // A client whose statements never reach the database, as when the connection drops before the commit.
    const lost = new Proxy(t.db.prisma, {
      get(target, property, receiver) {
        if (property === '$queryRawUnsafe') return () => Promise.reject(new Error('Connection terminated unexpectedly'));
        return Reflect.get(target, property, receiver);
      },
    }) as PrismaClient;
    const commit = createGroupCommit(lost, { maxInFlight: 1, maxBatch: 64 });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => commit.store(web(c, answers(c, i + 1), { token: tokenOf() }))));
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 8 }, () => 'rejected'));
    expect(await t.db.prisma.surveyResponse.count({ where: { campaignId: c.id } })).toBe(0);
    expect(await t.db.prisma.spentSurveyFormToken.count({ where: { campaignId: c.id } })).toBe(0);
  });
});
