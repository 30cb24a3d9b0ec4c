import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Actor } from '../domain/actor.ts';
import { issueSurveyFormToken } from '../domain/survey-form-tokens.ts';
import { enterSurveyResponses, submitSurveyResponse } from '../domain/survey-responses.ts';
import {
  closeSurveyCampaign,
  createSurveyCampaign,
  deleteSurveyCampaignDraft,
  generateInvitationCodes,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  publishSurveyCampaign,
  updateSurveyCampaign,
} from '../domain/surveys.ts';
import { isoDate } from '../survey/calendar.ts';
import { invitationCodesCsv } from '../survey/codes.ts';
import { idFor, LocalizedLineInput, LocalizedListInput } from './inputs.ts';
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

const SurveyCampaignPatch = builder.inputType('SurveyCampaignPatch', {
  description:
    'Changes to a campaign: a field left out is unchanged (none can be cleared). `questions` replaces the whole questionnaire, in order. ' +
    'What may change depends on the campaign\'s state (SURVEY_LOCKED, see docs/surveys.md).',
  fields: (t) => ({
    title: t.field({ type: LocalizedLineInput }),
    opensOn: t.field({ type: 'Date' }),
    closesOn: t.field({ type: 'Date' }),
    questions: t.field({ type: [SurveyQuestionInput], validate: z.array(z.unknown()).min(1).max(MAX_QUESTIONS) }),
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

/** An answer with its question's database id. */
function answerOf(a: typeof SurveyAnswerInput.$inferInput, argument: string) {
  return { questionId: idFor(a.questionId, 'SurveyQuestion', argument), value: a.value, dontKnow: a.dontKnow, choice: a.choice, text: a.text };
}

const SurveySubmissionInput = builder.inputType('SurveySubmissionInput', {
  description: 'A resident\'s answers. Nothing about the resident, their device or the time of day is stored.',
  fields: (t) => ({
    campaignId: t.globalID({ required: true }),
    code: t.string({ description: 'The invitation code (CODE campaigns), e.g. `ABCDE-12345`; case, spaces and hyphens do not matter.' }),
    formToken: t.string({
      description: 'OPEN campaigns: the single-use token issued with the form (`issueSurveyFormToken`, or embedded in the page by the server). Spent when the answers are stored; a replay answers FORM_TOKEN_USED.',
    }),
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

builder.mutationFields((t) => {
  /** A mutation of one campaign, by id, that answers the campaign. */
  const ofCampaign = (description: string, change: (actor: Actor, id: number) => Promise<unknown>) =>
    t.prismaField({
      type: 'SurveyCampaign',
      description,
      authScopes: { editor: true },
      args: { id: t.arg.globalID({ required: true }) },
      resolve: async (query, _root, args, ctx) => {
        const id = idFor(args.id, 'SurveyCampaign');
        await change(ctx, id);
        return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
      },
    });
  return {
    createSurveyCampaign: t.prismaField({
      type: 'SurveyCampaign',
      description:
        'Starts a campaign as a DRAFT with the default questionnaire: visible to editors of its station only, it takes no answers until ' +
        '`publishSurveyCampaign`. CONFLICT if the station already has a campaign for the half-year.',
      authScopes: { editor: true },
      args: { input: t.arg({ type: SurveyCampaignInput, required: true }) },
      resolve: async (query, _root, { input: { stationId, ...input } }, ctx) => {
        const id = await createSurveyCampaign(ctx, idFor(stationId, 'Station', 'input.stationId'), input);
        return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
      },
    }),
    updateSurveyCampaign: t.prismaField({
      type: 'SurveyCampaign',
      description:
        'Changes a campaign\'s title, dates or questionnaire; fields left out stay as they are, and an empty patch is not audited. ' +
        'A DRAFT (or a published campaign not yet open) may change everything; once open, the questions and opening date are fixed; ' +
        'once closed, only the title (SURVEY_LOCKED). Questions are never replaced while responses exist.',
      authScopes: { editor: true },
      args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: SurveyCampaignPatch, required: true }) },
      resolve: async (query, _root, args, ctx) => {
        const id = idFor(args.id, 'SurveyCampaign');
        await updateSurveyCampaign(ctx, id, args.input);
        return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id } });
      },
    }),
    publishSurveyCampaign: ofCampaign(
      'Publishes a DRAFT campaign: it becomes public and takes answers between its dates. SURVEY_INCOMPLETE if it has no ' +
        'questions or its closing date has passed; INVALID_STATE if already published. A CODE campaign may be published ' +
        'before it has codes.',
      publishSurveyCampaign,
    ),
    closeSurveyCampaign: ofCampaign(
      'Closes a published, open campaign now: its closing date becomes yesterday (China date), so it takes no more answers and ' +
        'its results are public. One that opened today closes at midnight (warning SURVEY_CLOSES_AT_MIDNIGHT). INVALID_STATE for ' +
        'a draft, a campaign not open yet or already closed.',
      (actor, id) => closeSurveyCampaign(actor, id),
    ),
    deleteSurveyCampaignDraft: t.boolean({
      description: 'Deletes a DRAFT campaign with its questions and invitation codes (INVALID_STATE once published).',
      authScopes: { editor: true },
      args: { id: t.arg.globalID({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteSurveyCampaignDraft(ctx, idFor(args.id, 'SurveyCampaign'));
        return true;
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
        const batch = await generateInvitationCodes(ctx, {
          campaignId: idFor(args.campaignId, 'SurveyCampaign', 'campaignId'),
          areaId: args.areaId ? idFor(args.areaId, 'Area', 'areaId') : null,
          count: args.count,
        });
        return { campaignId: batch.campaignId, count: batch.codes.length, csv: invitationCodesCsv(batch.codes, batch.period, batch.area) };
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
          answers: r.answers.map((a) => answerOf(a, 'responses.answers.questionId')),
        }));
        return { campaignId, count: await enterSurveyResponses(ctx, campaignId, responses) };
      },
    }),
    issueSurveyFormToken: t.string({
      description:
        'A signed, single-use form token for an OPEN campaign taking answers today, for `SurveySubmissionInput.formToken`. ' +
        'Valid for two days; stores nothing. The portal\'s survey page asks for one when it loads (docs/surveys.md, "One answer per form").',
      args: { campaignId: t.arg.globalID({ required: true }) },
      resolve: (_root, { campaignId }, ctx) => issueSurveyFormToken(ctx, idFor(campaignId, 'SurveyCampaign', 'campaignId')),
    }),
    submitSurveyResponse: t.field({
      type: SurveyReceipt,
      description:
        'Stores a resident\'s answers, or refuses them all with a documented error code (see docs/errors.md). ' +
        'OPEN campaigns are rate-limited per client; in CODE campaigns each code works once.',
      args: { input: t.arg({ type: SurveySubmissionInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        submitSurveyResponse(
          ctx,
          {
            campaignId: idFor(input.campaignId, 'SurveyCampaign', 'input.campaignId'),
            code: input.code,
            formToken: input.formToken,
            areaId: input.areaId ? idFor(input.areaId, 'Area', 'input.areaId') : null,
            website: input.website,
            answers: input.answers.map((a) => answerOf(a, 'input.answers.questionId')),
          },
          ctx.takeSurveySubmission,
        ),
    }),
  };
});
