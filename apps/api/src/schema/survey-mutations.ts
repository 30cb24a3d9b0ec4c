import { DEFAULT_QUESTIONNAIRE } from '@openstation/db';
import { z } from 'zod';
import { audited, auditedCreate } from '../audit.ts';
import { builder } from '../builder.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { hashInvitationCode, invitationCodesCsv, newInvitationCode, normaliseInvitationCode } from '../survey/codes.ts';
import { isoDate } from '../survey/calendar.ts';
import { enterResponses, submitSurveyResponse } from '../survey/submit.ts';
import { idFor, LocalizedLineInput, columns } from './inputs.ts';
import { SurveyAccessModeEnum } from './survey.ts';

const period = z.string().regex(/^(19|20|21)\d\d-H[12]$/, 'a half-year such as 2026-H1');

const SurveyCampaignInput = builder.inputType('SurveyCampaignInput', {
  description: 'A new half-yearly evaluation; it gets the default questionnaire.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    period: t.string({ required: true, validate: period }),
    title: t.field({ type: LocalizedLineInput, required: true }),
    opensOn: t.field({ type: 'Date', required: true }),
    closesOn: t.field({ type: 'Date', required: true }),
    accessMode: t.field({ type: SurveyAccessModeEnum, required: true }),
  }),
});

const SurveyAnswerInput = builder.inputType('SurveyAnswerInput', {
  description: 'The answer to one question: exactly one of `value`, `dontKnow`, `choice` or `text`, as its type needs.',
  fields: (t) => ({
    questionId: t.globalID({ required: true }),
    value: t.int(),
    dontKnow: t.boolean(),
    choice: t.int(),
    text: t.string(),
  }),
});

const SurveySubmissionInput = builder.inputType('SurveySubmissionInput', {
  description: 'A resident\'s answers. Nothing about the resident, their device or the time of day is stored.',
  fields: (t) => ({
    campaignId: t.globalID({ required: true }),
    code: t.string({ description: 'The invitation code (CODE campaigns), e.g. `ABCDE-12345`; case, spaces and hyphens do not matter.' }),
    areaId: t.globalID({ description: 'The area the resident says they live in (optional).' }),
    answers: t.field({ type: [SurveyAnswerInput], required: true, validate: z.array(z.unknown()).max(100) }),
    website: t.string({ description: 'Leave empty. (A honeypot: a submission that fills it is accepted but not stored.)' }),
  }),
});

const EnteredChannelEnum = builder.enumType('EnteredSurveyChannel', {
  description: 'How a response typed in by staff was collected.',
  values: { PAPER: { value: 'PAPER' }, PHONE: { value: 'PHONE' } } as const,
});

const EnteredSurveyResponseInput = builder.inputType('EnteredSurveyResponseInput', {
  description: 'A paper or phone response, as the resident gave it. Nothing about the resident is entered.',
  fields: (t) => ({
    channel: t.field({ type: EnteredChannelEnum, required: true }),
    submittedOn: t.field({ type: 'Date', required: true, description: 'The day the form was filled in or the call made.' }),
    areaId: t.globalID(),
    answers: t.field({ type: [SurveyAnswerInput], required: true, validate: z.array(z.unknown()).max(100) }),
  }),
});

/** Most responses one `enterSurveyResponses` call takes. */
const MAX_ENTERED = 500;

interface Entered {
  campaignId: number;
  count: number;
}

const EnteredSurveyResponses = builder.objectRef<Entered>('EnteredSurveyResponses').implement({
  description: 'How many responses were stored (all of them, or none).',
  fields: (t) => ({
    campaign: t.prismaField({
      type: 'SurveyCampaign',
      resolve: (query, e, _a, ctx) => ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id: e.campaignId } }),
    }),
    count: t.exposeInt('count'),
  }),
});

interface Receipt {
  campaignId: number;
  submittedOn: string;
}

const SurveyReceipt = builder.objectRef<Receipt>('SurveyReceipt').implement({
  description: 'Confirms a submission. It names no response: nothing links the resident to their answers.',
  fields: (t) => ({
    campaign: t.prismaField({
      type: 'SurveyCampaign',
      resolve: (query, r, _a, ctx) => ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id: r.campaignId } }),
    }),
    submittedOn: t.field({ type: 'Date', resolve: (r) => new Date(`${r.submittedOn}T00:00:00Z`) }),
  }),
});

interface CodeBatch {
  campaignId: number;
  count: number;
  csv: string;
}

const InvitationCodeBatch = builder.objectRef<CodeBatch>('InvitationCodeBatch').implement({
  description: 'New invitation codes. `csv` is shown this once: only hashes are stored, so the codes cannot be retrieved again.',
  fields: (t) => ({
    campaign: t.prismaField({
      type: 'SurveyCampaign',
      resolve: (query, b, _a, ctx) => ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id: b.campaignId } }),
    }),
    count: t.exposeInt('count'),
    csv: t.exposeString('csv', { description: 'A header line `code,campaign,area`, then one line per code (`XXXXX-XXXXX`).' }),
  }),
});

/** Most codes one call makes. */
const MAX_CODES = 5000;

