import { MAX_QUESTIONS } from '../domain/surveys.ts';

/**
 * The most items each list argument and list input field takes, by `Type.field` (input
 * fields) or `Type.field(argument)` (arguments). The input boundary (`input-boundary.ts`)
 * refuses a longer list with BAD_USER_INPUT before graphql-js coerces its items; a test fails
 * when a list of the schema is missing here, and docs/errors.md ("Lists") prints this table.
 */
export const LIST_LIMITS: Readonly<Record<string, number>> = {
  'EnteredSurveyResponseInput.answers': 100,
  'LocalizedListInput.en': 50,
  'LocalizedListInput.zh': 50,
  'Mutation.createApiClient(scopes)': 10,
  'Mutation.enterSurveyResponses(responses)': 500,
  'Mutation.registerTrustedOperations(documents)': 100,
  'Query.nodes(ids)': 100,
  'StaffUserInput.stationIds': 100,
  'StaffUserPatch.stationIds': 100,
  'SurveyCampaignPatch.questions': MAX_QUESTIONS,
  'SurveySubmissionInput.answers': 100,
  'WorkReportContentInput.metrics': 200,
  'WorkReportContentInput.priorities': 50,
  'WorkReportContentInput.sections': 50,
  'WorkReportContentPatch.metrics': 200,
  'WorkReportContentPatch.priorities': 50,
  'WorkReportContentPatch.sections': 50,
};

/** A list the table does not name (a nested list, or one added without an entry) takes at most this many items. */
export const DEFAULT_LIST_LIMIT = 100;
