import { type StaffAccount, type StaffRole, type StaffUserInput, type StaffUserPatch } from './admin-queries.ts';

/** The staff account forms' fields, as submitted. */
export interface StaffForm {
  name: string;
  email: string;
  role: StaffRole;
  password: string;
  /** Global ids of the stations ticked. */
  stationIds: string[];
  allStations: boolean;
}

export type StaffField = 'name' | 'email' | 'role' | 'password' | 'stations';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The form as the browser sent it; a role the schema does not have is sent on for the API to refuse. */
export function submittedStaffForm(form: FormData): StaffForm {
  return {
    name: text(form, 'name'),
    email: text(form, 'email'),
    role: text(form, 'role') as StaffRole,
    // A password is taken as typed: spaces may be part of a pass phrase.
    password: typeof form.get('password') === 'string' ? String(form.get('password')) : '',
    stationIds: form.getAll('station').filter((v): v is string => typeof v === 'string'),
    allStations: form.get('allStations') === 'on',
  };
}

/** A new account's input: stations or every station; no password means one is generated. */
export function staffInput(form: StaffForm): StaffUserInput {
  return {
    name: form.name,
    email: form.email,
    role: form.role,
    ...(form.password ? { password: form.password } : {}),
    ...(form.allStations ? { allStations: true } : { stationIds: form.stationIds }),
  };
}

/** The account's current values as the edit form shows them. */
export function staffForm(account: StaffAccount): StaffForm {
  return { name: account.name, email: account.email, role: account.role, password: '', stationIds: account.stations.map((s) => s.id), allStations: account.allStations };
}

/** The patch from `current` to `submitted`: only what changed (stations compared as a set). */
export function staffPatch(current: StaffForm, submitted: StaffForm): StaffUserPatch {
  const patch: StaffUserPatch = {};
  if (submitted.name !== current.name) patch.name = submitted.name;
  if (submitted.role !== current.role) patch.role = submitted.role;
  if (submitted.allStations !== current.allStations) patch.allStations = submitted.allStations;
  const same = submitted.stationIds.length === current.stationIds.length && submitted.stationIds.every((id) => current.stationIds.includes(id));
  if (!submitted.allStations && !same) patch.stationIds = submitted.stationIds;
  return patch;
}

/** The form field an API input path names. */
export function staffFieldOf(apiField: string): StaffField | null {
  const name = apiField.replace(/^input\./, '').replace(/\.\d+$/, '');
  if (name === 'stationIds' || name === 'allStations') return 'stations';
  return name === 'name' || name === 'email' || name === 'role' || name === 'password' ? name : null;
}