builder.mutationFields((t) => ({
  createSurveyCampaign: t.prismaField({
    type: 'SurveyCampaign',
    authScopes: { editor: true },
    args: { input: t.arg({ type: SurveyCampaignInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (input.closesOn < input.opensOn) throw new InputError('`closesOn` must not be before `opensOn`.', { argument: 'input.closesOn' });
      const stationId = idFor(input.stationId, 'Station', 'input.stationId');
      const id = await auditedCreate(ctx, 'surveyCampaign.create', 'SurveyCampaign', (tx) =>
        tx.surveyCampaign.create({
          data: {
            stationId, period: input.period, ...columns('title', input.title), opensOn: input.opensOn, closesOn: input.closesOn,
            accessMode: input.accessMode, status: 'PUBLISHED',
            questions: {
              create: DEFAULT_QUESTIONNAIRE.map((q, index) => ({ ...q, position: index + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })),
            },
          },
        }),
      );
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  generateInvitationCodes: t.field({
    type: InvitationCodeBatch,
    description: `Makes up to ${MAX_CODES} single-use codes for a CODE campaign, optionally for one area, and returns them once as CSV.`,
    authScopes: { editor: true },
    args: {
      campaignId: t.arg.globalID({ required: true }),
      areaId: t.arg.globalID(),
      count: t.arg.int({ required: true, validate: z.number().int().min(1).max(MAX_CODES) }),
    },
    resolve: async (_root, args, ctx) => {
      const campaignId = idFor(args.campaignId, 'SurveyCampaign', 'campaignId');
      const areaId = args.areaId ? idFor(args.areaId, 'Area', 'areaId') : null;
      const campaign = await ctx.prisma.surveyCampaign.findUnique({ where: { id: campaignId }, select: { period: true, stationId: true } });
      if (!campaign) throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
      const area = areaId === null ? null : await ctx.prisma.area.findFirst({ where: { id: areaId, stationId: campaign.stationId }, select: { nameZh: true } });
      if (areaId !== null && !area) throw new InputError('`areaId` must be an area of the survey\'s station.', { argument: 'areaId' });
      const codes = Array.from({ length: args.count }, newInvitationCode);
      const hashes = codes.map((code) => hashInvitationCode(normaliseInvitationCode(code) ?? code));
      await audited(ctx, 'invitationCodes.generate', async (tx) => {
        await tx.invitationCode.createMany({ data: hashes.map((codeHash) => ({ campaignId, areaId, codeHash })) });
        return { entityType: 'SurveyCampaign', entityId: campaignId, before: null, after: { areaId, count: args.count }, result: null };
      });
      return { campaignId, count: codes.length, csv: invitationCodesCsv(codes, campaign.period, area?.nameZh ?? '') };
    },
  }),
  enterSurveyResponses: t.field({
    type: EnteredSurveyResponses,
    description:
      `Stores up to ${MAX_ENTERED} paper or phone responses in one transaction, checked like web submissions; ` +
      'any problem refuses the whole batch (`extensions.index` names the response). Audited without response ids.',
    authScopes: { editor: true },
    args: {
      campaignId: t.arg.globalID({ required: true }),
      responses: t.arg({ type: [EnteredSurveyResponseInput], required: true, validate: z.array(z.unknown()).min(1).max(MAX_ENTERED) }),
    },
    resolve: async (_root, args, ctx) => {
      const campaignId = idFor(args.campaignId, 'SurveyCampaign', 'campaignId');
      const responses = args.responses.map((r) => ({
        channel: r.channel,
        submittedOn: isoDate(r.submittedOn),
        areaId: r.areaId ? idFor(r.areaId, 'Area', 'responses.areaId') : null,
        answers: r.answers.map((a) => ({
          questionId: idFor(a.questionId, 'SurveyQuestion', 'responses.answers.questionId'),
          value: a.value, dontKnow: a.dontKnow, choice: a.choice, text: a.text,
        })),
      }));
      const count = await audited(ctx, 'surveyResponses.enter', async (tx) => {
        const stored = await enterResponses(tx, campaignId, responses);
        const channels = { PAPER: responses.filter((r) => r.channel === 'PAPER').length, PHONE: responses.filter((r) => r.channel === 'PHONE').length };
        return { entityType: 'SurveyCampaign', entityId: campaignId, before: null, after: { count: stored, channels }, result: stored };
      });
      return { campaignId, count };
    },
  }),
  submitSurveyResponse: t.field({
    type: SurveyReceipt,
    description:
      'Stores a resident\'s answers, or refuses them all with a documented error code (see docs/errors.md). ' +
      'OPEN campaigns are rate-limited per client; in CODE campaigns each code works once.',
    args: { input: t.arg({ type: SurveySubmissionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitSurveyResponse(ctx, {
        campaignId: idFor(input.campaignId, 'SurveyCampaign', 'input.campaignId'),
        code: input.code,
        areaId: input.areaId ? idFor(input.areaId, 'Area', 'input.areaId') : null,
        website: input.website,
        answers: input.answers.map((a) => ({
          questionId: idFor(a.questionId, 'SurveyQuestion', 'input.answers.questionId'),
          value: a.value, dontKnow: a.dontKnow, choice: a.choice, text: a.text,
        })),
      }),
  }),
}));
