import { MediationCategory, Prisma } from '@openstation/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { LocalizedText, optionalTextOf, textOf } from './localized.ts';
import { assertStationExists } from './station.ts';

export const MediationCategoryEnum = builder.enumType(MediationCategory, {
  name: 'MediationCategory',
  description: 'What a dispute was about.',
});

const StatsPeriod = builder.enumType('MediationStatsPeriod', {
  description: 'The period mediation figures are counted over: a calendar year or a quarter.',
  values: { YEAR: { value: 'YEAR' }, QUARTER: { value: 'QUARTER' } } as const,
});

export const MediationRoom = builder.prismaNode('MediationRoom', {
  description: '调解室 — where disputes are mediated, and how to reach it.',
  id: { field: 'id' },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.field({ type: LocalizedText, resolve: (r) => textOf(r.nameZh, r.nameEn) }),
    description: t.field({ type: LocalizedText, resolve: (r) => textOf(r.descriptionZh, r.descriptionEn) }),
    location: t.field({ type: LocalizedText, resolve: (r) => textOf(r.locationZh, r.locationEn) }),
    phone: t.exposeString('phone', { nullable: true }),
    receptionHours: t.field({
      type: LocalizedText,
      nullable: true,
      description: 'When the room receives residents.',
      resolve: (r) => optionalTextOf(r.openingHoursZh, r.openingHoursEn),
    }),
    openingHours: t.field({
      type: LocalizedText,
      nullable: true,
      deprecationReason: 'Use `receptionHours`: one name means one type across Node types. (Station.openingHours is never null.)',
      resolve: (r) => optionalTextOf(r.openingHoursZh, r.openingHoursEn),
    }),
    foundedYear: t.exposeInt('foundedYear', { nullable: true }),
    station: t.relation('station'),
    leadMediator: t.relation('leadMediator', { nullable: true }),
  }),
});

/** The one edge type of every connection of MediationRoom records. */
export const MediationRoomEdge = builder.edgeObject({ type: MediationRoom, name: 'MediationRoomEdge' });

interface StatRow {
  year: number | null;
  quarter: number | null;
  category: MediationCategory | null;
  received: number;
  closed: number;
  resolved: number;
}

const MediationStatRow = builder.objectRef<StatRow>('MediationStatRow').implement({
  description: 'Disputes received in one period (and category, when grouped by category).',
  fields: (t) => ({
    year: t.exposeInt('year', { nullable: true, description: 'Null in the total.' }),
    quarter: t.exposeInt('quarter', { nullable: true, description: 'Null when grouped by year, and in the total.' }),
    category: t.expose('category', { type: MediationCategoryEnum, nullable: true }),
    received: t.exposeInt('received', { description: 'Disputes received in the period.' }),
    closed: t.exposeInt('closed', { description: 'Of those, mediation concluded (resolved or not).' }),
    resolved: t.exposeInt('resolved', { description: 'Of those, settled by agreement.' }),
    successRate: t.float({
      nullable: true,
      description: 'resolved ÷ closed, from 0 to 1; null when nothing is closed yet.',
      resolve: (r) => (r.closed === 0 ? null : r.resolved / r.closed),
    }),
  }),
});

interface Stats {
  rows: StatRow[];
  total: StatRow;
}

const SUCCESS_RATE_DEFINITION = textOf(
  '调解成功率 = 调解成功（达成协议）件数 ÷ 已办结件数（调解成功 + 调解不成）。统计期按受理日期计；' +
    '转交其他部门处理和尚在调解中的纠纷计入受理数，不计入办结数。',
  'Success rate = disputes settled by agreement ÷ disputes whose mediation has concluded (settled + not settled). ' +
    'Periods are by date received; disputes referred elsewhere or still in mediation count as received, not as concluded.',
);

const MediationStats = builder.objectRef<Stats>('MediationStats').implement({
  description: 'Dispute mediation figures and the definition they follow.',
  fields: (t) => ({
    definition: t.field({ type: LocalizedText, resolve: () => SUCCESS_RATE_DEFINITION }),
    rows: t.field({ type: [MediationStatRow], resolve: (s) => s.rows }),
    total: t.field({ type: MediationStatRow, description: 'All rows added up.', resolve: (s) => s.total }),
  }),
});

interface RawRow {
  year: number;
  quarter: number | null;
  category: MediationCategory | null;
  received: number;
  closed: number;
  resolved: number;
}

builder.queryFields((t) => ({
  mediationStats: t.field({
    type: MediationStats,
    description:
      'Disputes received, concluded and resolved, by year or quarter and optionally by category, ' +
      'for all stations, one station or one mediation room.',
    args: {
      stationSlug: t.arg.string(),
      roomSlug: t.arg.string({ description: 'One mediation room of the station (needs stationSlug).' }),
      fromYear: t.arg.int({ validate: z.number().int().min(2000).max(2100) }),
      toYear: t.arg.int({ validate: z.number().int().min(2000).max(2100) }),
      period: t.arg({ type: StatsPeriod, defaultValue: 'YEAR' }),
      byCategory: t.arg.boolean({ defaultValue: false }),
    },
    validate: z
      .looseObject({ fromYear: z.number().nullish(), toYear: z.number().nullish(), roomSlug: z.string().nullish(), stationSlug: z.string().nullish() })
      .refine((a) => a.fromYear == null || a.toYear == null || a.fromYear <= a.toYear, {
        message: 'fromYear must not be after toYear',
      })
      .refine((a) => a.roomSlug == null || a.stationSlug != null, { message: 'roomSlug needs stationSlug' }),
    resolve: async (_root, args, ctx) => {
      const byQuarter = args.period === 'QUARTER';
      const byCategory = args.byCategory === true;
      const rows = await ctx.prisma.$queryRaw<RawRow[]>(Prisma.sql`
        SELECT extract(year FROM c."receivedOn")::int AS year,
               ${byQuarter ? Prisma.sql`extract(quarter FROM c."receivedOn")::int` : Prisma.sql`NULL::int`} AS quarter,
               ${byCategory ? Prisma.sql`c.category::text` : Prisma.sql`NULL::text`} AS category,
               count(*)::int AS received,
               (count(*) FILTER (WHERE c.status IN ('RESOLVED', 'UNRESOLVED')))::int AS closed,
               (count(*) FILTER (WHERE c.status = 'RESOLVED'))::int AS resolved
        FROM "MediationCase" c
        JOIN "MediationRoom" r ON r.id = c."roomId"
        JOIN "Station" s ON s.id = r."stationId"
        WHERE c."retiredAt" IS NULL
          AND (${args.stationSlug ?? null}::text IS NULL OR s.slug = ${args.stationSlug ?? null})
          AND (${args.roomSlug ?? null}::text IS NULL OR r.slug = ${args.roomSlug ?? null})
          AND (${args.fromYear ?? null}::int IS NULL OR c."receivedOn" >= make_date(${args.fromYear ?? null}::int, 1, 1))
          AND (${args.toYear ?? null}::int IS NULL OR c."receivedOn" < make_date(${args.toYear ?? null}::int + 1, 1, 1))
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3`);
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      const total: StatRow = { year: null, quarter: null, category: null, received: 0, closed: 0, resolved: 0 };
      for (const row of rows) {
        total.received += row.received;
        total.closed += row.closed;
        total.resolved += row.resolved;
      }
      return { rows, total };
    },
  }),
}));
