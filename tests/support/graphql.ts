import type { Api } from '@openstation/api/yoga';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** Sends one GraphQL request through `api.fetch` (no port). */
export async function gql<T = Record<string, unknown>>(
  api: Api,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await api.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Like {@link gql} but fails the test on any GraphQL error. */
export async function gqlOk<T = Record<string, unknown>>(
  api: Api,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await gql<T>(api, query, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data;
}

const ISSUE_FORM_TOKEN = 'mutation ($id: ID!) { issueSurveyFormToken(campaignId: $id) }';

/**
 * `variables` with a fresh form token in `input.formToken`, as the portal's survey page carries
 * one, when `input.campaignId` issues one (an OPEN survey taking answers); unchanged otherwise
 * (CODE, closed or unknown campaigns), so the submission meets the refusal it would meet anyway.
 */
export async function withFormToken(api: Api, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const input = variables.input as { campaignId?: unknown; formToken?: unknown } | undefined;
  if (!input || typeof input.campaignId !== 'string' || 'formToken' in input) return variables;
  const issued = await gql<{ issueSurveyFormToken: string }>(api, ISSUE_FORM_TOKEN, { id: input.campaignId });
  const formToken = issued.data?.issueSurveyFormToken;
  return formToken ? { ...variables, input: { ...input, formToken } } : variables;
}
