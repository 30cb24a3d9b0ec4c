import { gql } from '@urql/core';
import type { DocumentNode } from 'graphql';
import type { ConsoleKey } from '../i18n/index.ts';
import type { Me, StationRef, Text } from './queries.ts';
import type { FieldSpec } from './record-spec.ts';
import { editsContent, keepsRooms } from './roles.ts';

/** A record of one of these kinds as the console reads it: its fields by name. */
export type CommunityRecord = Record<string, unknown> & { id: string; station?: StationRef };

/** One kind of station record the console lists and edits through the same pages. */
export interface CommunityKind {
  /** The path under `community/` (`teams`). */
  path: string;
  /** The GraphQL type (for global ids). */
  typename: 'VolunteerTeam' | 'Event' | 'MediationRoom';
  spec: readonly FieldSpec[];
  /** The field that names a record in lists and titles. */
  nameField: 'name' | 'title';
  /** The columns of the list besides the name (fields of the record). */
  columns: readonly { key: string; label: ConsoleKey }[];
  keys: { title: ConsoleKey; add: ConsoleKey; edit: ConsoleKey; none: ConsoleKey; saved: ConsoleKey; retire: ConsoleKey; retired: ConsoleKey };
  /** Who may list and change them. */
  may: (staff: Me) => boolean;
  list: DocumentNode;
  listOf: (data: Record<string, unknown>) => CommunityRecord[];
  node: DocumentNode;
  create: DocumentNode;
  update: DocumentNode;
  retire: DocumentNode;
  /** The mutations' root field names. */
  fields: { create: string; update: string; retire: string };
}

const STATION = 'station { id slug name { zh en } }';
const TEXT = '{ zh en }';

const TEAM = `id name ${TEXT} description ${TEXT} memberCount foundedYear ${STATION}`;
const EVENT = `id kind title ${TEXT} description ${TEXT} location ${TEXT} startsAt endsAt area { id name ${TEXT} } ${STATION}`;
const ROOM = `id slug name ${TEXT} description ${TEXT} location ${TEXT} openingHours ${TEXT} phone foundedYear leadMediator { id name ${TEXT} } ${STATION}`;

const nodeQuery = (name: string, typename: string, fields: string) => gql(`query ${name}($id: ID!) { node(id: $id) { __typename ... on ${typename} { ${fields} } } }`);
const mutation = (name: string, field: string, input: string, kind: 'create' | 'update' | 'retire') =>
  gql(
    kind === 'create'
      ? `mutation ${name}($input: ${input}!) { ${field}(input: $input) { id } }`
      : kind === 'update'
        ? `mutation ${name}($id: ID!, $input: ${input}!) { ${field}(id: $id, input: $input) { id } }`
        : `mutation ${name}($id: ID!) { ${field}(id: $id) { id } }`,
  );
const stationList = (data: Record<string, unknown>, field: string) => {
  const station = data.station as Record<string, unknown> | null;
  return (station?.[field] as CommunityRecord[] | undefined) ?? [];
};

