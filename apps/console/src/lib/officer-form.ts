import type { OfficerPatch, OfficerRecord } from './queries.ts';
import type { OfficerInput } from './assignment-queries.ts';

/** The officer edit form's fields, as the browser sends them (every value a string). */
export interface OfficerForm {
  nameZh: string;
  nameEn: string;
  role: string;
  badgeNumber: string;
  dutyPhone: string;
  hoursZh: string;
  hoursEn: string;
  lastVerifiedOn: string;
}

/** The names of the form's fields. */
export type OfficerField = keyof OfficerForm;

/** The form pre-filled from the current record. */
export function officerForm(officer: OfficerRecord): OfficerForm {
  return {
    nameZh: officer.name.zh,
    nameEn: officer.name.en ?? '',
    role: officer.role,
    badgeNumber: officer.badgeNumber ?? '',
    dutyPhone: officer.dutyPhone ?? '',
    hoursZh: officer.contactHours?.zh ?? '',
    hoursEn: officer.contactHours?.en ?? '',
    lastVerifiedOn: officer.lastVerifiedOn ?? '',
  };
}

/** The form as submitted; "contact verified today" sets the verification date to `today`. */
export function submittedOfficerForm(form: FormData, today: string): OfficerForm {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    nameZh: text('nameZh'),
    nameEn: text('nameEn'),
    role: text('role'),
    badgeNumber: text('badgeNumber'),
    dutyPhone: text('dutyPhone'),
    hoursZh: text('hoursZh'),
    hoursEn: text('hoursEn'),
    lastVerifiedOn: form.get('verifiedToday') === 'on' ? today : text('lastVerifiedOn'),
  };
}

const orNull = (value: string) => (value === '' ? null : value);

/**
 * The patch that takes `current` to `submitted`: only the fields that changed (a field left
 * out is unchanged), an emptied optional field as null. Names and contact hours go as a pair.
 */
export function officerPatch(current: OfficerForm, submitted: OfficerForm): OfficerPatch {
  const patch: OfficerPatch = {};
  const changed = (...fields: OfficerField[]) => fields.some((f) => current[f] !== submitted[f]);
  if (changed('nameZh', 'nameEn')) patch.name = { zh: submitted.nameZh, en: orNull(submitted.nameEn) };
  if (changed('role')) patch.role = submitted.role;
  if (changed('badgeNumber')) patch.badgeNumber = orNull(submitted.badgeNumber);
  if (changed('dutyPhone')) patch.dutyPhone = orNull(submitted.dutyPhone);
  if (changed('hoursZh', 'hoursEn')) patch.contactHours = submitted.hoursZh === '' && submitted.hoursEn === '' ? null : { zh: submitted.hoursZh, en: orNull(submitted.hoursEn) };
  if (changed('lastVerifiedOn')) patch.lastVerifiedOn = orNull(submitted.lastVerifiedOn);
  return patch;
}

/** The form field of each input path the API may name. */
export const OFFICER_FIELD_OF: Readonly<Record<string, OfficerField>> = {
  name: 'nameZh',
  'name.zh': 'nameZh',
  'name.en': 'nameEn',
  role: 'role',
  badgeNumber: 'badgeNumber',
  dutyPhone: 'dutyPhone',
  contactHours: 'hoursZh',
  'contactHours.zh': 'hoursZh',
  'contactHours.en': 'hoursEn',
  lastVerifiedOn: 'lastVerifiedOn',
};

/** The form field an API error's `extensions.field` names (`input.lastVerifiedOn` → `lastVerifiedOn`), if any. */
export function formFieldOf(apiField: string | null): OfficerField | null {
  if (!apiField) return null;
  return OFFICER_FIELD_OF[apiField.replace(/^input\./, '')] ?? null;
}

/** An empty form for a new officer. */
export const newOfficerForm = (): OfficerForm => ({ nameZh: '', nameEn: '', role: 'COMMUNITY_OFFICER', badgeNumber: '', dutyPhone: '', hoursZh: '', hoursEn: '', lastVerifiedOn: '' });

/** Every field of a new officer of station `stationId`. */
export function officerInput(stationId: string, form: OfficerForm): OfficerInput {
  return {
    stationId,
    role: form.role,
    name: { zh: form.nameZh, en: orNull(form.nameEn) },
    badgeNumber: orNull(form.badgeNumber),
    dutyPhone: orNull(form.dutyPhone),
    contactHours: form.hoursZh === '' && form.hoursEn === '' ? null : { zh: form.hoursZh, en: orNull(form.hoursEn) },
    lastVerifiedOn: orNull(form.lastVerifiedOn),
  };
}
