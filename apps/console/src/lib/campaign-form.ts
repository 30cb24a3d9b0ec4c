import type { StationRef } from './queries.ts';
import type { CampaignInput } from './survey-queries.ts';

/** The new-campaign form's fields, as the browser sends them. */
export interface CampaignForm {
  station: string;
  year: string;
  half: string;
  accessMode: string;
  opensOn: string;
  closesOn: string;
}

/** The names of the form's fields. */
export type CampaignField = keyof CampaignForm;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The form as first shown: the first half-year from this one on that the station has no
 * campaign for (`taken`: periods such as `2026-H2`), invitation codes, open from today for four weeks.
 */
export function newCampaignForm(station: string, today: string, taken: readonly string[] = []): CampaignForm {
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  while (taken.includes(`${year}-H${half}`)) [year, half] = half === 1 ? [year, 2] : [year + 1, 1];
  return { station, year: String(year), half: `H${half}`, accessMode: 'CODE', opensOn: today, closesOn: addDays(today, 27) };
}

/** The form as submitted. */
export function submittedCampaignForm(form: FormData): CampaignForm {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return { station: text('station'), year: text('year'), half: text('half'), accessMode: text('accessMode'), opensOn: text('opensOn'), closesOn: text('closesOn') };
}

/**
 * `createSurveyCampaign`'s input: the period from year and half, the title the portal shows
 * (e.g. 竹箦派出所 2027年上半年群众评议) made from the station's name and the period.
 */
export function campaignInput(form: CampaignForm, station: StationRef): CampaignInput {
  const first = form.half === 'H1';
  return {
    stationId: station.id,
    period: `${form.year}-${form.half}`,
    title: {
      zh: `${station.name.zh} ${form.year}年${first ? '上半年' : '下半年'}群众评议`,
      en: `${station.name.en ?? station.slug} resident evaluation, ${first ? 'January–June' : 'July–December'} ${form.year}`,
    },
    opensOn: form.opensOn,
    closesOn: form.closesOn,
    accessMode: form.accessMode === 'OPEN' ? 'OPEN' : 'CODE',
  };
}

const FIELD_OF_INPUT: Record<string, CampaignField> = {
  stationId: 'station',
  period: 'year',
  opensOn: 'opensOn',
  closesOn: 'closesOn',
  accessMode: 'accessMode',
};

/** The form field an API error names (`input.closesOn` → `closesOn`), if any. */
export function campaignFieldOf(apiField: string | null): CampaignField | null {
  if (!apiField) return null;
  return FIELD_OF_INPUT[apiField.replace(/^input\./, '')] ?? null;
}
