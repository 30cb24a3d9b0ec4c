import { label } from '@openstation/site/i18n';
import { type Lang, localized } from '../i18n/index.ts';
import type { ApiClient } from './api.ts';
import { STATION_AREA_NAMES } from './assignment-queries.ts';
import { EVENT_KINDS } from './community-kinds.ts';
import { inParens } from './parens.ts';
import type { FieldSpec } from './record-spec.ts';
import { stationOfficers } from './stations.ts';

/** The options of a spec's choice fields for a station: event kinds, its areas, its officers. */
export async function recordOptions(api: ApiClient, lang: Lang, spec: readonly FieldSpec[], stationSlug: string): Promise<Record<string, { value: string; label: string }[]>> {
  const options: Record<string, { value: string; label: string }[]> = {};
  for (const f of spec) {
    if (f.choices === 'eventKinds') options[f.key] = EVENT_KINDS.map((k) => ({ value: k, label: label(lang, 'event', k) }));
    if (f.choices === 'areas') {
      const answer = await api.query(STATION_AREA_NAMES, { stationSlug });
      options[f.key] = answer.ok ? answer.data.areas.edges.map((e) => ({ value: e.node.id, label: localized(e.node.name, lang) })) : [];
    }
    if (f.choices === 'officers') {
      const officers = await stationOfficers(api, stationSlug);
      options[f.key] = officers.map((o) => ({ value: o.id, label: `${localized(o.name, lang)}${inParens(lang, label(lang, 'role', o.role))}` }));
    }
  }
  return options;
}
