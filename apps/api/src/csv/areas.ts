import { AreaKind } from '@openstation/db';
import { slug } from '../field-rules.ts';
import { choice, integer, matching, text } from './cells.ts';
import { createAreaIn, updateAreaIn } from '../domain/areas.ts';
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
      const input = { kind: values.kind, name: { zh: values.nameZh, en: values.nameEn }, households: values.households, population: values.population, gridCount: values.gridCount };
      if (!found) return writes(row, 'created', (uow) => createAreaIn(uow, stationId, input, 'row').then(() => undefined));
      if (found.retiredAt) {
        return { row, issues: [{ row, column: 'nameZh', code: 'retired', message: `the area "${found.nameZh}" has been retired` }] };
      }
      if (!changes(data, found)) return unchanged(row);
      return writes(row, 'updated', (uow) => updateAreaIn(uow, found.id, input, 'row').then(() => undefined));
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
