import type { Prisma, PrismaClient, SurveyChannel } from '@openstation/db';
import type { AnswerRow } from '../survey/answers.ts';

/**
 * Storing survey responses: any number of them in one SQL statement (atomic by itself, so
 * nothing is ever half-written), and the group commit that lets concurrent web submissions
 * share a statement.
 */

/** One response to store, already checked by the domain. */
export interface ResponseRow {
  campaignId: number;
  areaId: number | null;
  channel: SurveyChannel;
  /** `YYYY-MM-DD` (China date). */
  submittedOn: string;
  /** sha256 of the invitation code to claim (CODE campaigns): stored only if this claims it. */
  codeHash: string | null;
  /** A form token's nonce to spend (OPEN campaigns), with the day after which it is void. */
  token: { nonce: string; expiresOn: string } | null;
  answers: readonly AnswerRow[];
}

/**
 * What became of a row: `stored`; `refused` — its campaign no longer takes answers on its
 * day, or its web submission's area is not a current area of the campaign's station (the
 * caller reads again to say which); or `unclaimed` — its code was not claimed (used,
 * unknown, or claimed by an earlier row of the same statement) or its token was already spent.
 */
export type RowOutcome = 'stored' | 'refused' | 'unclaimed';

/**
 * The statement. `input` is one row per response; `valid` keeps those whose campaign is
 * published and open on their day and whose area (web submissions) is a current area of its
 * station, and ranks rows sharing a code or a nonce. A code is claimed by a conditional
 * update and a nonce spent by an insert that does nothing if it is there already; a row with
 * a code or a nonce is stored only if its claim or spend happened, and only the first of rows
 * sharing one can (a later one is `unclaimed`). Response ids are drawn first (`nextval`, in a
 * CTE evaluated once) so that each row's answers join its response. Expired nonces are
 * cleared on the way. Data-modifying CTEs run whether or not the final SELECT reads them. No column of a response refers to its code or nonce.
 */
const STORE = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
    WITH ORDINALITY AS s("campaignId", "areaId", "channel", "submittedOn", "codeHash", "nonce", "expiresOn", "i")
), valid AS (
  SELECT s.*,
    row_number() OVER (PARTITION BY s."codeHash" ORDER BY s."i") AS "codeRank",
    row_number() OVER (PARTITION BY s."nonce" ORDER BY s."i") AS "nonceRank"
  FROM input s JOIN "SurveyCampaign" c ON c."id" = s."campaignId"
  WHERE c."status" = 'PUBLISHED' AND s."submittedOn"::date BETWEEN c."opensOn" AND c."closesOn"
    AND (s."areaId" IS NULL OR s."channel" <> 'WEB' OR EXISTS (
      SELECT 1 FROM "Area" a WHERE a."id" = s."areaId" AND a."stationId" = c."stationId" AND a."retiredAt" IS NULL))
), spend AS (
  INSERT INTO "SpentSurveyFormToken" ("nonce", "campaignId", "expiresOn")
  SELECT v."nonce", v."campaignId", v."expiresOn"::date FROM valid v WHERE v."nonce" IS NOT NULL AND v."nonceRank" = 1
  ON CONFLICT DO NOTHING
  RETURNING "nonce"
), purge AS (
  DELETE FROM "SpentSurveyFormToken" WHERE EXISTS (SELECT 1 FROM spend) AND "expiresOn" < $14::date - 1
), claim AS (
  UPDATE "InvitationCode" ic SET "used" = true
  FROM valid v
  WHERE v."codeHash" IS NOT NULL AND v."nonce" IS NULL AND v."codeRank" = 1
    AND ic."codeHash" = v."codeHash" AND ic."campaignId" = v."campaignId" AND ic."used" = false
  RETURNING v."i", ic."areaId"
), stored AS (
  SELECT v."i", v."campaignId", COALESCE(v."areaId", claim."areaId") AS "areaId", v."channel", v."submittedOn",
    nextval(pg_get_serial_sequence('"SurveyResponse"', 'id'))::int AS "id"
  FROM valid v LEFT JOIN claim ON claim."i" = v."i"
  WHERE (v."codeHash" IS NULL OR claim."i" IS NOT NULL)
    AND (v."nonce" IS NULL OR (v."nonceRank" = 1 AND v."nonce" IN (SELECT "nonce" FROM spend)))
), response AS (
  INSERT INTO "SurveyResponse" ("id", "campaignId", "areaId", "channel", "submittedOn")
  SELECT "id", "campaignId", "areaId", "channel"::"SurveyChannel", "submittedOn"::date FROM stored
), answers AS (
  INSERT INTO "SurveyAnswer" ("responseId", "questionId", "value", "dontKnow", "choice", "text")
  SELECT stored."id", a.q, a.v, a.d, a.c, a.t
  FROM unnest($8::int[], $9::int[], $10::int[], $11::bool[], $12::int[], $13::text[]) AS a(i, q, v, d, c, t)
  JOIN stored ON stored."i" = a.i
)
SELECT s."i"::int AS "i", (v."i" IS NOT NULL) AS "valid", (st."i" IS NOT NULL) AS "stored"
FROM input s LEFT JOIN valid v ON v."i" = s."i" LEFT JOIN stored st ON st."i" = s."i"`;

/**
 * Stores `rows` in one statement (through `db`, a transaction's client or the pool) and says
 * what became of each, in order. Rows sharing a code or a nonce: only the first can be stored.
 */
export async function storeResponses(db: Prisma.TransactionClient | PrismaClient, rows: readonly ResponseRow[], today: string): Promise<RowOutcome[]> {
  if (rows.length === 0) return [];
  const answers = rows.flatMap((row, index) => row.answers.map((answer) => ({ i: index + 1, ...answer })));
  const result = await db.$queryRawUnsafe<Array<{ i: number; valid: boolean; stored: boolean }>>(
    STORE,
    rows.map((r) => r.campaignId),
    rows.map((r) => r.areaId),
    rows.map((r) => r.channel),
    rows.map((r) => r.submittedOn),
    rows.map((r) => r.codeHash),
    rows.map((r) => r.token?.nonce ?? null),
    rows.map((r) => r.token?.expiresOn ?? null),
    answers.map((a) => a.i),
    answers.map((a) => a.questionId),
    answers.map((a) => a.value),
    answers.map((a) => a.dontKnow),
    answers.map((a) => a.choice),
    answers.map((a) => a.text),
    today,
  );
  const outcomes = new Array<RowOutcome>(rows.length);
  for (const r of result) outcomes[Number(r.i) - 1] = r.stored ? 'stored' : r.valid ? 'unclaimed' : 'refused';
  return outcomes;
}
