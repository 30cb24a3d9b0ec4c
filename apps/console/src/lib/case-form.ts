import { type CaseInput, type CaseRecord, CONCLUDED_STATUSES } from './mediation-queries.ts';

/** The case form's fields, as the browser sends them (every value a string). */
export type CaseForm = { [K in keyof CaseInput]: string };

/** The names of the form's fields. */
export type CaseField = keyof CaseForm;

/** A new case: received today, in the station's first room. */
export function newCaseForm(roomId: string, today: string): CaseForm {
  return { roomId, reference: '', category: 'NEIGHBOUR', source: 'WALK_IN', status: 'RECEIVED', receivedOn: today, closedOn: '' };
}

/** The form pre-filled from the current record. */
export function caseForm(record: CaseRecord): CaseForm {
  const { roomId, reference, category, source, status, receivedOn } = { ...record, roomId: record.room.id };
  return { roomId, reference, category, source, status, receivedOn, closedOn: record.closedOn ?? '' };
}

/**
 * The form as submitted. A case concluded (resolved or not) without a closing date closes
 * today; a case not concluded has none (the API wants a closing date exactly when concluded).
 */
export function submittedCaseForm(form: FormData, today: string): CaseForm {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const status = text('status');
  const concluded = CONCLUDED_STATUSES.includes(status);
  return {
    roomId: text('roomId'),
    reference: text('reference'),
    category: text('category'),
    source: text('source'),
    status,
    receivedOn: text('receivedOn'),
    closedOn: concluded ? text('closedOn') || today : '',
  };
}

/** The new case's input. */
export function caseInput(form: CaseForm): CaseInput {
  return { ...form, closedOn: form.closedOn || null };
}

/** The patch that takes `current` to `submitted`: only the fields that changed; an emptied closing date as null. */
export function casePatch(current: CaseForm, submitted: CaseForm): Partial<CaseInput> {
  const patch: Partial<CaseInput> = {};
  for (const key of Object.keys(submitted) as CaseField[]) {
    if (current[key] === submitted[key]) continue;
    if (key === 'closedOn') patch.closedOn = submitted.closedOn || null;
    else patch[key] = submitted[key];
  }
  return patch;
}

/** The form field an API error names (`input.closedOn` → `closedOn`), if any. */
export function caseFieldOf(apiField: string | null): CaseField | null {
  if (!apiField) return null;
  const name = apiField.replace(/^input\./, '');
  return ['roomId', 'reference', 'category', 'source', 'status', 'receivedOn', 'closedOn'].includes(name) ? (name as CaseField) : null;
}
