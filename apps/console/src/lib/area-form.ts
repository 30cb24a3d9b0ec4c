import type { AreaChanges, AreaRecord } from './area-queries.ts';
import { changedAny, type FormValues, formValues, localizedInput, wholeNumber } from './form-values.ts';

export const AREA_FIELDS = ['kind', 'nameZh', 'nameEn', 'households', 'population', 'gridCount'] as const;
/** The area form's fields. */
export type AreaField = (typeof AREA_FIELDS)[number];
export type AreaForm = FormValues<AreaField>;
/** The fields that hold whole numbers. */
export const AREA_COUNTS = ['households', 'population', 'gridCount'] as const satisfies readonly AreaField[];

/** The area kinds, as the API names them. */
export const AREA_KINDS = ['COMMUNITY', 'VILLAGE', 'TOWN_CENTRE', 'INDUSTRIAL_PARK', 'SCENIC_AREA', 'SCHOOL_ZONE', 'OTHER'] as const;

/** An empty form for a new area. */
export const newAreaForm = (): AreaForm => ({ kind: 'COMMUNITY', nameZh: '', nameEn: '', households: '', population: '', gridCount: '' });

/** The form pre-filled from the current record. */
export function areaForm(area: AreaRecord): AreaForm {
  const count = (n: number | null) => (n === null ? '' : String(n));
  return {
    kind: area.kind,
    nameZh: area.name.zh,
    nameEn: area.name.en ?? '',
    households: count(area.households),
    population: count(area.population),
    gridCount: count(area.gridCount),
  };
}

export const submittedAreaForm = (form: FormData): AreaForm => formValues(form, AREA_FIELDS);

/** Every field, for a new area. */
export function areaInput(form: AreaForm): Required<AreaChanges> {
  return {
    kind: form.kind,
    name: localizedInput(form.nameZh, form.nameEn),
    households: wholeNumber(form.households),
    population: wholeNumber(form.population),
    gridCount: wholeNumber(form.gridCount),
  };
}

/** Only the fields that changed (a field left out is unchanged); names go as a pair. */
export function areaPatch(current: AreaForm, submitted: AreaForm): AreaChanges {
  const all = areaInput(submitted);
  const patch: AreaChanges = {};
  if (changedAny(current, submitted, 'kind')) patch.kind = all.kind;
  if (changedAny(current, submitted, 'nameZh', 'nameEn')) patch.name = all.name;
  for (const count of ['households', 'population', 'gridCount'] as const) if (changedAny(current, submitted, count)) patch[count] = all[count];
  return patch;
}

/** The form field of each input path the API may name. */
export const AREA_FIELD_OF: Readonly<Record<string, AreaField>> = {
  kind: 'kind',
  name: 'nameZh',
  'name.zh': 'nameZh',
  'name.en': 'nameEn',
  households: 'households',
  population: 'population',
  gridCount: 'gridCount',
};
