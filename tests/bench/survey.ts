/**
 * `pnpm bench:survey` — sustained survey submissions against the API on PostgreSQL: an OPEN
 * campaign (per-client limit raised out of the way, a fresh form token per request) and a
 * CODE campaign (one fresh code per request). Prints accepted submissions per second with
 * p50/p99 latency and the CPU milliseconds each accepted submission cost the API process and
 * its PostgreSQL backends (steadier than throughput on a busy machine), then checks that every
 * accepted submission is stored exactly once with all its answers (and, with codes, that
 * exactly as many codes were used). `BENCH_COMPARE_ROOT=<another checkout>` measures that
 * checkout's server too, in turns with this one's (`BENCH_ROUNDS`, 2 by default then), for
 * before/after ratios from one run. Prints figures; asserts nothing about speed.
 */
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { basename } from 'node:path';
import { type Database, DEFAULT_QUESTIONNAIRE, openDatabase, type PrismaClient } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { seedDemoData } from '@openstation/db/seed';
import { chinaToday } from '@openstation/api/survey/calendar';
import { hashInvitationCode, newInvitationCode, normaliseInvitationCode } from '@openstation/api/survey/codes';
import { issueFormToken } from '@openstation/api/survey/form-token';
import { SUBMIT_SURVEY_MUTATION } from '@openstation/site/survey-form';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';
import { backendCpu, cpuMsOf, cpuMsSince } from './process-cpu.ts';
import { startProcess, stopProcess } from './processes.ts';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const port = Number(process.env.BENCH_PORT ?? 4110);
const name = process.env.BENCH_DATABASE_NAME ?? 'openstation_bench_survey';
const url = databaseUrl(base, name);
/** A directory to write the API server's CPU profile into (`--cpu-prof`), when set. */
const cpuProfileDir = process.env.BENCH_CPU_PROF;

/** The mutation the portal's form and its script send (the receipt names the station, for the thanks page); `BENCH_SURVEY_RECEIPT=bare` asks for the date only. */
const SUBMIT =
  process.env.BENCH_SURVEY_RECEIPT === 'bare' ? 'mutation ($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn } }' : SUBMIT_SURVEY_MUTATION;
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
  /** CPU milliseconds per accepted submission: the API process, and the PostgreSQL backends serving it. */
  apiCpuMs: number;
  dbCpuMs: number;
}

/** The form key the benchmark's server signs with, so OPEN submissions carry tokens made here (one per submission, as pages would). */
const FORM_SECRET = 'bench-survey-form-secret-at-least-32-characters';

/** A fresh token for each OPEN submission (a page served per resident); CODE campaigns take none. */
const formTokenFor = (campaign: BenchCampaign) => (campaign.accessMode === 'OPEN' ? issueFormToken(FORM_SECRET, campaign.id) : null);

