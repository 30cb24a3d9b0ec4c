import { AreaKind } from '@openstation/db';
import { slug } from '../field-rules.ts';
import { choice, integer, matching, text } from './cells.ts';
import { cellsOf, changes, type CsvKind, type RowPlan, unchanged, writes } from './kind.ts';

const columns = {
  station: matching(slug).required,
  nameZh: text().required,
  nameEn: text().optional,
  kind: choice(AreaKind).required,
  households: integer().optional,
  population: integer().optional,
  gridCount: integer().optional,
};

/** Police areas; the key is the station and the Chinese name. */
export const areasCsv: CsvKind<typeof columns> = {
  name: 'areas',
  columns,
  pairs: ['name'],
  key: ({ stationId, values }) => ({ key: `${stationId}\u0000${values.nameZh}`, column: 'nameZh' }),

  async plan(tx, rows) {
    const existing = await tx.area.findMany({ where: { stationId: { in: rows.map((r) => r.stationId) } } });
    const byKey = new Map(existing.map((area) => [`${area.stationId}\u0000${area.nameZh}`, area]));
    return rows.map(({ row, stationId, values }): RowPlan => {
      const { station: _station, ...fields } = values;
      const data = { stationId, ...fields };
      const found = byKey.get(`${stationId}\u0000${values.nameZh}`);
      if (!found) {
        return writes(row, 'created', async (t, audit) => {
          const after = await t.area.create({ data });
          await audit({ action: 'area.create', entityType: 'Area', entityId: after.id, before: null, after });
        });
      }
      if (found.retiredAt) {
        return { row, issues: [{ row, column: 'nameZh', code: 'retired', message: `the area "${found.nameZh}" has been retired` }] };
      }
      if (!changes(data, found)) return unchanged(row);
      return writes(row, 'updated', async (t, audit) => {
        const after = await t.area.update({ where: { id: found.id }, data });
        await audit({ action: 'area.update', entityType: 'Area', entityId: found.id, before: found, after });
      });
    });
  },

  async exportRows(prisma, stations) {
    const areas = await prisma.area.findMany({
      where: { retiredAt: null, stationId: stations },
      include: { station: { select: { slug: true } } },
      orderBy: [{ stationId: 'asc' }, { id: 'asc' }],
    });
    return areas.map((area) => cellsOf(columns, { ...area, station: area.station.slug }));
  },
};
