import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import { hashInvitationCode, newInvitationCode, normaliseInvitationCode } from '@openstation/api/survey/codes';
import { issueFormToken } from '@openstation/api/survey/form-token';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';
import { createStaffPrincipals } from '../support/principals.ts';

/**
 * The fault test: a real API process (`node apps/api/src/server.ts`) is killed with SIGKILL
 * while residents submit code-mode and open (form token) surveys — several at once, so they
 * share statements (group commit) — and an admin creates areas, then started again on the same
 * database. Nothing acknowledged may be lost and nothing half-written: every success is stored
 * once, the codes used and the form tokens spent are exactly the responses stored, and the
 * audit entries are exactly the changes committed. On PGlite (the embedded default) and on
 * PostgreSQL.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'openstation-fault-'));
const postgres = process.env.TEST_DATABASE_URL;
/** The kill comes once this many writes of each kind were acknowledged (or after LOAD_MAX_MS), with every client's next request in flight. */
const ACKNOWLEDGED = 15;
const LOAD_MAX_MS = 90_000;
const CLIENTS = 9;
/** The key the server signs form tokens with, so the test can make them as the survey page would. */
const FORM_SECRET = 'fault-test-form-secret-at-least-32-characters';
const AREA_PREFIX = '故障测试';

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function startServer(url: string, port: number): Promise<{ child: ChildProcess; output: string[] }> {
  const child = spawn(process.execPath, ['apps/api/src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', PORTAL_BUILD: '0', SURVEY_SUBMISSIONS_PER_WINDOW: '1000000', SURVEY_FORM_SECRET: FORM_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/Ready in/.test(output.join(''))) resolve({ child, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}): ${output.join('')}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

type Outcome = 'ok' | 'refused' | 'unknown';

/** One GraphQL request: acknowledged (`ok`), refused with an error, or without an answer (the process died). */
async function send(port: number, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Outcome> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    return body.errors?.length ? 'refused' : 'ok';
  } catch {
    return 'unknown';
  }
}

interface Prepared {
  campaignId: string;
  campaignDbId: number;
  openCampaignId: string;
  openCampaignDbId: number;
  stationId: string;
  codes: string[];
  admin: Record<string, string>;
  answers: Array<Record<string, unknown>>;
  openAnswers: Array<Record<string, unknown>>;
}

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Seeds the demo data, a fresh CODE campaign with codes, and an admin session, then closes the database. */
async function prepare(url: string): Promise<Prepared> {
  const db = await openDatabase(url);
  try {
    await seedDemoData(db.prisma);
    const station = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'qiandeng' } });
    const today = new Date();
    const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
    const campaign = await db.prisma.surveyCampaign.create({
      data: {
        stationId: station.id, period: '2099-H1', titleZh: '故障测试', accessMode: 'CODE', status: 'PUBLISHED', opensOn: day(-2), closesOn: day(2),
        questions: { create: [{ position: 1, indicator: 'OVERALL_SATISFACTION', type: 'SCALE5', textZh: '满意吗？', required: true, optionsZh: [], optionsEn: [] }] },
      },
      include: { questions: true },
    });
    const open = await db.prisma.surveyCampaign.create({
      data: {
        stationId: station.id, period: '2099-H2', titleZh: '故障测试（开放）', accessMode: 'OPEN', status: 'PUBLISHED', opensOn: day(-2), closesOn: day(2),
        questions: { create: [{ position: 1, indicator: 'OVERALL_SATISFACTION', type: 'SCALE5', textZh: '满意吗？', required: true, optionsZh: [], optionsEn: [] }] },
      },
      include: { questions: true },
    });
    const codes = Array.from({ length: 2_000 }, () => newInvitationCode());
    await db.prisma.invitationCode.createMany({ data: codes.map((code) => ({ campaignId: campaign.id, codeHash: hashInvitationCode(normaliseInvitationCode(code) as string) })) });
    const admin = (await createStaffPrincipals(db.prisma)).find((p) => p.role === 'ADMIN')?.headers ?? {};
    return {
      campaignId: gid('SurveyCampaign', campaign.id),
      campaignDbId: campaign.id,
      openCampaignId: gid('SurveyCampaign', open.id),
      openCampaignDbId: open.id,
      openAnswers: [{ questionId: gid('SurveyQuestion', open.questions[0]?.id as number), value: 3 }],
      stationId: gid('Station', station.id),
      codes,
      admin,
      answers: [{ questionId: gid('SurveyQuestion', campaign.questions[0]?.id as number), value: 4 }],
    };
  } finally {
    await db.close();
  }
}

