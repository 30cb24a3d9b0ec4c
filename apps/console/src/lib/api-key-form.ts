import { API_SCOPES, type ApiScope, STATION_PARTNERS, type StationPartners } from './admin-queries.ts';
import type { ApiClient, ApiResult } from './api.ts';
import type { Me } from './queries.ts';
import { actsFor } from './stations.ts';

/** The new-key form as submitted. */
export interface ApiKeyForm {
  name: string;
  scopes: ApiScope[];
  partnerId: string;
  development: boolean;
  costBudget: string;
}

export type ApiKeyField = 'name' | 'scopes' | 'partnerId' | 'costBudget';

export const EMPTY_API_KEY_FORM: ApiKeyForm = { name: '', scopes: ['PUBLIC_READ'], partnerId: '', development: false, costBudget: '' };

export function submittedApiKeyForm(form: FormData): ApiKeyForm {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    name: text('name'),
    scopes: form.getAll('scope').filter((s): s is ApiScope => (API_SCOPES as readonly unknown[]).includes(s)),
    partnerId: text('partnerId'),
    development: form.get('development') === 'on',
    costBudget: text('costBudget'),
  };
}

/** Whether the budget is empty (the default) or a whole number, as `createApiClient` takes it. */
export function budgetIsValid(form: ApiKeyForm): boolean {
  return form.costBudget === '' || /^\d{1,9}$/.test(form.costBudget);
}

/** `createApiClient`'s variables (the budget checked with {@link budgetIsValid} first). */
export function apiKeyVariables(form: ApiKeyForm) {
  const budget = form.costBudget === '' ? null : Number(form.costBudget);
  return { name: form.name, scopes: form.scopes, partnerId: form.partnerId || null, development: form.development, costBudget: budget };
}

/** The form field an API input path names. */
export function apiKeyFieldOf(apiField: string): ApiKeyField | null {
  const name = apiField.replace(/^input\./, '').replace(/\.\d+$/, '');
  if (name === 'scopes') return 'scopes';
  return name === 'name' || name === 'partnerId' || name === 'costBudget' ? name : null;
}

/** The stations the admin acts for that have partner agencies, with those agencies (every station in pages of 100). */
export async function partnersOf(api: ApiClient, staff: Me): Promise<StationPartners[]> {
  const found: StationPartners[] = [];
  let after: string | null = null;
  type Page = { stations: { edges: { node: StationPartners }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  for (;;) {
    const answer: ApiResult<Page> = await api.query(STATION_PARTNERS, { after });
    if (!answer.ok) throw new Error(`Could not list the partner agencies: ${answer.problems[0]?.message ?? 'no answer'}`);
    found.push(...answer.data.stations.edges.map((e) => e.node).filter((s) => s.partners.length > 0 && actsFor(staff, s.slug)));
    const { pageInfo }: Page['stations'] = answer.data.stations;
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return found;
    after = pageInfo.endCursor;
  }
}
