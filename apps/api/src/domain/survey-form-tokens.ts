import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@openstation/db';
import { ClientError, NotFoundError } from '../errors.ts';
import { campaignPhase, chinaToday } from '../survey/calendar.ts';
import { issueFormToken } from '../survey/form-token.ts';
import type { Actor } from './actor.ts';

/**
 * The key that signs survey form tokens: `SURVEY_FORM_SECRET` when set (at least 32
 * characters), else a random key made once and kept in the database, so every replica and
 * every restart signs and checks with the same key. Not audited: it is machinery, not content.
 */
const keys = new WeakMap<PrismaClient, Promise<string>>();

export function surveyFormKey(prisma: PrismaClient, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.SURVEY_FORM_SECRET;
  if (configured && configured.length >= 32) return Promise.resolve(configured);
  let key = keys.get(prisma);
  if (!key) {
    key = (async () => {
      await prisma.$executeRaw`INSERT INTO "SurveyFormSecret" ("id", "secret") VALUES (1, ${randomBytes(32).toString('base64url')}) ON CONFLICT DO NOTHING`;
      const row = await prisma.surveyFormSecret.findUniqueOrThrow({ where: { id: 1 } });
      return row.secret;
    })();
    key.catch(() => keys.delete(prisma));
    keys.set(prisma, key);
  }
  return key;
}

/**
 * A fresh form token for an OPEN campaign taking answers today (NOT_FOUND, SURVEY_NOT_OPEN_YET,
 * SURVEY_CLOSED otherwise; a CODE campaign needs none: FORM_TOKEN_NOT_NEEDED). Writes nothing
 * but, the first time, the key.
 */
export async function issueSurveyFormToken(actor: Actor, campaignId: number, now = new Date()): Promise<string> {
  const { prisma } = actor;
  const campaign = await prisma.surveyCampaign.findUnique({
    where: { id: campaignId },
    select: { id: true, status: true, accessMode: true, opensOn: true, closesOn: true },
  });
  if (!campaign || campaign.status !== 'PUBLISHED') throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  const phase = campaignPhase(campaign, chinaToday(now));
  if (phase === 'NOT_YET_OPEN') throw new ClientError('SURVEY_NOT_OPEN_YET', 'This survey does not take answers yet.');
  if (phase === 'CLOSED') throw new ClientError('SURVEY_CLOSED', 'This survey has closed.');
  if (campaign.accessMode === 'CODE') throw new ClientError('FORM_TOKEN_NOT_NEEDED', 'This survey takes invitation codes, not form tokens.', { field: 'campaignId' });
  return issueFormToken(await surveyFormKey(prisma), campaign.id, now);
}
