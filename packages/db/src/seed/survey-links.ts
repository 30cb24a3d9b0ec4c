import type { Prisma, SurveyIndicator } from '../generated/prisma/client.ts';

type Db = Prisma.TransactionClient;

/**
 * "You said, we did" in the demo: priorities of the seeded reports that answer a survey
 * result, linked as an editor links them in the console. Each is a concern from the source
 * articles raised after the survey closed, tied to the indicator it is about: Zhuze's 2026-H1
 * evaluation rated basic management (基础管理) among its three lowest, and the unlit village roads
 * (the burglary worry) are what its 2026 Q3 report answers.
 */
const LINKS: ReadonlyArray<{ station: string; period: string; indicator: SurveyIndicator; issueZh: string }> = [
  { station: 'zhuze', period: '2026-H1', indicator: 'BASIC_MANAGEMENT', issueZh: '村道夜间照明不足，村民担心入室盗窃' },
];

/** Links each of {@link LINKS} to its survey; throws when the seed no longer has the priority (so the demo never loses it silently). */
export async function linkDemoPriorities(db: Db): Promise<void> {
  for (const link of LINKS) {
    const linked = await db.$executeRaw`
      UPDATE "ReportPriority" p SET "surveyCampaignId" = c."id", "indicator" = ${link.indicator}::"SurveyIndicator"
      FROM "WorkReport" r, "Station" s, "SurveyCampaign" c
      WHERE p."reportId" = r."id" AND r."stationId" = s."id" AND s."slug" = ${link.station}
        AND c."stationId" = s."id" AND c."period" = ${link.period} AND p."raisedOn" > c."closesOn" AND p."issueZh" = ${link.issueZh}`;
    if (linked === 0) throw new Error(`seed: no priority "${link.issueZh}" of ${link.station} raised after its ${link.period} survey`);
  }
}
