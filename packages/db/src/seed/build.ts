import { generateCases, type CasePlan } from './mediation.ts';
import { buildStaff, type OfficerPlan } from './people.ts';
import { generateReports, type ReportPlan } from './reports.ts';
import type { StationSeed } from './types.ts';

/** A station's typed data plus everything generated from it, ready to be written. */
export interface StationBuild {
  seed: StationSeed;
  staff: OfficerPlan[];
  /** Cases per mediation room slug. */
  cases: Map<string, CasePlan[]>;
  reports: ReportPlan[];
}

export function buildStation(seed: StationSeed): StationBuild {
  const cases = new Map(seed.rooms.map((room) => [room.slug, generateCases(seed.slug, room, seed.partners)]));
  return { seed, staff: buildStaff(seed), cases, reports: generateReports(seed, cases) };
}
