import { addDays, DEMO_TODAY, daysBetween, quarterEnd, quarterStart, type Quarter } from './calendar.ts';
import type {
  CaseSource,
  CaseStatus,
  MediationCategory,
  ReferralDirection,
  ReferralStatus,
} from '../generated/prisma/enums.ts';
import { createRng, randomWeights, type Rng, splitTotal } from './prng.ts';
import type { PartnerSeed, RoomSeed } from './types.ts';

/** A generated dispute: category, source, dates and outcome only — never a party's name. */
export interface CasePlan {
  reference: string;
  category: MediationCategory;
  source: CaseSource;
  status: CaseStatus;
  receivedOn: string;
  closedOn: string | null;
  /** Slugs of the partner agencies that worked on it. */
  partners: string[];
  referral: ReferralPlan | null;
}

export interface ReferralPlan {
  partner: string;
  direction: ReferralDirection;
  status: ReferralStatus;
  summaryZh: string;
  summaryEn: string;
  createdOn: string;
}

const CATEGORY_TEXT: Readonly<Record<MediationCategory, readonly [string, string]>> = {
  NEIGHBOUR: ['邻里纠纷', 'neighbour dispute'],
  FAMILY: ['婚姻家庭纠纷', 'family dispute'],
  LAND_AND_HOUSING: ['土地房屋纠纷', 'land or housing dispute'],
  LABOUR: ['劳资纠纷', 'wage or labour dispute'],
  CONSUMER: ['消费纠纷', 'consumer dispute'],
  TRAFFIC: ['交通事故赔偿纠纷', 'traffic-accident compensation dispute'],
  TENANCY: ['房屋租赁纠纷', 'tenancy dispute'],
  OTHER: ['其他纠纷', 'other dispute'],
};

/** Days from receipt to closing: most disputes settle the same day or within days. */
function handlingDays(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.45) return 0;
  if (roll < 0.75) return rng.int(1, 3);
  if (roll < 0.93) return rng.int(4, 10);
  return rng.int(11, 30);
}

function receivedDates(rng: Rng, year: number, total: number, today: string): string[] {
  const last = addDays(today, -1);
  const spans = ([1, 2, 3, 4] as const)
    .map((quarter: Quarter) => {
      const from = quarterStart(year, quarter);
      const to = quarterEnd(year, quarter) < last ? quarterEnd(year, quarter) : last;
      return { from, days: from <= to ? daysBetween(from, to) + 1 : 0 };
    })
    .filter((span) => span.days > 0);
  const jitter = randomWeights(rng, spans.length, 0.2);
  const counts = splitTotal(total, spans.map((span, i) => span.days * (jitter[i] ?? 1)));
  return spans
    .flatMap((span, i) => Array.from({ length: counts[i] ?? 0 }, () => addDays(span.from, rng.int(0, span.days - 1))))
    .sort();
}

/**
 * The cases of one mediation room, deterministic for a station and room. Per calendar year
 * exactly `yearly[year].received` cases are received, and of those closed (RESOLVED +
 * UNRESOLVED) at least `successRate` are RESOLVED; a share is REFERRED to a partner, and
 * cases received shortly before `today` are still open.
 */
