import type { HoursExceptionChanges, HoursExceptionRecord } from './hours-queries.ts';
import { changedAny, type FormValues, formValues, localizedInput } from './form-values.ts';

export const HOURS_FIELDS = ['startsOn', 'endsOn', 'state', 'opens', 'closes', 'noteZh', 'noteEn'] as const;
/** The hours exception form's fields; `state` is `open` (the window opens `opens`–`closes`) or `closed`. */
export type HoursField = (typeof HOURS_FIELDS)[number];
export type HoursForm = FormValues<HoursField>;

/** An empty form for a new exception: open, with the morning hours holiday service usually has. */
export const newHoursForm = (): HoursForm => ({ startsOn: '', endsOn: '', state: 'open', opens: '09:00', closes: '12:00', noteZh: '', noteEn: '' });

/** The form pre-filled from the current record. */
export function hoursForm(record: HoursExceptionRecord): HoursForm {
  return {
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    state: record.closed ? 'closed' : 'open',
    opens: record.opens ?? '',
    closes: record.closes ?? '',
    noteZh: record.note.zh,
    noteEn: record.note.en ?? '',
  };
}

export const submittedHoursForm = (form: FormData): HoursForm => formValues(form, HOURS_FIELDS);

/**
 * Every field, for a new exception. The last day left empty is the first (one day); a closed
 * day sends no times, whatever the time fields still hold.
 */
export function hoursInput(form: HoursForm): Required<HoursExceptionChanges> {
  const closed = form.state === 'closed';
  return {
    startsOn: form.startsOn,
    endsOn: form.endsOn === '' ? form.startsOn : form.endsOn,
    closed,
    opens: closed || form.opens === '' ? null : form.opens,
    closes: closed || form.closes === '' ? null : form.closes,
    note: localizedInput(form.noteZh, form.noteEn),
  };
}

/** Only the fields that changed (a field left out is unchanged); the note goes as a pair, the times with the state. */
export function hoursPatch(current: HoursForm, submitted: HoursForm): HoursExceptionChanges {
  const all = hoursInput(submitted);
  const was = hoursInput(current);
  const patch: HoursExceptionChanges = {};
  if (all.startsOn !== was.startsOn) patch.startsOn = all.startsOn;
  if (all.endsOn !== was.endsOn) patch.endsOn = all.endsOn;
  if (all.closed !== was.closed) patch.closed = all.closed;
  if (all.opens !== was.opens) patch.opens = all.opens;
  if (all.closes !== was.closes) patch.closes = all.closes;
  if (changedAny(current, submitted, 'noteZh', 'noteEn')) patch.note = all.note;
  return patch;
}

/** The form field of each input path the API may name. */
export const HOURS_FIELD_OF: Readonly<Record<string, HoursField>> = {
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  closed: 'state',
  opens: 'opens',
  closes: 'closes',
  note: 'noteZh',
  'note.zh': 'noteZh',
  'note.en': 'noteEn',
};
