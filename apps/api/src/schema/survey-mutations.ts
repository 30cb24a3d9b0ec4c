import { DEFAULT_QUESTIONNAIRE, type Prisma } from '@openstation/db';
import { z } from 'zod';
import { audited, auditedCreate } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { insertInvitationCodes, invitationCodesCsv } from '../survey/codes.ts';
import { chinaToday, isoDate } from '../survey/calendar.ts';
import { assertChangeAllowed, assertPublishable } from '../survey/lifecycle.ts';
import { enterResponses, submitSurveyResponse } from '../survey/submit.ts';
import { idFor, LocalizedLineInput, LocalizedListInput, columns } from './inputs.ts';
import { SurveyAccessModeEnum, SurveyIndicatorEnum, SurveyQuestionTypeEnum } from './survey.ts';

const period = z.string().regex(/^(19|20|21)\d\d-H[12]$/, 'a half-year such as 2026-H1');

const SurveyCampaignInput = builder.inputType('SurveyCampaignInput', {
  description: 'A new half-yearly evaluation: a DRAFT with the default questionnaire, public once published.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    period: t.string({ required: true, validate: period }),
    title: t.field({ type: LocalizedLineInput, required: true }),
    opensOn: t.field({ type: 'Date', required: true }),
    closesOn: t.field({ type: 'Date', required: true }),
    accessMode: t.field({ type: SurveyAccessModeEnum, required: true }),
  }),
});

/** Most questions a questionnaire has. */
const MAX_QUESTIONS = 50;

/** Most options of a SINGLE_CHOICE question. */
const MAX_OPTIONS = 20;

const SurveyQuestionInput = builder.inputType('SurveyQuestionInput', {
  description: `One question of a questionnaire. SINGLE_CHOICE questions have 2–${MAX_OPTIONS} options (English ones, if any, as many as Chinese); others have none.`,
  fields: (t) => ({
    indicator: t.field({ type: SurveyIndicatorEnum, required: true }),
    type: t.field({ type: SurveyQuestionTypeEnum, required: true }),
    text: t.field({ type: LocalizedLineInput, required: true }),
    options: t.field({ type: LocalizedListInput }),
    required: t.boolean({ required: true, description: 'Whether every response must answer it.' }),
  }),
});

const SurveyCampaignChangesInput = builder.inputType('SurveyCampaignChangesInput', {
  description:
    'What to change in a campaign; omitted fields stay as they are. `questions` replaces the whole questionnaire, in order. ' +
    'What may change depends on the campaign\'s state (SURVEY_LOCKED, see docs/surveys.md).',
  fields: (t) => ({
    title: t.field({ type: LocalizedLineInput }),
    opensOn: t.field({ type: 'Date' }),
    closesOn: t.field({ type: 'Date' }),
    questions: t.field({ type: [SurveyQuestionInput], validate: z.array(z.unknown()).min(1).max(MAX_QUESTIONS) }),
  }),
});

type QuestionInput = typeof SurveyQuestionInput.$inferInput;

/** A questionnaire's rows, numbered from 1, or BAD_USER_INPUT naming every question whose options do not fit its type. */
function questionRows(questions: readonly QuestionInput[]): Omit<Prisma.SurveyQuestionCreateManyInput, 'campaignId'>[] {
  const problems: { path: string; message: string }[] = [];
  const rows = questions.map((q, index) => {
    const zh = q.options?.zh ?? [];
    const en = q.options?.en ?? [];
    const path = `changes.questions.${index}.options`;
    if (q.type === 'SINGLE_CHOICE' && (zh.length < 2 || zh.length > MAX_OPTIONS)) {
      problems.push({ path, message: `a single-choice question has 2 to ${MAX_OPTIONS} options` });
    }
    if (q.type !== 'SINGLE_CHOICE' && (zh.length > 0 || en.length > 0)) problems.push({ path, message: 'only single-choice questions have options' });
    if (en.length > 0 && en.length !== zh.length) problems.push({ path: `${path}.en`, message: 'as many English options as Chinese ones, or none' });
    return {
      position: index + 1,
      indicator: q.indicator,
      type: q.type,
      ...columns('text', q.text),
      optionsZh: zh.map((o) => o.trim()),
      optionsEn: en.map((o) => o.trim()),
      required: q.required,
    };
  });
  if (problems.length > 0) throw new InputError('Some questions\' options do not fit their type.', { fields: problems });
  return rows;
}

