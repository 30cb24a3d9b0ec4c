import { ServiceCategory } from '@openstation/db';
import { prose, slug, timeLimitDays, webUrl } from '../field-rules.ts';
import { createServiceItemIn, updateServiceItemIn } from '../domain/service-items.ts';
import { choice, date, integer, list, matching, text } from './cells.ts';
import { cellsOf, changes, type CsvKind, localizedCells, type RowPlan, unchanged, writes } from './kind.ts';

const columns = {
  station: matching(slug).required,
  slug: matching(slug).required,
  category: choice(ServiceCategory).required,
  titleZh: text().required,
  titleEn: text().optional,
  conditionsZh: text(prose).required,
  conditionsEn: text(prose).optional,
  materialsZh: list().optional,
  materialsEn: list().optional,
  stepsZh: list().optional,
  stepsEn: list().optional,
  timeLimitDays: integer(timeLimitDays).optional,
  timeLimitZh: text().required,
  timeLimitEn: text().optional,
  feeZh: text().required,
  feeEn: text().optional,
  feeBasisZh: text(prose).optional,
  feeBasisEn: text(prose).optional,
  locationZh: text().required,
  locationEn: text().optional,
  hoursZh: text().required,
  hoursEn: text().optional,
  onlineUrl: matching(webUrl).optional,
  appointmentZh: text(prose).optional,
  appointmentEn: text(prose).optional,
  effectiveFrom: date().required,
};

/**
 * Service items (办事指南); the key is the station and the item's slug. A changed item gets
 * a new version and keeps the previous one in its history, as `updateServiceItem` does.
 */
export const serviceItemsCsv: CsvKind<typeof columns> = {
  name: 'service-items',
  columns,
  pairs: ['title', 'conditions', 'materials', 'steps', 'timeLimit', 'fee', 'feeBasis', 'location', 'hours', 'appointment'],
  key: ({ stationId, values }) => ({ key: `${stationId}\u0000${values.slug}`, column: 'slug' }),

  async plan(tx, rows) {
    const existing = await tx.serviceItem.findMany({ where: { stationId: { in: rows.map((r) => r.stationId) } } });
    const byKey = new Map(existing.map((item) => [`${item.stationId}\u0000${item.slug}`, item]));
    return rows.map(({ row, stationId, values }): RowPlan => {
      const { station: _station, ...fields } = values;
      const data = { ...fields, stationId, materialsZh: fields.materialsZh ?? [], materialsEn: fields.materialsEn ?? [], stepsZh: fields.stepsZh ?? [], stepsEn: fields.stepsEn ?? [] };
      const found = byKey.get(`${stationId}\u0000${values.slug}`);
      const text = (zh: string, en: string | null) => ({ zh, en });
      const input = {
        slug: values.slug,
        category: values.category,
        title: text(values.titleZh, values.titleEn),
        conditions: text(values.conditionsZh, values.conditionsEn),
        materials: { zh: data.materialsZh, en: data.materialsEn },
        steps: { zh: data.stepsZh, en: data.stepsEn },
        timeLimitDays: values.timeLimitDays,
        timeLimit: text(values.timeLimitZh, values.timeLimitEn),
        fee: text(values.feeZh, values.feeEn),
        feeBasis: localizedCells(values.feeBasisZh, values.feeBasisEn),
        location: text(values.locationZh, values.locationEn),
        hours: text(values.hoursZh, values.hoursEn),
        onlineUrl: values.onlineUrl,
        appointment: localizedCells(values.appointmentZh, values.appointmentEn),
        effectiveFrom: values.effectiveFrom,
      };
      if (!found) return writes(row, 'created', (uow) => createServiceItemIn(uow, stationId, input, 'row').then(() => undefined));
      if (found.retiredAt) {
        return { row, issues: [{ row, column: 'slug', code: 'retired', message: `the service item "${found.slug}" has been retired` }] };
      }
      if (!changes(data, found)) return unchanged(row);
      return writes(row, 'updated', (uow) => updateServiceItemIn(uow, found.id, input, 'row').then(() => undefined));
    });
  },

  async exportRows(prisma, stations) {
    const items = await prisma.serviceItem.findMany({
      where: { retiredAt: null, stationId: stations },
      include: { station: { select: { slug: true } } },
      orderBy: [{ stationId: 'asc' }, { id: 'asc' }],
    });
    return items.map((item) => cellsOf(columns, { ...item, station: item.station.slug }));
  },
};
