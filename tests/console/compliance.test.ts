import { describe, expect, it } from 'vitest';
import { reportDeadline, surveyDeadline, needsVerifying } from '../../apps/console/src/lib/compliance.ts';
import { officerPatch, type OfficerForm } from '../../apps/console/src/lib/officer-form.ts';

describe('the compliance clock', () => {
  it('a report on a quarter is due by the end of the next quarter', () => {
    expect(reportDeadline({ year: 2026, quarter: 3 }, '2026-12-02')).toMatchObject({ state: 'ok', period: '2026-Q4', due: '2027-03-31' });
    expect(reportDeadline({ year: 2026, quarter: 2 }, '2026-12-02')).toMatchObject({ state: 'due', period: '2026-Q3', due: '2026-12-31', daysLeft: 29 });
    expect(reportDeadline({ year: 2026, quarter: 1 }, '2026-12-02')).toMatchObject({ state: 'overdue', period: '2026-Q2', due: '2026-09-30' });
    expect(reportDeadline(null, '2026-12-02')).toMatchObject({ state: 'none', period: '2026-Q3' });
    expect(reportDeadline({ year: 2026, quarter: 4 }, '2027-01-01')).toMatchObject({ state: 'ok', period: '2027-Q1', due: '2027-06-30' });
  });

  it('an evaluation is due every half year, by its last day', () => {
    expect(surveyDeadline(['2026-H2', '2026-H1'], '2026-12-02')).toMatchObject({ state: 'ok', period: '2027-H1', due: '2027-06-30' });
    expect(surveyDeadline(['2026-H1'], '2026-12-02')).toMatchObject({ state: 'due', period: '2026-H2', due: '2026-12-31', daysLeft: 29 });
    expect(surveyDeadline(['2025-H2'], '2026-12-02')).toMatchObject({ state: 'overdue', period: '2026-H1', due: '2026-06-30' });
    expect(surveyDeadline([], '2026-03-01')).toMatchObject({ state: 'none', period: '2026-H1', due: '2026-06-30' });
  });

  it('flags contacts never verified or verified more than 90 days ago', () => {
    expect(needsVerifying(null, '2026-12-02')).toBe(true);
    expect(needsVerifying('2026-09-03', '2026-12-02')).toBe(false);
    expect(needsVerifying('2026-09-02', '2026-12-02')).toBe(true);
  });
});

describe('the officer form', () => {
  const current: OfficerForm = { nameZh: '张三', nameEn: 'Zhang San', role: 'COMMUNITY_OFFICER', badgeNumber: 'A1', dutyPhone: '0519-1', hoursZh: '', hoursEn: '', lastVerifiedOn: '2026-01-01' };

  it('sends only what changed, an emptied optional field as null', () => {
    expect(officerPatch(current, current)).toEqual({});
    expect(officerPatch(current, { ...current, dutyPhone: '0519-2' })).toEqual({ dutyPhone: '0519-2' });
    expect(officerPatch(current, { ...current, badgeNumber: '', nameEn: '' })).toEqual({ badgeNumber: null, name: { zh: '张三', en: null } });
    expect(officerPatch(current, { ...current, hoursZh: '周一', lastVerifiedOn: '2026-12-02' })).toEqual({ contactHours: { zh: '周一', en: null }, lastVerifiedOn: '2026-12-02' });
  });
});