export const COMMUNITY_KINDS: Record<string, CommunityKind> = {
  teams: {
    path: 'teams',
    typename: 'VolunteerTeam',
    nameField: 'name',
    spec: [
      { key: 'name', kind: 'line', label: 'team.name', localized: true, required: true },
      { key: 'description', kind: 'prose', label: 'team.description', localized: true, required: true },
      { key: 'memberCount', kind: 'count', label: 'team.memberCount' },
      { key: 'foundedYear', kind: 'count', label: 'team.foundedYear' },
    ],
    columns: [
      { key: 'memberCount', label: 'team.memberCount' },
      { key: 'foundedYear', label: 'team.foundedYear' },
    ],
    keys: { title: 'teams.title', add: 'teams.add', edit: 'teams.edit', none: 'teams.none', saved: 'officer.saved', retire: 'teams.retire', retired: 'teams.retired' },
    may: editsContent,
    list: gql(`query ConsoleTeams($stationSlug: String!) { station(slug: $stationSlug) { volunteerTeams { ${TEAM} } } }`),
    listOf: (data) => stationList(data, 'volunteerTeams'),
    node: nodeQuery('ConsoleTeam', 'VolunteerTeam', TEAM),
    create: mutation('ConsoleCreateTeam', 'createVolunteerTeam', 'VolunteerTeamInput', 'create'),
    update: mutation('ConsoleUpdateTeam', 'updateVolunteerTeam', 'VolunteerTeamPatch', 'update'),
    retire: mutation('ConsoleRetireTeam', 'retireVolunteerTeam', '', 'retire'),
    fields: { create: 'createVolunteerTeam', update: 'updateVolunteerTeam', retire: 'retireVolunteerTeam' },
  },
  events: {
    path: 'events',
    typename: 'Event',
    nameField: 'title',
    spec: [
      { key: 'kind', kind: 'choice', label: 'event.kind', choices: 'eventKinds', required: true },
      { key: 'title', kind: 'line', label: 'event.title', localized: true, required: true },
      { key: 'startsAt', kind: 'datetime', label: 'event.startsAt', required: true, hint: 'event.timeHint' },
      { key: 'endsAt', kind: 'datetime', label: 'event.endsAt' },
      { key: 'location', kind: 'line', label: 'event.location', localized: true, required: true },
      { key: 'areaId', kind: 'choice', label: 'event.area', choices: 'areas', read: (r) => (r.area as { id: string } | null)?.id ?? null },
      { key: 'description', kind: 'prose', label: 'event.description', localized: true, required: true },
    ],
    columns: [
      { key: 'kind', label: 'event.kind' },
      { key: 'startsAt', label: 'event.startsAt' },
      { key: 'location', label: 'event.location' },
    ],
    keys: { title: 'events.title', add: 'events.add', edit: 'events.edit', none: 'events.none', saved: 'officer.saved', retire: 'events.retire', retired: 'events.retired' },
    may: editsContent,
    list: gql(`query ConsoleEvents($stationSlug: String!) { events(stationSlug: $stationSlug, first: 100) { edges { node { ${EVENT} } } } }`),
    listOf: (data) => ((data.events as { edges: { node: CommunityRecord }[] } | null)?.edges ?? []).map((e) => e.node),
    node: nodeQuery('ConsoleEvent', 'Event', EVENT),
    create: mutation('ConsoleCreateEvent', 'createEvent', 'EventInput', 'create'),
    update: mutation('ConsoleUpdateEvent', 'updateEvent', 'EventPatch', 'update'),
    retire: mutation('ConsoleRetireEvent', 'retireEvent', '', 'retire'),
    fields: { create: 'createEvent', update: 'updateEvent', retire: 'retireEvent' },
  },
  rooms: {
    path: 'rooms',
    typename: 'MediationRoom',
    nameField: 'name',
    spec: [
      { key: 'name', kind: 'line', label: 'room.name', localized: true, required: true },
      { key: 'slug', kind: 'text', label: 'service.slug', required: true, hint: 'service.slugHint' },
      { key: 'location', kind: 'line', label: 'room.location', localized: true, required: true },
      { key: 'openingHours', kind: 'line', label: 'room.openingHours', localized: true },
      { key: 'phone', kind: 'text', label: 'room.phone' },
      { key: 'leadMediatorId', kind: 'choice', label: 'room.leadMediator', choices: 'officers', read: (r) => (r.leadMediator as { id: string } | null)?.id ?? null },
      { key: 'foundedYear', kind: 'count', label: 'team.foundedYear' },
      { key: 'description', kind: 'prose', label: 'room.description', localized: true, required: true },
    ],
    columns: [
      { key: 'location', label: 'room.location' },
      { key: 'phone', label: 'room.phone' },
    ],
    keys: { title: 'rooms.title', add: 'rooms.add', edit: 'rooms.edit', none: 'rooms.none', saved: 'officer.saved', retire: 'rooms.retire', retired: 'rooms.retired' },
    may: keepsRooms,
    list: gql(`query ConsoleRooms($stationSlug: String!) { station(slug: $stationSlug) { mediationRooms { ${ROOM} } } }`),
    listOf: (data) => stationList(data, 'mediationRooms'),
    node: nodeQuery('ConsoleRoom', 'MediationRoom', ROOM),
    create: mutation('ConsoleCreateRoom', 'createMediationRoom', 'MediationRoomInput', 'create'),
    update: mutation('ConsoleUpdateRoom', 'updateMediationRoom', 'MediationRoomPatch', 'update'),
    retire: mutation('ConsoleRetireRoom', 'retireMediationRoom', '', 'retire'),
    fields: { create: 'createMediationRoom', update: 'updateMediationRoom', retire: 'retireMediationRoom' },
  },
};

/** The event kinds, as the API names them. */
export const EVENT_KINDS = ['RESIDENTS_MEETING', 'OPEN_DAY', 'PREVENTION_TALK', 'SCHOOL_SAFETY', 'VOLUNTEER_PATROL', 'OTHER'] as const;

/** A record's name in a language-neutral form (the list and titles localize it). */
export const nameOf = (kind: CommunityKind, record: Record<string, unknown>) => record[kind.nameField] as Text;
