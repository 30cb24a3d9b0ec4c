import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Lang, t } from '@openstation/site/i18n';
import { globalId } from '@openstation/site/global-id';
import { SURVEY_FORM_TOKEN_FIELD } from '@openstation/site/survey-form';
import { parseHTML } from 'linkedom';

/**
 * The built survey page (`apps/portal/dist/{station}/survey/index.html`), filled in by the
 * server: a fresh form token, the invitation code from the address (`?code=`), and after a
 * refused no-JavaScript submission every answer the resident gave with the error next to the
 * question it names. The form is drawn once, by the portal (SurveyForm.astro); the server only
 * fills it in, through a real HTML parser (linkedom), never by pasting strings into markup.
 */

/** `/zhuze/survey/` or `/en/zhuze/survey/` (with or without `index.html`): the station and language, else null. */
export function surveyPageOf(pathname: string): { lang: Lang; slug: string } | null {
  const match = /^\/(?:(en)\/)?([a-z0-9][a-z0-9-]{0,63})\/survey\/(?:index\.html)?$/.exec(pathname);
  if (!match?.[2]) return null;
  return { lang: match[1] === 'en' ? 'en' : 'zh', slug: match[2] };
}

/** The built survey page of `slug` in `lang`, or null when it is not built. */
export async function readSurveyPage(portalRoot: string, lang: Lang, slug: string): Promise<string | null> {
  try {
    return await readFile(join(portalRoot, lang === 'en' ? 'en' : '', slug, 'survey', 'index.html'), 'utf8');
  } catch {
    return null;
  }
}

/** A refusal shown with the form: its message, and the question it is about (database id) or the code field. */
export interface SurveyPageError {
  code: string;
  message: string;
  questionId?: number | null;
}

export interface SurveyPageFill {
  /** A fresh form token for the page's OPEN campaign. */
  token?: string | null;
  /** The invitation code to fill in (from `?code=`); a code among `fields` wins. */
  code?: string | null;
  /** The form's fields as the resident sent them. */
  fields?: readonly [string, string][];
  error?: SurveyPageError;
}

/** The campaign (global id) of the page's form and whether it takes a code, or null when the page has no open survey. */
export function surveyFormOf(html: string): { campaignId: string; coded: boolean } | null {
  const { document } = parseHTML(html);
  const form = document.querySelector('form.survey');
  const campaignId = form?.querySelector('input[name=campaign]')?.getAttribute('value');
  if (!form || !campaignId) return null;
  return { campaignId, coded: form.querySelector('input[name=code]') !== null };
}

type Control = Element & { name?: string };

/** The controls of the question with database id `questionId`: its radio buttons or its text box. */
function questionControls(form: Element, questionId: number): Control[] {
  const suffix = `:${globalId('SurveyQuestion', questionId)}`;
  return [...form.querySelectorAll('input[name^="answer:"], textarea[name^="answer:"]')].filter((el) => (el.getAttribute('name') ?? '').endsWith(suffix));
}

function describe(control: Element, id: string): void {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) control.setAttribute('aria-describedby', [...ids, id].join(' '));
  control.setAttribute('aria-invalid', 'true');
}

/** Fills the radio buttons, text boxes, area and code of `form` from the resident's fields (never the honeypot). */
function refill(form: Element, fields: readonly [string, string][]): void {
  for (const [name, value] of fields) {
    if (name.startsWith('answer:')) {
      for (const radio of form.querySelectorAll('input[type=radio]')) {
        if (radio.getAttribute('name') === name) {
          if (radio.getAttribute('value') === value) radio.setAttribute('checked', '');
          else radio.removeAttribute('checked');
        }
      }
      for (const box of form.querySelectorAll('textarea')) if (box.getAttribute('name') === name) box.textContent = value;
    } else if (name === 'area') {
      for (const option of form.querySelectorAll('select[name=area] option')) {
        if (option.getAttribute('value') === value) option.setAttribute('selected', '');
        else option.removeAttribute('selected');
      }
    } else if (name === 'code') {
      form.querySelector('input[name=code]')?.setAttribute('value', value);
    }
  }
}

/**
 * Shows `error` as the form's first element (a summary that links to the question) and beside
 * the question or code field it names, marking its controls `aria-invalid`; the page title says
 * the answers were not sent.
 */
function showError(document: Document, form: Element, lang: Lang, error: SurveyPageError): void {
  const summary = document.createElement('div');
  summary.className = 'alert survey-errors';
  summary.setAttribute('role', 'alert');
  summary.setAttribute('id', 'survey-errors');
  summary.setAttribute('tabindex', '-1');
  summary.setAttribute('data-code', error.code);
  const message = document.createElement('p');
  message.textContent = error.message;
  summary.append(message);

  let controls: Element[] = [];
  let holder: Element | null = null;
  if (error.code.startsWith('CODE_')) {
    const code = form.querySelector('input[name=code]');
    if (code) {
      controls = [code];
      holder = code.closest('.field');
    }
  } else if (error.questionId != null) {
    controls = questionControls(form, error.questionId);
    holder = controls[0]?.closest('li') ?? null;
  }
  if (holder && controls[0]) {
    const items = [...form.querySelectorAll('ol.questions > li')];
    const number = items.indexOf(holder) + 1;
    const anchor = holder.getAttribute('id') ?? (number > 0 ? `question-${number}` : 'survey-code-field');
    holder.setAttribute('id', anchor);
    const beside = document.createElement('p');
    beside.className = 'field-error';
    beside.setAttribute('id', `${anchor}-error`);
    beside.textContent = error.code === 'ANSWER_MISSING_REQUIRED' ? t(lang, 'survey.fieldRequired') : error.message;
    holder.prepend(beside);
    for (const control of controls) describe(control, `${anchor}-error`);
    // The question's words, without its "(required)" marker.
    const caption = (holder.querySelector('legend') ?? holder.querySelector('label'))?.cloneNode(true) as Element | undefined;
    for (const marker of caption?.querySelectorAll('.meta') ?? []) marker.remove();
    const label = caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const fix = document.createElement('p');
    fix.append(document.createTextNode(`${t(lang, 'survey.fixBelow')} `));
    const link = document.createElement('a');
    link.setAttribute('href', `#${anchor}`);
    link.textContent = number > 0 ? `${t(lang, 'survey.errorAt', { n: number })}${lang === 'zh' ? '：' : ': '}${label.replace(/^\d+\.\s*/, '')}` : label;
    fix.append(link);
    summary.append(fix);
  }
  form.prepend(summary);
  summary.setAttribute('autofocus', '');
  document.title = `${t(lang, 'survey.errorTitle')}${lang === 'zh' ? '：' : ': '}${document.title}`;
}

/** The page with `fill` applied; unchanged when it has no survey form. */
export function fillSurveyPage(html: string, lang: Lang, fill: SurveyPageFill): string {
  const { document } = parseHTML(html);
  const form = document.querySelector('form.survey');
  if (!form) return html;
  if (fill.token) {
    let input = form.querySelector(`input[name=${SURVEY_FORM_TOKEN_FIELD}]`);
    if (!input) {
      input = document.createElement('input');
      input.setAttribute('type', 'hidden');
      input.setAttribute('name', SURVEY_FORM_TOKEN_FIELD);
      form.querySelector('input[name=campaign]')?.after(input);
    }
    input.setAttribute('value', fill.token);
  }
  const code = fill.code?.trim().slice(0, 20);
  if (code) form.querySelector('input[name=code]')?.setAttribute('value', code);
  if (fill.fields) refill(form, fill.fields);
  if (fill.error) showError(document as unknown as Document, form, lang, fill.error);
  return document.toString();
}