/** A campaign with its questions, as recorded in the audit trail; the row is locked until the transaction ends. */
async function lockedCampaign(tx: Prisma.TransactionClient, id: number) {
  await tx.$queryRaw`SELECT "id" FROM "SurveyCampaign" WHERE "id" = ${id} FOR UPDATE`;
  const campaign = await tx.surveyCampaign.findUnique({ where: { id }, include: { questions: { orderBy: { position: 'asc' } } } });
  if (!campaign) throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  return campaign;
}

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
    description:
      'Starts a campaign as a DRAFT with the default questionnaire: visible to editors only, it takes no answers until ' +
      '`publishSurveyCampaign`. CONFLICT if the station already has a campaign for the half-year.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: SurveyCampaignInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (input.closesOn < input.opensOn) throw new InputError('`closesOn` must not be before `opensOn`.', { argument: 'input.closesOn' });
      const stationId = idFor(input.stationId, 'Station', 'input.stationId');
      const id = await auditedCreate(ctx, 'surveyCampaign.create', 'SurveyCampaign', (tx) =>
        tx.surveyCampaign.create({
          data: {
            stationId, period: input.period, ...columns('title', input.title), opensOn: input.opensOn, closesOn: input.closesOn,
            accessMode: input.accessMode,
            questions: {
              create: DEFAULT_QUESTIONNAIRE.map((q, index) => ({ ...q, position: index + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })),
            },
          },
        }),
      );
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateSurveyCampaign: t.prismaField({
    type: 'SurveyCampaign',
    description:
      'Changes a campaign\'s title, dates or questionnaire. A DRAFT (or a published campaign not yet open) may change ' +
      'everything; once open, the questions and opening date are fixed; once closed, only the title (SURVEY_LOCKED). ' +
      'Questions are never replaced while responses exist.',
    authScopes: { editor: true },
    args: {
      id: t.arg.globalID({ required: true }),
      changes: t.arg({ type: SurveyCampaignChangesInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'SurveyCampaign');
      const { changes } = args;
      const questions = changes.questions ? questionRows(changes.questions) : null;
      const today = chinaToday();
      await audited(ctx, 'surveyCampaign.update', async (tx) => {
        const before = await lockedCampaign(tx, id);
        const opensOn = changes.opensOn ?? before.opensOn;
        const closesOn = changes.closesOn ?? before.closesOn;
        if (isoDate(closesOn) < isoDate(opensOn)) throw new InputError('`closesOn` must not be before `opensOn`.', { argument: 'changes.closesOn' });
        const responses = questions ? await tx.surveyResponse.count({ where: { campaignId: id } }) : 0;
        const change = { opensOn: changes.opensOn ?? null, closesOn: changes.closesOn ?? null, questions: questions !== null };
        assertChangeAllowed(before, change, today, responses);
        if (before.status === 'PUBLISHED' && changes.closesOn && isoDate(changes.closesOn) !== isoDate(before.closesOn) && isoDate(changes.closesOn) < today) {
          throw new InputError('A published survey\'s closing date cannot move into the past.', { argument: 'changes.closesOn' });
        }
        await tx.surveyCampaign.update({ where: { id }, data: { ...(changes.title ? columns('title', changes.title) : {}), opensOn, closesOn } });
        if (questions) {
          await tx.surveyQuestion.deleteMany({ where: { campaignId: id } });
          await tx.surveyQuestion.createMany({ data: questions.map((q) => ({ ...q, campaignId: id })) });
        }
        const after = await tx.surveyCampaign.findUniqueOrThrow({ where: { id }, include: { questions: { orderBy: { position: 'asc' } } } });
        return { entityType: 'SurveyCampaign', entityId: id, before, after, result: id };
      });
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  publishSurveyCampaign: t.prismaField({
    type: 'SurveyCampaign',
    description:
      'Publishes a DRAFT campaign: it becomes public and takes answers between its dates. SURVEY_INCOMPLETE if it has no ' +
      'questions or its closing date has passed; INVALID_STATE if already published. A CODE campaign may be published ' +
      'before it has codes.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'SurveyCampaign');
      const today = chinaToday();
      await audited(ctx, 'surveyCampaign.publish', async (tx) => {
        const before = await lockedCampaign(tx, id);
        assertPublishable({ ...before, questions: before.questions.length }, today);
        const codes = await tx.invitationCode.count({ where: { campaignId: id } });
        await tx.surveyCampaign.update({ where: { id }, data: { status: 'PUBLISHED' } });
        return {
          entityType: 'SurveyCampaign',
          entityId: id,
          before: { status: before.status },
          after: { status: 'PUBLISHED', questions: before.questions.length, codes },
          result: id,
        };
      });
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  generateInvitationCodes: t.field({
    type: InvitationCodeBatch,
    description:
      `Makes up to ${MAX_CODES} single-use codes for a CODE campaign (draft or published), optionally for one area, and returns ` +
      'them once as CSV. A code that collides with an existing one is drawn again (CODE_GENERATION_FAILED if that keeps failing).',
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
      const codes = await audited(ctx, 'invitationCodes.generate', async (tx) => {
        const made = await insertInvitationCodes(tx, { campaignId, areaId, count: args.count });
        return { entityType: 'SurveyCampaign', entityId: campaignId, before: null, after: { areaId, count: made.length }, result: made };
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
