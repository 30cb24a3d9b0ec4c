import type { YearQuarter } from './calendar.ts';
import type {
  AreaKind,
  CaseSource,
  EventKind,
  MediationCategory,
  PartnerKind,
  ServiceCategory,
} from '../generated/prisma/enums.ts';
import type { MetricKey } from './metrics.ts';

/** A station's public facts and everything the demo shows about it, as typed data. */
export interface StationSeed {
  slug: string;
  /** Two letters used in fictitious badge numbers and case references. */
  code: string;
  nameZh: string;
  nameEn: string;
  bureauZh: string;
  bureauEn: string;
  regionZh: string;
  regionEn: string;
  addressZh: string;
  addressEn: string;
  /** Fictitious: see `phones.ts`. */
  dutyPhone: string;
  openingHoursZh: string;
  openingHoursEn: string;
  summaryZh: string;
  summaryEn: string;
  areaKm2?: number;
  population?: number;
  households?: number;
  registeredUnits?: number;
  policeOfficers?: number;
  auxiliaryOfficers?: number;
  gridWorkers?: number;
  source: { titleZh: string; publishedOn: string | null };
  honours: HonourSeed[];
  areas: AreaSeed[];
  staff: StaffPlan;
  partners: PartnerSeed[];
  rooms: RoomSeed[];
  volunteerTeams: VolunteerTeamSeed[];
  services: ServiceItemSeed[];
  events: EventSeed[];
  /** Dated exceptions to the opening hours; invented for the demo (`isDemo`). */
  hoursExceptions?: HoursExceptionSeed[];
  reporting: ReportingSeed;
}

export interface HonourSeed {
  titleZh: string;
  titleEn: string;
  awardedBy: string;
  year: number;
  /** Month when the source gives one; the schema has no column for it yet. */
  month?: number;
  /** Only when the source gives the exact day. */
  awardedOn?: string;
}

export interface AreaSeed {
  nameZh: string;
  nameEn: string;
  kind: AreaKind;
  /** Not named in the source article: a plausible area added so the demo has enough areas. */
  illustrative?: boolean;
  households?: number;
  population?: number;
  gridCount?: number;
}

/** How many fictitious people to create besides those derived from areas and rooms. */
export interface StaffPlan {
  gridWorkers: number;
  caseOfficers: number;
  /** Use the name pool with Uyghur and Kazakh names as well. */
  xinjiangNames?: boolean;
  /** Exactly this many people: filled up with case officers and auxiliaries, or cut. */
  total?: number;
}

export interface PartnerSeed {
  slug: string;
  kind: PartnerKind;
  nameZh: string;
  nameEn: string;
}

export interface RoomSeed {
  slug: string;
  /** Prefix of case references, e.g. `LC` → `LC-2025-0042`. */
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  locationZh: string;
  locationEn: string;
  openingHoursZh: string;
  openingHoursEn: string;
  foundedYear?: number;
  mediators: number;
  /** Cases received per calendar year (the current year only up to the demo's today) and the success rate to reach. */
  yearly: Readonly<Record<number, { received: number; successRate: number }>>;
  /** Share of received cases handed to a partner agency (REFERRED). */
  referredShare: number;
  categories: Partial<Record<MediationCategory, number>>;
  sources: Partial<Record<CaseSource, number>>;
  /** Partner agencies that typically join a case of each category (slugs of `StationSeed.partners`). */
  partnersByCategory: Partial<Record<MediationCategory, readonly string[]>>;
  /** Share of cases on which at least one partner agency worked. */
  partnerShare: number;
}

export interface VolunteerTeamSeed {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  memberCount?: number;
  foundedYear?: number;
}

export interface ServiceItemSeed {
  slug: string;
  category: ServiceCategory;
  titleZh: string;
  titleEn: string;
  conditionsZh: string;
  conditionsEn: string;
  materialsZh: string[];
  materialsEn: string[];
  stepsZh: string[];
  stepsEn: string[];
  timeLimitDays: number | null;
  timeLimitZh: string;
  timeLimitEn: string;
  feeZh: string;
  feeEn: string;
  feeBasisZh: string | null;
  feeBasisEn: string | null;
  locationZh: string;
  locationEn: string;
  hoursZh: string;
  hoursEn: string;
  onlineUrl: string | null;
  appointmentZh: string | null;
  appointmentEn: string | null;
  effectiveFrom: string;
  /** Earlier published versions, oldest first; the item itself is the newest. */
  history?: ServiceItemHistorySeed[];
}

export interface ServiceItemHistorySeed {
  effectiveFrom: string;
  /** The fields that differed in that version. */
  changes: Partial<Omit<ServiceItemSeed, 'slug' | 'category' | 'history' | 'effectiveFrom'>>;
}

export interface EventSeed {
  kind: EventKind;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  locationZh: string;
  locationEn: string;
  /** China Standard Time, `YYYY-MM-DD HH:mm`. */
  startsAt: string;
  endsAt: string;
  /** `nameZh` of one of the station's areas. */
  area?: string;
}

/** A dated exception to a station's opening hours (holiday hours or a closure): demo data, not announced by the station. */
export interface HoursExceptionSeed {
  /** `YYYY-MM-DD`, China time. */
  startsOn: string;
  endsOn: string;
  /** Open these hours (`HH:MM`), or closed all day. */
  hours: { opens: string; closes: string } | 'closed';
  noteZh: string;
  noteEn: string;
}

/** One metric's quarterly values, described by totals the source gives. */
export type MetricSeries =
  | { kind: 'count'; metric: MetricKey; periods: readonly Period[]; decimals?: number }
  /** A total that includes other count series (`parts`) plus a remainder of its own. */
  | { kind: 'sum'; metric: MetricKey; parts: readonly MetricKey[]; periods: readonly Period[] }
  | { kind: 'rate'; metric: MetricKey; min: number; max: number; halfYearly?: boolean }
  | { kind: 'mediation'; metric: 'mediation_received' | 'mediation_success_rate'; room: string };

/** The total of a count over some quarters of one year (all quarters when `quarters` is absent). */
export interface Period {
  year: number;
  quarters?: readonly (1 | 2 | 3 | 4)[];
  total: number;
}

export interface ReportingSeed {
  series: readonly MetricSeries[];
  /** Facts from the article, told in the report of the quarter they belong to. */
  highlights: readonly HighlightSeed[];
  /** Concerns residents raise, with the station's answer; spread over the quarters. */
  priorities: readonly PrioritySeed[];
  /** Reports from this quarter on are still drafts (the station is behind). */
  draftFrom?: YearQuarter;
}

export interface HighlightSeed extends YearQuarter {
  group: 'order' | 'mediation' | 'service' | 'prevention';
  zh: string;
  en: string;
}

export interface PrioritySeed {
  area?: string;
  issueZh: string;
  issueEn: string;
  actionZh: string;
  actionEn: string;
  /** Pin to the quarter and dates the source gives. */
  fixed?: YearQuarter & { raisedOn: string; actionOn: string };
}
