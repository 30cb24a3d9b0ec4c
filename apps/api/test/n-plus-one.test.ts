import { describe, expect, it } from 'vitest';
import { gqlOk } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const NESTED = /* GraphQL */ `
  query Nested {
    stations(first: 100) {
      edges {
        node {
          name { text }
          honours { title { text } }
          hoursExceptions(first: 10) { edges { node { startsOn opens closes note { text } } } }
          areas(first: 100) {
            edges {
              node {
                name { text }
                assignments {
                  isPrimary
                  officer {
                    name { text }
                    dutyPhone
                    assignments { area { name { text } } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface NestedResult {
  stations: {
    edges: { node: { areas: { edges: { node: { assignments: { officer: unknown }[] } }[] } } }[];
  };
}

function countAssignments(data: NestedResult): number {
  return data.stations.edges
    .flatMap((s) => s.node.areas.edges)
    .reduce((n, a) => n + a.node.assignments.length, 0);
}

describe('nested queries run a fixed number of SQL statements', () => {
  const t = useTestApi();

  it('station → hours exceptions, areas → assignments → officer → assignments, before and after the data grows', async () => {
    t.db.resetQueries();
    const before = await gqlOk<NestedResult>(t.api, NESTED);
    const statementsBefore = t.db.queries.length;
    expect(countAssignments(before)).toBeGreaterThan(10);
    expect(statementsBefore).toBeLessThanOrEqual(8);

    // Grow the data: a new station with 30 areas, each served by 3 new officers.
    const station = await t.db.prisma.station.create({
      data: {
        slug: 'n-plus-one-probe',
        nameZh: '测试派出所',
        bureauZh: '测试公安局',
        regionZh: '测试',
        addressZh: '测试路1号',
        dutyPhone: '000',
        openingHoursZh: '全天',
        summaryZh: '用于测试',
      },
    });
    for (let a = 0; a < 30; a += 1) {
      const area = await t.db.prisma.area.create({
        data: { stationId: station.id, kind: 'COMMUNITY', nameZh: `测试社区${a}` },
      });
      for (let o = 0; o < 3; o += 1) {
        await t.db.prisma.officer.create({
          data: {
            stationId: station.id,
            role: o === 0 ? 'COMMUNITY_OFFICER' : 'AUXILIARY_OFFICER',
            nameZh: `测试警员${a}-${o}`,
            isDemo: true,
            assignments: { create: { areaId: area.id, since: new Date('2026-01-01'), isPrimary: o === 0 } },
          },
        });
      }
    }
    // …and holiday hours on three days to come.
    const soon = (days: number) => new Date(Date.parse(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`) + days * 86_400_000);
    await t.db.prisma.stationHoursException.createMany({
      data: [10, 20, 30].map((d) => ({ stationId: station.id, startsOn: soon(d), endsOn: soon(d), opens: '09:00', closes: '12:00', noteZh: '节假日服务' })),
    });

    t.db.resetQueries();
    const after = await gqlOk<NestedResult>(t.api, NESTED);
    expect(countAssignments(after)).toBe(countAssignments(before) + 90);
    expect(t.db.queries.length).toBe(statementsBefore);
  });

  it('a station page (station → honours, areas → assignments → officer) is one SQL statement: every nested field reads what that statement loaded', async () => {
    // Pothos plans the relations of a query into one statement and then, field by field, looks
    // up what it loaded; a look-up that misses falls back to a query of its own (batched, so the
    // count above would not grow with the data — but it would not be one).
    const STATION_PAGE = /* GraphQL */ `
      query StationPage($slug: String!) {
        station(slug: $slug) {
          name { text }
          dutyPhone
          honours { title { text } year }
          areas(first: 20) { edges { node { name { text } kind assignments { isPrimary officer { name { text } dutyPhone role contactHours { text } } } } } }
        }
      }
    `;
    t.db.resetQueries();
    const data = await gqlOk<{ station: { areas: { edges: { node: { assignments: { officer: { name: { text: string } } }[] } }[] } } }>(t.api, STATION_PAGE, { slug: 'zhuze' });
    expect(data.station.areas.edges.flatMap((e) => e.node.assignments).length).toBeGreaterThan(0);
    expect(t.db.queries).toHaveLength(1);
  });

  it('quarterly reports with year-on-year comparisons batch their look-ups', async () => {
    const query = /* GraphQL */ `
      query Reports($first: Int!) {
        workReports(first: $first) {
          edges { node { period metrics { value sameQuarterLastYear changePercent metric { key } } } }
        }
      }
    `;
    t.db.resetQueries();
    await gqlOk(t.api, query, { first: 5 });
    const few = t.db.queries.length;
    t.db.resetQueries();
    await gqlOk(t.api, query, { first: 40 });
    expect(t.db.queries.length).toBe(few);
  });
});
