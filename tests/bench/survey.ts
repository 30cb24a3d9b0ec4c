/**
 * `pnpm bench:survey` — sustained survey submissions against the API on PostgreSQL: an OPEN
 * campaign (per-client limit raised out of the way) and a CODE campaign (one fresh code per
 * request). Prints accepted submissions per second with p50/p99 latency, then checks that
 * every accepted submission is stored exactly once (and, with codes, that exactly as many
 * codes were used). Prints figures; asserts nothing about speed.
 */
import autocannon from 'autocannon';
import { DEFAULT_QUESTIONNAIRE, openDatabase, type PrismaClient } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { seedDemoData } from '@openstation/db/seed';
import { chinaToday } from '@openstation/api/survey/calendar';
import { hashInvitationCode, newInvitationCode, normaliseInvitationCode } from '@openstation/api/survey/codes';
import { issueFormToken } from '@openstation/api/survey/form-token';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';
import { startProcess, stopProcess } from './processes.ts';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const port = Number(process.env.BENCH_PORT ?? 4110);

const SUBMIT = 'mutation ($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn } }';
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

function shiftDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface BenchCampaign {
  id: number;
  accessMode: 'OPEN' | 'CODE';
  answers: Array<Record<string, unknown>>;
}

async function createCampaign(prisma: PrismaClient, accessMode: 'OPEN' | 'CODE', period: string): Promise<BenchCampaign> {
  const station = await prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const today = chinaToday();
  const campaign = await prisma.surveyCampaign.create({
    data: {
      stationId: station.id, period, titleZh: `压测 ${period}`, accessMode, status: 'PUBLISHED',
      opensOn: new Date(`${shiftDays(today, -1)}T00:00:00Z`), closesOn: new Date(`${shiftDays(today, 1)}T00:00:00Z`),
      questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  const answers = campaign.questions.map((q) => {
    const questionId = globalId('SurveyQuestion', q.id);
    if (q.type === 'SCALE5') return { questionId, value: 4 };
    if (q.type === 'YES_NO') return { questionId, value: 1 };
    if (q.type === 'SINGLE_CHOICE') return { questionId, choice: 1 };
    return { questionId, text: '压测' };
  });
  return { id: campaign.id, accessMode, answers };
}

interface Figures {
  sent: number;
  accepted: number;
  refused: number;
  p50: number;
  p99: number;
  transportErrors: number;
}

/** The form key the benchmark's server signs with, so OPEN submissions carry tokens made here (one per submission, as pages would). */
const FORM_SECRET = 'bench-survey-form-secret-at-least-32-characters';

async function load(campaign: BenchCampaign, seconds: number, code: () => string | null): Promise<Figures> {
  let accepted = 0;
  let refused = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            query: SUBMIT,
            variables: {
              input: {
                campaignId: globalId('SurveyCampaign', campaign.id),
                code: code(),
                formToken: campaign.accessMode === 'OPEN' ? issueFormToken(FORM_SECRET, campaign.id) : null,
                answers: campaign.answers,
              },
            },
          }),
        }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"submittedOn"') && !body.includes('"errors"')) accepted += 1;
          else refused += 1;
        },
      },
    ],
  });
  return {
    sent: result.requests.total,
    accepted,
    refused,
    p50: result.latency.p50,
    p99: result.latency.p99,
    transportErrors: result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const name = 'openstation_bench_survey';
  const url = databaseUrl(base, name);
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const db = await openDatabase(url);
  await seedDemoData(db.prisma);
  const open = await createCampaign(db.prisma, 'OPEN', '2090-H1');
  const coded = await createCampaign(db.prisma, 'CODE', '2090-H2');
  const codeCount = Number(process.env.BENCH_CODES ?? 200_000);
  const codes = Array.from({ length: codeCount }, newInvitationCode);
  for (let i = 0; i < codes.length; i += 20_000) {
    await db.prisma.invitationCode.createMany({
      data: codes.slice(i, i + 20_000).map((code) => ({ campaignId: coded.id, codeHash: hashInvitationCode(normaliseInvitationCode(code) as string) })),
    });
  }

  // SQL statements one submission sends, measured in-process before the load.
  const statements: string[] = [];
  const counted = await openDatabase(url, { migrate: false, onQuery: (sql) => statements.push(sql) });
  const inProcess = createApi({ prisma: counted.prisma });
  const perSubmission: Record<string, number> = {};
  for (const [label, campaign, code] of [['OPEN', open, null], ['CODE', coded, codes.pop() ?? null]] as const) {
    statements.length = 0;
    const response = await inProcess.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUBMIT, variables: { input: { campaignId: globalId('SurveyCampaign', campaign.id), code, answers: campaign.answers } } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${label} submission failed: ${JSON.stringify(body.errors)}`);
    perSubmission[label] = statements.length;
  }
  await counted.close();

  const api = await startProcess(
    'apps/api/src/server.ts',
    { DATABASE_URL: url, PORT: String(port), PORTAL_BUILD: '0', SURVEY_SUBMISSIONS_PER_WINDOW: '1000000000', SURVEY_FORM_SECRET: FORM_SECRET, REDIS_URL: '' },
    /Ready/,
  );
  let warmUp: Figures;
  let openFigures: Figures;
  let codeFigures: Figures;
  let next = 0;
  try {
    warmUp = await load(open, 2, () => null);
    openFigures = await load(open, duration, () => null);
    codeFigures = await load(coded, duration, () => {
      const code = codes[next] ?? null;
      next += 1;
      return code;
    });
  } finally {
    await stopProcess(api);
  }

  const stored = async (campaignId: number) => db.prisma.surveyResponse.count({ where: { campaignId } });
  const openStored = await stored(open.id);
  const codeStored = await stored(coded.id);
  const usedCodes = await db.prisma.invitationCode.count({ where: { campaignId: coded.id, used: true } });
  const answersPerResponse = await db.prisma.surveyAnswer.count({ where: { response: { campaignId: coded.id } } });
  await db.close();

  const problems: string[] = [];
  const check = (label: string, stored: number, accepted: number, used: number | null): string => {
    const ok = stored >= accepted && stored - accepted <= 2 * connections && (used === null || used === stored);
    if (!ok) problems.push(label);
    const codes = used === null ? '' : `, ${used} codes used`;
    const inFlight = stored - accepted > 0 ? ` (+${stored - accepted} answered after the run stopped counting)` : '';
    return `${label}: ${stored} stored${codes} for ${accepted} accepted${inFlight}: ${ok ? 'none lost, none stored twice' : 'MISMATCH'}`;
  };
  const row = (label: string, f: Figures) =>
    `${label.padEnd(22)} ${(f.accepted / duration).toFixed(0).padStart(10)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ` +
    `${String(f.accepted).padStart(9)} ${String(f.refused).padStart(8)} ${String(f.transportErrors).padStart(7)}`;
  const lines = [
    `\n${connections} connections, ${duration} s per mode, PostgreSQL`,
    `${'mode'.padEnd(22)} ${'accepted/s'.padStart(10)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'accepted'.padStart(9)} ${'refused'.padStart(8)} ${'errors'.padStart(7)}`,
    row('OPEN (no code)', openFigures),
    row('CODE (fresh codes)', codeFigures),
    '',
    // Requests still in flight when a run ends may be stored without their answer being counted.
    check('OPEN', openStored, warmUp.accepted + openFigures.accepted + 1, null),
    check('CODE', codeStored, codeFigures.accepted + 1, usedCodes),
    `answers per CODE response: ${codeStored === 0 ? 0 : answersPerResponse / codeStored} (${DEFAULT_QUESTIONNAIRE.length} questions)`,
    `SQL statements per submission: OPEN ${perSubmission.OPEN}, CODE ${perSubmission.CODE}`,
    'Goal: ≥ 500 accepted submissions/s with p99 < 100 ms and none lost.',
  ];
  console.log(lines.join('\n'));
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (problems.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