async function load(apiPort: number, apiPid: number, campaign: BenchCampaign, seconds: number, code: () => string | null): Promise<Figures> {
  const apiBefore = cpuMsOf(apiPid);
  const dbBefore = await backendCpu(url, name);
  let accepted = 0;
  let refused = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${apiPort}/graphql`,
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
                formToken: formTokenFor(campaign),
                answers: campaign.answers,
              },
            },
          }),
        }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"submitSurveyResponse":{') && !body.includes('"errors"')) accepted += 1;
          else refused += 1;
        },
      },
    ],
  });
  const apiCpu = cpuMsOf(apiPid) - apiBefore;
  const dbCpu = cpuMsSince(dbBefore, await backendCpu(url, name));
  return {
    apiCpuMs: apiCpu / Math.max(1, accepted),
    dbCpuMs: dbCpu / Math.max(1, accepted),
    sent: result.requests.total,
    accepted,
    refused,
    p50: result.latency.p50,
    p99: result.latency.p99,
    transportErrors: result.errors + result.timeouts,
  };
}

/** An API server to measure: this checkout's, or another's (`BENCH_COMPARE_ROOT`) in the same run. */
interface Variant {
  label: string;
  root: string | undefined;
  port: number;
}

interface Run {
  variant: Variant;
  round: number;
  open: Figures;
  code: Figures;
  checks: string[];
}

/** Seeds campaigns of its own for `variant`, runs its server under OPEN then CODE load, and checks that none was lost or stored twice. */
async function measure(db: Database, variant: Variant, round: number, problems: string[]): Promise<Run> {
  const open = await createCampaign(db.prisma, 'OPEN', `2090-R${round}-${variant.label}-O`);
  const coded = await createCampaign(db.prisma, 'CODE', `2090-R${round}-${variant.label}-C`);
  const codes = await createCodes(db.prisma, coded.id);
  const api = await startProcess(
    'apps/api/src/server.ts',
    {
      DATABASE_URL: url, PORT: String(variant.port), PORTAL_BUILD: '0', SURVEY_SUBMISSIONS_PER_WINDOW: '1000000000', SURVEY_FORM_SECRET: FORM_SECRET,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? '',
      ...(cpuProfileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` } : {}),
    },
    /Ready/,
    variant.root,
  );
  let warmUp: Figures;
  let openFigures: Figures;
  let codeFigures: Figures;
  let next = 0;
  try {
    const pid = api.pid as number;
    warmUp = await load(variant.port, pid, open, 2, () => null);
    openFigures = await load(variant.port, pid, open, duration, () => null);
    codeFigures = await load(variant.port, pid, coded, duration, () => {
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
  const answers = await db.prisma.surveyAnswer.count({ where: { response: { campaignId: { in: [open.id, coded.id] } } } });
  const check = (label: string, stored: number, accepted: number, used: number | null): string => {
    const ok = stored >= accepted && stored - accepted <= 2 * connections && (used === null || used === stored);
    if (!ok) problems.push(label);
    const codes = used === null ? '' : `, ${used} codes used`;
    const inFlight = stored - accepted > 0 ? ` (+${stored - accepted} answered after the run stopped counting)` : '';
    return `${label}: ${stored} stored${codes} for ${accepted} accepted${inFlight}: ${ok ? 'none lost, none stored twice' : 'MISMATCH'}`;
  };
  const perResponse = answers / Math.max(1, openStored + codeStored);
  if (perResponse !== DEFAULT_QUESTIONNAIRE.length) problems.push(`${variant.label} answers`);
  return {
    variant,
    round,
    open: openFigures,
    code: codeFigures,
    checks: [
      // Requests still in flight when a run ends may be stored without their answer being counted.
      check(`${variant.label} round ${round} OPEN`, openStored, warmUp.accepted + openFigures.accepted, null),
      check(`${variant.label} round ${round} CODE`, codeStored, codeFigures.accepted, usedCodes),
      `${variant.label} round ${round}: ${perResponse} answers per response (${DEFAULT_QUESTIONNAIRE.length} questions)`,
    ],
  };
}

async function createCodes(prisma: PrismaClient, campaignId: number): Promise<string[]> {
  const codes = Array.from({ length: codeCount }, newInvitationCode);
  for (let i = 0; i < codes.length; i += 20_000) {
    await prisma.invitationCode.createMany({
      data: codes.slice(i, i + 20_000).map((code) => ({ campaignId, codeHash: hashInvitationCode(normaliseInvitationCode(code) as string) })),
    });
  }
  return codes;
}

/** SQL statements this checkout sends for one submission, in-process: the first to a campaign, then each next one. */
async function statementsPerSubmission(db: Database): Promise<string> {
  const statements: string[] = [];
  const counted = await openDatabase(url, { migrate: false, onQuery: (sql) => statements.push(sql) });
  // The in-process API signs and checks form tokens with the same key as the servers.
  process.env.SURVEY_FORM_SECRET = FORM_SECRET;
  const inProcess = createApi({ prisma: counted.prisma });
  const counts: string[] = [];
  for (const accessMode of ['OPEN', 'CODE'] as const) {
    const campaign = await createCampaign(db.prisma, accessMode, `2090-S-${accessMode}`);
    const codes = accessMode === 'CODE' ? await createCodes(db.prisma, campaign.id) : [];
    const perSubmission: number[] = [];
    for (const code of [codes[0] ?? null, codes[1] ?? null]) {
      statements.length = 0;
      const response = await inProcess.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SUBMIT, variables: { input: { campaignId: globalId('SurveyCampaign', campaign.id), code, formToken: formTokenFor(campaign), answers: campaign.answers } } }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${accessMode} submission failed: ${JSON.stringify(body.errors)}`);
      perSubmission.push(statements.length);
    }
    counts.push(`${accessMode} ${perSubmission[0]} for the first to a campaign, then ${perSubmission[1]}`);
  }
  await counted.close();
  return counts.join('; ');
}

const codeCount = Number(process.env.BENCH_CODES ?? 100_000);

async function main(): Promise<void> {
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const db = await openDatabase(url);
  await seedDemoData(db.prisma);
  const statements = await statementsPerSubmission(db);

  const variants: Variant[] = [{ label: 'this checkout', root: undefined, port }];
  const compareRoot = process.env.BENCH_COMPARE_ROOT;
  if (compareRoot) variants.unshift({ label: basename(compareRoot), root: compareRoot, port: port + 1 });
  const rounds = Number(process.env.BENCH_ROUNDS ?? (compareRoot ? 2 : 1));
  const problems: string[] = [];
  const runs: Run[] = [];
  // Each round measures every variant, in turn, so that the machine's load falls on all of them alike.
  for (let round = 1; round <= rounds; round += 1) for (const variant of variants) runs.push(await measure(db, variant, round, problems));
  await db.close();

  const row = (label: string, f: Figures) =>
    `${label.padEnd(34)} ${(f.accepted / duration).toFixed(0).padStart(10)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ` +
    `${String(f.accepted).padStart(9)} ${String(f.refused).padStart(8)} ${String(f.transportErrors).padStart(7)} ` +
    `${f.apiCpuMs.toFixed(2).padStart(8)} ${f.dbCpuMs.toFixed(2).padStart(7)}`;
  const lines = [
    `\n${connections} connections, ${duration} s per mode, PostgreSQL${process.env.BENCH_REDIS_URL ? ', survey limit in Redis' : ', survey limit in memory'}`,
    `${'server, round, mode'.padEnd(34)} ${'accepted/s'.padStart(10)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'accepted'.padStart(9)} ${'refused'.padStart(8)} ${'errors'.padStart(7)} ${'API cpu'.padStart(8)} ${'PG cpu'.padStart(7)}`,
    ...runs.flatMap((r) => [row(`${r.variant.label} ${r.round} OPEN`, r.open), row(`${r.variant.label} ${r.round} CODE`, r.code)]),
    '',
    ...runs.flatMap((r) => r.checks),
    `SQL statements per submission (this checkout): ${statements}`,
    'API cpu, PG cpu: CPU milliseconds per accepted submission of the API process and of its PostgreSQL backends.',
    `Load average at the end (${cpus().length} cores): ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
    'Goal: ≥ 500 accepted submissions/s with p99 < 100 ms and none lost.',
  ];
  console.log(lines.join('\n'));
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (problems.length > 0) {
    console.error(`Problems: ${problems.join(', ')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
