import { Client, fetchExchange } from '@urql/core';
import { globalId, localId } from '@openstation/site/global-id';
import { answeredCampaigns, answeredCookie, SUBMIT_SURVEY_MUTATION, SURVEY_FORM_TOKEN_FIELD, surveySubmission } from '@openstation/site/survey-form';

/** What the page gives the script: the messages in its language, by error code. */
export interface SurveyIslandMessages {
  thanksTitle: string;
  thanksText: string;
  errors: Record<string, string>;
  fallback: string;
  /** Follows the message when it is about one question or field: `{question}` is its text. */
  about: string;
}

const ISSUE_FORM_TOKEN = 'mutation IssueSurveyFormToken($id: ID!) { issueSurveyFormToken(campaignId: $id) }';

/**
 * Gives an OPEN survey's form its single-use token: kept when the server put one in the page,
 * else asked of the API (`issueSurveyFormToken`) and added as a hidden field, so the form posts
 * it with or without this script from then on. Resolves when the form has one (or cannot get one).
 */
async function ensureFormToken(form: HTMLFormElement, client: Client, fresh = false): Promise<void> {
  const campaign = form.querySelector<HTMLInputElement>('input[name=campaign]')?.value;
  if (!campaign || form.querySelector('input[name=code]')) return;
  let field = form.querySelector<HTMLInputElement>(`input[name=${SURVEY_FORM_TOKEN_FIELD}]`);
  if (field?.value && !fresh) return;
  const result = await client.mutation<{ issueSurveyFormToken: string | null }>(ISSUE_FORM_TOKEN, { id: campaign }).toPromise();
  const token = result.data?.issueSurveyFormToken;
  if (!token) return;
  if (!field) {
    field = document.createElement('input');
    field.type = 'hidden';
    field.name = SURVEY_FORM_TOKEN_FIELD;
    form.append(field);
  }
  field.value = token;
}

interface Receipt {
  submitSurveyResponse: { campaign: { station: { slug: string } } } | null;
}

/** The form control an error is about: the code field for a code error, the question's first control for an answer error. */
function controlOf(form: HTMLFormElement, code: string, questionId: unknown): HTMLInputElement | HTMLTextAreaElement | null {
  if (code.startsWith('CODE_')) return form.querySelector<HTMLInputElement>('input[name=code]');
  if (typeof questionId !== 'number' && typeof questionId !== 'string') return null;
  const suffix = `:${globalId('SurveyQuestion', questionId)}`;
  return [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name^="answer:"], textarea[name^="answer:"]')].find((el) => el.name.endsWith(suffix)) ?? null;
}

/** The visible name of a control's question or field: its fieldset's legend or its label. */
function questionText(control: HTMLInputElement | HTMLTextAreaElement): string {
  const legend = control.closest('fieldset')?.querySelector('legend');
  return (legend ?? control.labels?.[0])?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * Fills the invitation code field from the page address (`?code=ABCDE-12345`), as a QR code on
 * a printed invitation opens it; a code already typed is kept.
 */
export function fillCodeFromAddress(form: HTMLFormElement, search: string = location.search): void {
  const field = form.querySelector<HTMLInputElement>('input[name=code]');
  const code = new URLSearchParams(search).get('code')?.trim();
  if (field && code && !field.value) field.value = code.slice(0, field.maxLength > 0 ? field.maxLength : 20);
}

/**
 * Submits the survey form through GraphQL (`data-graphql`) and shows the confirmation or the
 * refusal in the page. The form stays a plain HTML form: without this script, or when the
 * API cannot be reached, it posts to the no-JavaScript route as before.
 */
export function enhanceSurveyForm(form: HTMLFormElement): void {
  const endpoint = form.dataset.graphql;
  const messages = JSON.parse(form.dataset.messages ?? 'null') as SurveyIslandMessages | null;
  const status = form.querySelector<HTMLElement>('[data-survey-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (!endpoint || !messages || !status || !button) return;
  const client = new Client({ url: endpoint, exchanges: [fetchExchange], preferGetMethod: false, requestPolicy: 'network-only' });
  let fallingBack = false;
  let tokenReady = ensureFormToken(form, client);

  form.addEventListener('submit', (event) => {
    if (fallingBack) return;
    const campaignField = form.querySelector<HTMLInputElement>('input[name=campaign]');
    if (!campaignField?.value) return;
    event.preventDefault();
    button.disabled = true;
    void tokenReady.then(() => send());
  });

  const send = () => {
    const fields: [string, string][] = [];
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') fields.push([name, value]);
    const input = surveySubmission(fields);
    if (!input) {
      fallingBack = true;
      form.requestSubmit();
      return;
    }
    const open = !form.querySelector('input[name=code]');
    const campaign = localId(input.campaignId);
    for (const marked of form.querySelectorAll('[aria-invalid=true]')) marked.removeAttribute('aria-invalid');
    const refuse = (code: string, questionId?: unknown) => {
      const control = controlOf(form, code, questionId);
      const about = control ? questionText(control) : '';
      status.textContent = `${messages.errors[code] ?? messages.fallback}${about ? ` ${messages.about.replace('{question}', about)}` : ''}`;
      status.dataset.code = code;
      status.hidden = false;
      button.disabled = false;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), status.id].filter(Boolean).join(' '));
        control.focus();
      } else status.focus();
    };
    if (open && answeredCampaigns(document.cookie).includes(campaign)) {
      refuse('ALREADY_ANSWERED');
      return;
    }
    status.hidden = true;
    void client
      .mutation<Receipt>(SUBMIT_SURVEY_MUTATION, { input })
      .toPromise()
      .then((result) => {
        if (result.data?.submitSurveyResponse) {
          if (open) document.cookie = answeredCookie(document.cookie, campaign, location.protocol === 'https:');
          const done = document.createElement('section');
          done.setAttribute('role', 'status');
          done.tabIndex = -1;
          done.className = 'survey-done';
          const title = document.createElement('h2');
          title.textContent = messages.thanksTitle;
          const text = document.createElement('p');
          text.textContent = messages.thanksText;
          done.append(title, text);
          form.replaceWith(done);
          done.focus();
          return;
        }
        const code = result.error?.graphQLErrors[0]?.extensions.code;
        if (result.error?.networkError || typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR') {
          fallingBack = true;
          form.requestSubmit();
          return;
        }
        // An expired or missing token: the form gets a fresh one, and the resident sends again.
        if (code === 'FORM_TOKEN_INVALID' || code === 'FORM_TOKEN_REQUIRED') tokenReady = ensureFormToken(form, client, true);
        refuse(code, result.error?.graphQLErrors[0]?.extensions.questionId);
      });
  };
}
