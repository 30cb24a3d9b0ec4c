import { OfficerRole, type Prisma } from '@openstation/db';
import { z } from 'zod';
import { badgeNumber, line, phone, slug, webUrl } from '../field-rules.ts';
import { choice, date, matching, text } from './cells.ts';
import { assignOfficerIn, createOfficerIn, unassignOfficerIn, updateAssignmentIn, updateOfficerIn } from '../domain/officers.ts';
import type { UnitOfWork } from '../domain/unit-of-work.ts';
import { cellsOf, changes, type CsvKind, localizedCells, type RowPlan, unchanged, writes } from './kind.ts';
import type { Issue } from './issues.ts';

interface AreaRef {
  name: string;
  since: Date | null;
}

/** Areas served, one per line: the area's Chinese name, optionally `@YYYY-MM-DD` (since when). */
const areaRefs = {
  required: false as const,
  rule: z.string().transform((cell, ctx): AreaRef[] => {
    const refs: AreaRef[] = [];
    for (const entry of cell.split(/\r?\n/).map((item) => item.trim()).filter((item) => item !== '')) {
      const [, rawName = '', since] = /^(.*?)\s*(?:@\s*(\S*))?$/.exec(entry) ?? [];
      const name = line.safeParse(rawName);
      const day = since === undefined ? null : z.iso.date().safeParse(since);
      if (!name.success || (day !== null && !day.success)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an area name optionally followed by @YYYY-MM-DD` });
        return z.NEVER;
      }
      refs.push({ name: name.data, since: day?.success ? new Date(`${day.data}T00:00:00Z`) : null });
    }
    return refs;
  }),
  format: (refs: AreaRef[]) => refs.map((ref) => (ref.since ? `${ref.name}@${ref.since.toISOString().slice(0, 10)}` : ref.name)).join('\n'),
};

const columns = {
  station: matching(slug).required,
  badgeNumber: matching(badgeNumber).optional,
  nameZh: text().required,
  nameEn: text().optional,
  role: choice(OfficerRole).required,
  dutyPhone: matching(phone).optional,
  photoUrl: matching(webUrl).optional,
  contactHoursZh: text().optional,
  contactHoursEn: text().optional,
  lastVerifiedOn: date().optional,
  primaryAreas: areaRefs,
  supportAreas: areaRefs,
};

type OfficerWithAssignments = Prisma.OfficerGetPayload<{ include: { assignments: true } }>;
type Assignment = OfficerWithAssignments['assignments'][number];

const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

/** The assignments a row asks for, by area id, or the names it gets wrong. */
function wantedAssignments(
  row: number,
  values: { primaryAreas: AreaRef[] | null; supportAreas: AreaRef[] | null },
  areaIds: Map<string, number>,
): { wanted: Map<number, { isPrimary: boolean; since: Date | null }>; issues: Issue[] } {
  const wanted = new Map<number, { isPrimary: boolean; since: Date | null }>();
  const issues: Issue[] = [];
  for (const [column, isPrimary] of [['primaryAreas', true], ['supportAreas', false]] as const) {
    for (const ref of values[column] ?? []) {
      const areaId = areaIds.get(ref.name);
      if (areaId === undefined) {
        issues.push({ row, column, code: 'unknown_area', message: `the station has no active area named "${ref.name}"` });
      } else if (wanted.has(areaId)) {
        issues.push({ row, column, code: 'invalid', message: `the area "${ref.name}" is listed more than once` });
      } else {
        wanted.set(areaId, { isPrimary, since: ref.since });
      }
    }
  }
  return { wanted, issues };
}

/** The writes that make the officer's assignments (to active areas) match `wanted`: none when they do. */
function assignmentWrites(current: Assignment[], wanted: Map<number, { isPrimary: boolean; since: Date | null }>) {
  const writes: ((uow: UnitOfWork, officerId: number) => Promise<void>)[] = [];
  const byArea = new Map(current.map((a) => [a.areaId, a]));
  // Ends and demotions first, so that a primary officer can change hands within one file.
  for (const found of current) {
    if (wanted.has(found.areaId)) continue;
    writes.push((uow, officerId) => unassignOfficerIn(uow, { officerId, areaId: found.areaId }));
  }
  for (const [areaId, want] of wanted) {
    const found = byArea.get(areaId);
    if (!found) {
      writes.push(async (uow, officerId) => {
        await assignOfficerIn(uow, { officerId, areaId, isPrimary: want.isPrimary, since: want.since ?? today() }, 'row');
      });
    } else if (changes({ isPrimary: want.isPrimary, since: want.since ?? found.since }, found)) {
      writes.push(async (uow, officerId) => {
        await updateAssignmentIn(uow, { officerId, areaId }, { isPrimary: want.isPrimary, since: want.since ?? found.since }, 'row');
      });
    }
  }
  return writes;
}

/**
 * Officers and the areas they serve; the key is the station and the badge number, or for
 * people without one (grid workers, mediators) the Chinese name and role.
 */
export const officersCsv: CsvKind<typeof columns> = {
  name: 'officers',
  columns,
  pairs: ['name', 'contactHours'],
  key: ({ stationId, values }) =>
    values.badgeNumber !== null
      ? { key: `${stationId}\u0000badge\u0000${values.badgeNumber}`, column: 'badgeNumber' }
      : { key: `${stationId}\u0000name\u0000${values.nameZh}\u0000${values.role}`, column: 'nameZh' },

  async plan(tx, rows) {
    const stationIds = [...new Set(rows.map((r) => r.stationId))];
    const officers = await tx.officer.findMany({
      where: { stationId: { in: stationIds } },
      include: { assignments: { where: { area: { retiredAt: null } } } },
    });
    const areas = await tx.area.findMany({ where: { stationId: { in: stationIds }, retiredAt: null }, select: { id: true, stationId: true, nameZh: true } });
    return rows.map(({ row, stationId, values }): RowPlan => {
      const areaIds = new Map(areas.filter((a) => a.stationId === stationId).map((a) => [a.nameZh, a.id]));
      const { wanted, issues } = wantedAssignments(row, values, areaIds);
      const matches = officers.filter((o) =>
        o.stationId === stationId &&
        (values.badgeNumber !== null ? o.badgeNumber === values.badgeNumber : o.badgeNumber === null && o.nameZh === values.nameZh && o.role === values.role),
      );
      const keyColumn = values.badgeNumber !== null ? 'badgeNumber' : 'nameZh';
      if (matches.length > 1) {
        issues.push({ row, column: keyColumn, code: 'ambiguous_key', message: `${matches.length} officers of the station have this ${values.badgeNumber !== null ? 'badge number' : 'name and role'}` });
      }
      const found = matches.length === 1 ? matches[0] : undefined;
      if (found?.retiredAt) issues.push({ row, column: keyColumn, code: 'retired', message: `the officer "${found.nameZh}" has been retired` });
      if (issues.length > 0) return { row, issues };

      const data = {
        stationId,
        role: values.role,
        nameZh: values.nameZh,
        nameEn: values.nameEn,
        badgeNumber: values.badgeNumber,
        photoUrl: values.photoUrl,
        dutyPhone: values.dutyPhone,
        contactHoursZh: values.contactHoursZh,
        contactHoursEn: values.contactHoursEn,
        lastVerifiedOn: values.lastVerifiedOn,
      };
      const assignments = assignmentWrites(found?.assignments ?? [], wanted);
      const input = {
        role: values.role,
        name: { zh: values.nameZh, en: values.nameEn },
        badgeNumber: values.badgeNumber,
        photoUrl: values.photoUrl,
        dutyPhone: values.dutyPhone,
        contactHours: localizedCells(values.contactHoursZh, values.contactHoursEn),
        lastVerifiedOn: values.lastVerifiedOn,
      };
      if (!found) {
        return writes(row, 'created', async (uow) => {
          const after = await createOfficerIn(uow, stationId, input, 'row');
          for (const write of assignments) await write(uow, after.id);
        });
      }
      const { assignments: _current, ...before } = found;
      const officerChanges = changes(data, before);
      if (!officerChanges && assignments.length === 0) return unchanged(row);
      return writes(row, 'updated', async (uow) => {
        if (officerChanges) await updateOfficerIn(uow, found.id, input, 'row');
        for (const write of assignments) await write(uow, found.id);
      });
    });
  },

  async exportRows(prisma, stations) {
    const officers = await prisma.officer.findMany({
      where: { retiredAt: null, stationId: stations },
      include: {
        station: { select: { slug: true } },
        assignments: { where: { area: { retiredAt: null } }, include: { area: { select: { nameZh: true } } }, orderBy: { id: 'asc' } },
      },
      orderBy: [{ stationId: 'asc' }, { id: 'asc' }],
    });
    return officers.map((officer) => {
      const refs = (isPrimary: boolean) =>
        officer.assignments.filter((a) => a.isPrimary === isPrimary).map((a) => ({ name: a.area.nameZh, since: a.since }));
      return cellsOf(columns, { ...officer, station: officer.station.slug, primaryAreas: refs(true), supportAreas: refs(false) });
    });
  },
};