export function generateCases(
  stationSlug: string,
  room: RoomSeed,
  partners: readonly PartnerSeed[],
  today: string = DEMO_TODAY,
): CasePlan[] {
  const rng = createRng(`cases:${stationSlug}:${room.slug}`);
  const partnerBySlug = new Map(partners.map((partner) => [partner.slug, partner]));
  const partnersFor = (category: MediationCategory): readonly string[] => {
    const listed = room.partnersByCategory[category] ?? [];
    return listed.length > 0 ? listed : partners.slice(0, 1).map((partner) => partner.slug);
  };
  const cases: CasePlan[] = [];

  for (const [yearText, target] of Object.entries(room.yearly)) {
    const year = Number(yearText);
    const dates = receivedDates(rng, year, target.received, today);
    const drafts = dates.map((receivedOn, index) => ({
      reference: `${room.code}-${year}-${String(index + 1).padStart(4, '0')}`,
      category: rng.weighted(room.categories),
      source: rng.weighted(room.sources),
      receivedOn,
      days: handlingDays(rng),
    }));
    const isOpen = (draft: { receivedOn: string; days: number }): boolean => addDays(draft.receivedOn, draft.days) >= today;
    const finished = rng.shuffle(drafts.filter((draft) => !isOpen(draft)));
    const referredCount = Math.min(finished.length, Math.round(target.received * room.referredShare));
    const closedCount = finished.length - referredCount;
    const unresolvedCount = Math.floor(closedCount * (1 - target.successRate));
    const outcome = new Map<string, CaseStatus>();
    finished.forEach((draft, index) => {
      outcome.set(
        draft.reference,
        index < referredCount ? 'REFERRED' : index < referredCount + unresolvedCount ? 'UNRESOLVED' : 'RESOLVED',
      );
    });

    for (const draft of drafts) {
      const status: CaseStatus =
        outcome.get(draft.reference) ?? (daysBetween(draft.receivedOn, today) <= 2 ? 'RECEIVED' : 'IN_PROGRESS');
      const open = status === 'RECEIVED' || status === 'IN_PROGRESS';
      const closedOn = open ? null : addDays(draft.receivedOn, status === 'REFERRED' ? Math.min(draft.days, 2) : draft.days);
      const [categoryZh, categoryEn] = CATEGORY_TEXT[draft.category];
      let caseReferral: ReferralPlan | null = null;
      let casePartners: string[] = [];

      if (status === 'REFERRED') {
        const slug = rng.pick(partnersFor(draft.category));
        const partner = partnerBySlug.get(slug);
        const age = daysBetween(closedOn ?? draft.receivedOn, today);
        casePartners = [slug];
        caseReferral = {
          partner: slug,
          direction: 'POLICE_TO_PARTNER',
          status: age > 45 ? (rng.next() < 0.85 ? 'RESOLVED' : 'RETURNED') : age > 10 ? 'IN_PROGRESS' : 'ACCEPTED',
          summaryZh: `${categoryZh}：超出派出所调解范围，移交${partner?.nameZh ?? '合作单位'}依职能处理并跟踪结果`,
          summaryEn: `${categoryEn}: outside police mediation, handed to ${partner?.nameEn ?? 'a partner agency'} and followed up`,
          createdOn: closedOn ?? draft.receivedOn,
        };
      } else if (draft.source === 'PARTNER_REFERRAL' && rng.next() < 0.5) {
        const slug = rng.pick(partnersFor(draft.category));
        const partner = partnerBySlug.get(slug);
        casePartners = [slug];
        caseReferral = {
          partner: slug,
          direction: 'PARTNER_TO_POLICE',
          status: status === 'RESOLVED' ? 'RESOLVED' : status === 'UNRESOLVED' ? 'RETURNED' : status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'ACCEPTED',
          summaryZh: `${partner?.nameZh ?? '合作单位'}转来${categoryZh}，有激化风险，请派出所联合调处`,
          summaryEn: `${partner?.nameEn ?? 'A partner agency'} passed on a ${categoryEn} at risk of escalating, for joint mediation`,
          createdOn: draft.receivedOn,
        };
      } else if (rng.next() < room.partnerShare) {
        const candidates = partnersFor(draft.category);
        casePartners = rng.shuffle(candidates).slice(0, rng.int(1, Math.min(2, candidates.length)));
      }

      cases.push({
        reference: draft.reference,
        category: draft.category,
        source: draft.source,
        status,
        receivedOn: draft.receivedOn,
        closedOn,
        partners: casePartners,
        referral: caseReferral,
      });
    }
  }
  return cases;
}
