import { describe, expect, it } from 'vitest';
import { caseForm, casePatch, submittedCaseForm } from '../../apps/console/src/lib/case-form.ts';
import { newCampaignForm } from '../../apps/console/src/lib/campaign-form.ts';
import { codesOfCsv, invitationUrl } from '../../apps/console/src/lib/invitation-sheets.ts';
import type { CaseRecord } from '../../apps/console/src/lib/mediation-queries.ts';
import { cellName, emptyGrid, gridResponses } from '../../apps/console/src/lib/paper-entry.ts';
import { meanScore, periodLabel, pointsChange, shareWithInterval } from '../../apps/console/src/lib/survey-format.ts';
import type { QuestionRecord } from '../../apps/console/src/lib/survey-queries.ts';

const question = (position: number, type: QuestionRecord['type'], required = true, options: string[] = []): QuestionRecord => ({
  id: `Q${position}`,
  position,
  indicator: 'OVERALL_SATISFACTION',
  type,
  required,
  text: { zh: `第${position}题`, en: null },
  options: options.length > 0 ? { zh: options, en: null } : null,
});
const questions = [question(1, 'SCALE5'), question(2, 'YES_NO'), question(3, 'SINGLE_CHOICE', false, ['甲', '乙', '丙']), question(4, 'FREE_TEXT', false)];

describe('the paper-entry grid', () => {
  it('reads the printed codes: 1–5 and 0 for "don’t know", 1 yes / 0 no, an option’s number from 1, text as typed; a blank row is skipped', () => {
    const grid = emptyGrid(questions, '2026-11-30');
    grid.cells[0] = ['5', '1', '3', '窗口很好'];
    grid.cells[2] = ['0', '0', '', ''];
    const { responses, rows, problems } = gridResponses({ ...grid, area: 'QXJlYTox' }, questions);
    expect(problems.size).toBe(0);
    expect(rows).toEqual([0, 2]);
    expect(responses).toEqual([
      { channel: 'PAPER', submittedOn: '2026-11-30', areaId: 'QXJlYTox', answers: [{ questionId: 'Q1', value: 5 }, { questionId: 'Q2', value: 1 }, { questionId: 'Q3', choice: 2 }, { questionId: 'Q4', text: '窗口很好' }] },
      { channel: 'PAPER', submittedOn: '2026-11-30', areaId: 'QXJlYTox', answers: [{ questionId: 'Q1', dontKnow: true }, { questionId: 'Q2', value: 0 }] },
    ]);
  });

  it('names each cell that is not a code, and each required question left blank in a filled row', () => {
    const grid = emptyGrid(questions, '2026-11-30');
    grid.cells[1] = ['6', '', '4', ''];
    grid.cells[3] = ['x', '2', '0', ''];
    const { problems } = gridResponses(grid, questions);
    expect(Object.fromEntries(problems)).toEqual({
      [cellName(1, 1)]: 'range',
      [cellName(1, 2)]: 'required',
      [cellName(1, 3)]: 'range',
      [cellName(3, 1)]: 'range',
      [cellName(3, 2)]: 'range',
      [cellName(3, 3)]: 'range',
    });
  });
});

describe('survey figures as staff read them', () => {
  const p = { count: 2, n: 3, share: 2 / 3, low: 0.2077, high: 0.9385 };
  it('shows shares as whole percentages with their interval, never raw decimals', () => {
    expect(shareWithInterval('zh', p)).toBe('67%（21%–94%）');
    expect(shareWithInterval('en', p)).toBe('67% (21%–94%)');
    expect(shareWithInterval('zh', { count: 0, n: 0, share: null, low: null, high: null })).toBe('—');
    expect(meanScore('zh', 4.0666)).toBe('4.1');
    expect(pointsChange('en', -0.034)).toBe('−3 points');
    expect(pointsChange('zh', 0.05)).toBe('+5 个百分点');
  });
  it('names half-years as people say them', () => {
    expect(periodLabel('zh', '2027-H1')).toBe('2027年上半年');
    expect(periodLabel('en', '2026-H2')).toBe('2026 second half (July–December)');
  });
  it('offers the first half-year the station has no survey for', () => {
    expect(newCampaignForm('zhuze', '2026-12-02', [])).toMatchObject({ year: '2026', half: 'H2', opensOn: '2026-12-02', closesOn: '2026-12-29' });
    expect(newCampaignForm('zhuze', '2026-12-02', ['2026-H2'])).toMatchObject({ year: '2027', half: 'H1' });
    expect(newCampaignForm('zhuze', '2026-03-02', ['2026-H1', '2026-H2'])).toMatchObject({ year: '2027', half: 'H1' });
  });
});

describe('invitation sheets', () => {
  it('reads the API’s CSV, area names with commas included, and puts each code in the survey address', () => {
    const csv = 'code,campaign,area\nABCDE-12345,2027-H1,"竹箦集镇社区,东区"\nFGHJK-67890,2027-H1,\n';
    expect(codesOfCsv(csv)).toEqual([{ code: 'ABCDE-12345', area: '竹箦集镇社区,东区' }, { code: 'FGHJK-67890', area: '' }]);
    expect(invitationUrl('https://example.org', 'zhuze', 'ABCDE-12345')).toBe('https://example.org/zhuze/survey/?code=ABCDE-12345');
  });
});

describe('the mediation case form', () => {
  const record: CaseRecord = {
    id: 'TWVkaWF0aW9uQ2FzZTox',
    reference: 'LC-2026-0001',
    category: 'NEIGHBOUR',
    source: 'WALK_IN',
    status: 'IN_PROGRESS',
    receivedOn: '2026-11-20',
    closedOn: null,
    room: { id: 'room', slug: 'lao-chen', name: { zh: '老陈调解室', en: null }, station: { id: 's', slug: 'zhuze', name: { zh: '竹箦派出所', en: null } } },
  };
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ ...caseForm(record), ...fields })) data.set(k, v);
    return data;
  };
  it('closes a case concluded without a date today, and sends only what changed', () => {
    const submitted = submittedCaseForm(form({ status: 'RESOLVED' }), '2026-12-02');
    expect(casePatch(caseForm(record), submitted)).toEqual({ status: 'RESOLVED', closedOn: '2026-12-02' });
  });
  it('clears the closing date of a case reopened', () => {
    const closed = { ...caseForm(record), status: 'UNRESOLVED', closedOn: '2026-11-30' };
    expect(casePatch(closed, submittedCaseForm(form({ status: 'IN_PROGRESS', closedOn: '2026-11-30' }), '2026-12-02'))).toEqual({ status: 'IN_PROGRESS', closedOn: null });
  });
});