const SUBMIT = 'mutation ($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn } }';
const CREATE_AREA = 'mutation ($input: AreaInput!) { createArea(input: $input) { id } }';

async function killDuringWrites(url: string, port: number) {
  const prepared = await prepare(url);
  const server = await startServer(url, port);
  const codeOutcomes = new Map<string, Outcome>();
  const tokenOutcomes = new Map<string, Outcome>();
  const areaOutcomes = new Map<string, Outcome>();
  let nextCode = 0;
  let nextArea = 0;
  let killed = false;
  const client = async (kind: 'survey' | 'open' | 'staff') => {
    while (!killed) {
      if (kind === 'open') {
        const formToken = issueFormToken(FORM_SECRET, prepared.openCampaignDbId);
        tokenOutcomes.set(formToken, await send(port, SUBMIT, { input: { campaignId: prepared.openCampaignId, formToken, answers: prepared.openAnswers } }));
      } else if (kind === 'survey') {
        const code = prepared.codes[nextCode++];
        if (!code) return;
        codeOutcomes.set(code, await send(port, SUBMIT, { input: { campaignId: prepared.campaignId, code, answers: prepared.answers } }));
      } else {
        const name = `${AREA_PREFIX}${nextArea++}`;
        areaOutcomes.set(name, await send(port, CREATE_AREA, { input: { stationId: prepared.stationId, kind: 'COMMUNITY', name: { zh: name } } }, prepared.admin));
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, i) => client((['survey', 'open', 'staff'] as const)[i % 3] as 'survey' | 'open' | 'staff'));
  const acknowledged = (outcomes: Map<string, Outcome>) => [...outcomes.values()].filter((o) => o === 'ok').length;
  const until = Date.now() + LOAD_MAX_MS;
  while (Date.now() < until && (acknowledged(codeOutcomes) < ACKNOWLEDGED || acknowledged(tokenOutcomes) < ACKNOWLEDGED || acknowledged(areaOutcomes) < ACKNOWLEDGED)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  killed = true;
  server.child.kill('SIGKILL');
  await exited(server.child);
  await Promise.all(clients);

  // Started again on the same database, it answers; then stopped, the database is read directly.
  const again = await startServer(url, port);
  expect(await send(port, '{ stations(first: 10) { edges { node { slug } } } }', {})).toBe('ok');
  again.child.kill('SIGTERM');
  await exited(again.child);

  const count = (outcomes: Map<string, Outcome>, outcome: Outcome) => [...outcomes.values()].filter((o) => o === outcome).length;
  const db = await openDatabase(url);
  try {
    const responses = await db.prisma.surveyResponse.count({ where: { campaignId: prepared.campaignDbId } });
    const used = await db.prisma.invitationCode.count({ where: { campaignId: prepared.campaignDbId, used: true } });
    const acknowledgedCodes = [...codeOutcomes].filter(([, o]) => o === 'ok').map(([code]) => hashInvitationCode(normaliseInvitationCode(code) as string));
    const usedAcknowledged = await db.prisma.invitationCode.count({ where: { codeHash: { in: acknowledgedCodes }, used: true } });
    const openResponses = await db.prisma.surveyResponse.count({ where: { campaignId: prepared.openCampaignDbId } });
    const spent = await db.prisma.spentSurveyFormToken.findMany({ where: { campaignId: prepared.openCampaignDbId }, select: { nonce: true } });
    const areas = await db.prisma.area.findMany({ where: { nameZh: { startsWith: AREA_PREFIX } }, select: { id: true, nameZh: true } });
    const audited = await db.prisma.auditEntry.findMany({ where: { action: 'area.create', entityId: { in: areas.map((a) => a.id) } }, select: { entityId: true } });
    const allAudited = await db.prisma.auditEntry.count({ where: { action: 'area.create' } });
    const figures = {
      submissions: { ok: count(codeOutcomes, 'ok'), unknown: count(codeOutcomes, 'unknown'), refused: count(codeOutcomes, 'refused'), stored: responses, codesUsed: used },
      open: { ok: count(tokenOutcomes, 'ok'), unknown: count(tokenOutcomes, 'unknown'), refused: count(tokenOutcomes, 'refused'), stored: openResponses, tokensSpent: spent.length },
      areas: { ok: count(areaOutcomes, 'ok'), unknown: count(areaOutcomes, 'unknown'), refused: count(areaOutcomes, 'refused'), stored: areas.length, audited: audited.length },
    };
    console.log(`FAULT ${url.split(':')[0]}: ${JSON.stringify(figures)}`);
    // The load really ran, and the kill really cut requests in flight.
    expect(figures.submissions.ok, 'acknowledged submissions before the kill').toBeGreaterThanOrEqual(ACKNOWLEDGED);
    expect(figures.areas.ok, 'acknowledged changes before the kill').toBeGreaterThanOrEqual(ACKNOWLEDGED);
    expect(figures.open.ok, 'acknowledged open submissions before the kill').toBeGreaterThanOrEqual(ACKNOWLEDGED);
    expect(figures.submissions.refused + figures.open.refused + figures.areas.refused, 'no write was refused').toBe(0);
    // Surveys: every acknowledged code is used, codes used = responses stored, only acknowledged or cut-off submissions stored.
    expect(usedAcknowledged).toBe(acknowledgedCodes.length);
    expect(used).toBe(responses);
    expect(responses).toBeGreaterThanOrEqual(figures.submissions.ok);
    expect(responses).toBeLessThanOrEqual(figures.submissions.ok + figures.submissions.unknown);
    // Open surveys: every acknowledged token spent, tokens spent = responses stored, only acknowledged or cut-off ones stored.
    const nonces = new Set(spent.map((row) => row.nonce));
    for (const [token, outcome] of tokenOutcomes) if (outcome === 'ok') expect(nonces.has(token.split('.')[2] as string), 'acknowledged token spent').toBe(true);
    expect(spent.length).toBe(openResponses);
    expect(openResponses).toBeGreaterThanOrEqual(figures.open.ok);
    expect(openResponses).toBeLessThanOrEqual(figures.open.ok + figures.open.unknown);
    // Areas: every acknowledged one stored once, each with its audit entry, and no audit entry without its area.
    const names = areas.map((a) => a.nameZh);
    expect(new Set(names).size, 'no area stored twice').toBe(names.length);
    for (const [name, outcome] of areaOutcomes) if (outcome === 'ok') expect(names, `acknowledged ${name}`).toContain(name);
    for (const name of names) expect(['ok', 'unknown'], name).toContain(areaOutcomes.get(name));
    expect(audited.map((a) => a.entityId).sort(), 'audit entries = committed changes').toEqual(areas.map((a) => a.id).sort());
    const kept = (await db.prisma.area.findMany({ select: { id: true } })).map((a) => a.id);
    expect(allAudited, 'every area.create entry names an area that exists').toBe(await db.prisma.auditEntry.count({ where: { action: 'area.create', entityId: { in: kept } } }));
  } finally {
    await db.close();
  }
}

describe('kill -9 during writes, then restart', () => {
  it('on the embedded database (PGlite): nothing acknowledged lost, nothing half-written', async () => {
    await killDuringWrites(`pglite:${join(scratch, 'pglite')}`, 4330);
  }, 300_000);

  it.skipIf(!postgres)('on PostgreSQL: nothing acknowledged lost, nothing half-written', async () => {
    const name = `openstation_fault_${randomUUID().slice(0, 8)}`;
    await adminQuery(postgres as string, `CREATE DATABASE "${name}"`);
    try {
      await killDuringWrites(databaseUrl(postgres as string, name), 4331);
    } finally {
      await adminQuery(postgres as string, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }, 300_000);
});
