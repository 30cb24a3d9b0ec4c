import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import { changedAny, type FormValues, formValues, localizedInput, optionalLocalized, orNull, wholeNumber } from './form-values.ts';
import type { ServiceChanges, ServiceRecord } from './service-queries.ts';

export const SERVICE_FIELDS = [
  'slug', 'category', 'titleZh', 'titleEn', 'conditionsZh', 'conditionsEn', 'materialsZh', 'materialsEn', 'stepsZh', 'stepsEn',
  'timeLimitDays', 'timeLimitZh', 'timeLimitEn', 'feeZh', 'feeEn', 'feeBasisZh', 'feeBasisEn', 'locationZh', 'locationEn',
  'hoursZh', 'hoursEn', 'onlineUrl', 'appointmentZh', 'appointmentEn', 'effectiveFrom',
] as const;
/** The service item form's fields. */
export type ServiceField = (typeof SERVICE_FIELDS)[number];
export type ServiceForm = FormValues<ServiceField>;

/** The service categories, as the API names them. */
export const SERVICE_CATEGORIES = ['HOUSEHOLD_REGISTRATION', 'ID_CARD', 'RESIDENCE_PERMIT', 'EXIT_ENTRY', 'CERTIFICATES', 'PERMITS', 'VEHICLES_AND_DRIVING', 'REPORTING', 'OTHER'] as const;

/** The fields that cannot be empty. */
export const SERVICE_REQUIRED = ['slug', 'titleZh', 'conditionsZh', 'timeLimitZh', 'feeZh', 'locationZh', 'hoursZh', 'effectiveFrom'] as const satisfies readonly ServiceField[];

/** Texts in both languages, as pairs of fields. */
const LINES = ['title', 'conditions', 'timeLimit', 'fee', 'location', 'hours'] as const;
const OPTIONAL = ['feeBasis', 'appointment'] as const;
const LISTS = ['materials', 'steps'] as const;

/** A list typed one item per line. */
const linesOf = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

/** An empty form for a new item, taking effect `today`. */
export function newServiceForm(today: string): ServiceForm {
  const form = Object.fromEntries(SERVICE_FIELDS.map((f) => [f, ''])) as ServiceForm;
  return { ...form, category: 'OTHER', effectiveFrom: today };
}

/** The form pre-filled from the current version. */
export function serviceForm(item: ServiceRecord): ServiceForm {
  const form = newServiceForm(item.effectiveFrom);
  form.slug = item.slug;
  form.category = item.category;
  for (const base of LINES) {
    form[`${base}Zh`] = item[base].zh;
    form[`${base}En`] = item[base].en ?? '';
  }
  for (const base of OPTIONAL) {
    form[`${base}Zh`] = item[base]?.zh ?? '';
    form[`${base}En`] = item[base]?.en ?? '';
  }
  for (const base of LISTS) {
    form[`${base}Zh`] = item[base].zh.join('\n');
    form[`${base}En`] = (item[base].en ?? []).join('\n');
  }
  form.timeLimitDays = item.timeLimitDays === null ? '' : String(item.timeLimitDays);
  form.onlineUrl = item.onlineUrl ?? '';
  return form;
}

export const submittedServiceForm = (form: FormData): ServiceForm => formValues(form, SERVICE_FIELDS);

/** Every field, for a new item. */
export function serviceInput(form: ServiceForm): Required<ServiceChanges> {
  const pick = (base: (typeof LINES)[number]) => localizedInput(form[`${base}Zh`], form[`${base}En`]);
  const list = (base: (typeof LISTS)[number]) => ({ zh: linesOf(form[`${base}Zh`]), en: linesOf(form[`${base}En`]) });
  return {
    slug: form.slug,
    category: form.category,
    title: pick('title'),
    conditions: pick('conditions'),
    materials: list('materials'),
    steps: list('steps'),
    timeLimitDays: wholeNumber(form.timeLimitDays),
    timeLimit: pick('timeLimit'),
    fee: pick('fee'),
    feeBasis: optionalLocalized(form.feeBasisZh, form.feeBasisEn),
    location: pick('location'),
    hours: pick('hours'),
    onlineUrl: orNull(form.onlineUrl),
    appointment: optionalLocalized(form.appointmentZh, form.appointmentEn),
    effectiveFrom: form.effectiveFrom,
  };
}

/** Only what changed (a field left out is unchanged); texts go as their language pair. A new effective date alone is no change. */
export function servicePatch(current: ServiceForm, submitted: ServiceForm): ServiceChanges {
  const all = serviceInput(submitted);
  const patch: ServiceChanges = {};
  const set = <K extends keyof ServiceChanges>(key: K) => {
    patch[key] = all[key];
  };
  if (changedAny(current, submitted, 'slug')) set('slug');
  if (changedAny(current, submitted, 'category')) set('category');
  for (const base of [...LINES, ...OPTIONAL, ...LISTS]) if (changedAny(current, submitted, `${base}Zh`, `${base}En`)) set(base);
  if (changedAny(current, submitted, 'timeLimitDays')) set('timeLimitDays');
  if (changedAny(current, submitted, 'onlineUrl')) set('onlineUrl');
  if (Object.keys(patch).length > 0 || changedAny(current, submitted, 'effectiveFrom')) set('effectiveFrom');
  return patch;
}

/** The form field of each input path the API may name (a list's item, e.g. `materials.zh.2`, goes to its box). */
export const SERVICE_FIELD_OF: Readonly<Record<string, ServiceField>> = {
  slug: 'slug',
  category: 'category',
  timeLimitDays: 'timeLimitDays',
  onlineUrl: 'onlineUrl',
  effectiveFrom: 'effectiveFrom',
  ...Object.fromEntries(
    [...LINES, ...OPTIONAL, ...LISTS].flatMap((base) => [
      [base, `${base}Zh`],
      [`${base}.zh`, `${base}Zh`],
      [`${base}.en`, `${base}En`],
    ]),
  ),
};

const CHANGED_FIELD_LABELS: Readonly<Record<string, ConsoleKey>> = {
  slug: 'service.slug',
  category: 'service.category',
  effectiveFrom: 'service.effectiveFrom',
  timeLimitDays: 'service.timeLimitDays',
  onlineUrl: 'service.onlineUrl',
  ...Object.fromEntries([...LINES, ...OPTIONAL, ...LISTS].map((base) => [base, `service.${base}`])),
};

/** The name of a field the history says changed (`fee`), as the form labels it. */
export function changedFieldLabel(lang: Lang, field: string): string {
  const key = CHANGED_FIELD_LABELS[field];
  return key ? t(lang, key) : field;
}
