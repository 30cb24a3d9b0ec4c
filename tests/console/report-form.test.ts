import { describe, expect, it } from 'vitest';
import { reportContent, reportFormField, submittedReportForm } from '../../apps/console/src/lib/report-form.ts';
import { nextReportPeriod } from '../../apps/console/src/lib/report-period.ts';
import { portalState } from '../../apps/console/src/lib/report-portal.ts';
import type { CatalogueMetric } from '../../apps/console/src/lib/report-queries.ts';
import { ruleMessage } from '../../apps/console/src/lib/rule-messages.ts';

const text = { zh: '', en: null };
const catalogue: CatalogueMetric[] = ['police_calls', 'criminal_cases', 'mediation_success_rate'].map((key) => ({ key, kind: 'COUNT', name: text, unit: text, definition: text }));

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe('the report form', () => {
  const submitted = submittedReportForm(
    form([
      ['summaryZh', ' 摘要 '],
      ['s0.headingZh', '治安形势'], ['s0.headingEn', ''], ['s0.bodyZh', '正文'], ['s0.bodyEn', ''],
      ['s1.headingZh', ''], ['s1.headingEn', ''], ['s1.bodyZh', ''], ['s1.bodyEn', ''],
      ['m.mediation_success_rate', '98.5'], ['m.police_calls', ''], ['m.criminal_cases', '1,２34'],
      ['p0.issueZh', ''], ['p0.issueEn', ''], ['p0.raisedOn', ''], ['p0.actionZh', ''], ['p0.actionEn', ''], ['p0.actionOn', ''], ['p0.area', ''], ['p0.link', ''],
      ['p1.issueZh', '噪音'], ['p1.issueEn', ''], ['p1.raisedOn', '2026-07-08'], ['p1.actionZh', ''], ['p1.actionEn', ''], ['p1.actionOn', ''], ['p1.area', 'QXJlYTox'], ['p1.link', 'survey:U3Vy:BASIC_MANAGEMENT'],
    ]),
    catalogue,
  );

  it('drops wholly empty rows, keeps the grid’s order, reads figures as typed and sends empty figures as left out', () => {
    expect(submitted.sections).toHaveLength(1);
    expect(submitted.priorities).toHaveLength(1);
    expect([...submitted.metrics.keys()]).toEqual(['mediation_success_rate', 'police_calls', 'criminal_cases']);
    const { content, fieldOfEntry, notNumbers } = reportContent(submitted);
    expect(notNumbers).toEqual([]);
    expect(content.title).toBeNull();
    expect(content.summary).toEqual({ zh: '摘要', en: null });
    expect(content.metrics.map((m) => [m.metricKey, m.value])).toEqual([['mediation_success_rate', 98.5], ['criminal_cases', 1234]]);
    expect(content.priorities[0]).toEqual({ issue: { zh: '噪音', en: null }, raisedOn: '2026-07-08', action: null, actionOn: null, areaId: 'QXJlYTox', surveyCampaignId: 'U3Vy', indicator: 'BASIC_MANAGEMENT', eventId: null });
    // The API names list entries by their position in what was sent.
    expect(reportFormField('content.metrics.1.value', fieldOfEntry)).toBe('m.criminal_cases');
    expect(reportFormField('content.priorities.0.actionOn', fieldOfEntry)).toBe('p0.actionOn');
    expect(reportFormField('content.priorities.0.eventId', fieldOfEntry)).toBe('p0.link');
    expect(reportFormField('content.sections.0.heading.en', fieldOfEntry)).toBe('s0.headingEn');
    expect(reportFormField('quarter', fieldOfEntry)).toBe('period');
    expect(reportFormField('content.metrics.7.value', fieldOfEntry)).toBeNull();
  });

  it('does not send a figure that is not a number', () => {
    const typed = submittedReportForm(form([['summaryZh', 'x'], ['m.police_calls', '十二']]), catalogue);
    expect(reportContent(typed).notNumbers).toEqual(['m.police_calls']);
  });
});

describe('the next report’s quarter', () => {
  it('follows the newest report, draft or published, and opens the day after its quarter ends', () => {
    expect(nextReportPeriod([{ year: 2026, quarter: 1 }, { year: 2026, quarter: 2 }], '2026-12-02')).toEqual({ year: 2026, quarter: 3, opensOn: '2026-10-01', ended: true });
    expect(nextReportPeriod([{ year: 2026, quarter: 3 }], '2026-12-02')).toEqual({ year: 2026, quarter: 4, opensOn: '2027-01-01', ended: false });
    expect(nextReportPeriod([{ year: 2026, quarter: 4 }], '2027-01-01').ended).toBe(false);
    expect(nextReportPeriod([], '2027-01-01')).toEqual({ year: 2026, quarter: 4, opensOn: '2027-01-01', ended: true });
  });
});

describe('whether the portal shows a published report', () => {
  const build = { running: false, pending: false, lastFinishedAt: null, lastSucceededAt: null, lastError: null };
  const at = '2026-12-02T10:00:00.000Z';
  it('only once a build has succeeded after it with nothing running or waiting', () => {
    expect(portalState(null, at)).toEqual({ state: 'off' });
    expect(portalState({ ...build, pending: true, lastSucceededAt: '2026-12-02T10:01:00.000Z' }, at)).toEqual({ state: 'updating' });
    expect(portalState({ ...build, lastSucceededAt: '2026-12-02T09:59:00.000Z' }, at)).toEqual({ state: 'updating' });
    expect(portalState({ ...build, lastSucceededAt: '2026-12-02T10:01:00.000Z' }, at)).toEqual({ state: 'updated', at: '2026-12-02T10:01:00.000Z' });
    expect(portalState({ ...build, lastFinishedAt: '2026-12-02T10:01:00.000Z', lastError: 'Portal build failed' }, at)).toEqual({ state: 'failed', at: '2026-12-02T10:01:00.000Z', reason: 'Portal build failed' });
  });
});

describe('the rules’ wording', () => {
  it('says a refused report figure and an empty required text in the page’s language', () => {
    expect(ruleMessage('zh', { code: 'METRIC_OUT_OF_RANGE', message: 'Out of range' }, '2026-12-02')).toContain('超出该指标允许的范围');
    expect(ruleMessage('zh', { code: 'BAD_USER_INPUT', message: 'must not be empty' }, '2026-12-02')).toBe('此项不能为空。');
    expect(ruleMessage('en', { code: 'SOMETHING_NEW', message: 'Who knows' }, '2026-12-02')).toBe('Not accepted: Who knows');
  });
});
