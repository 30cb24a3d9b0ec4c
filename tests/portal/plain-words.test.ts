import { describe, expect, inject, it } from 'vitest';

const origin = inject('portalOrigin');

/** The visible text of a built page (tags, scripts and styles removed). */
async function textOf(path: string): Promise<string> {
  const response = await fetch(`${origin}${path}`);
  expect(response.status, `${path} answers 200`).toBe(200);
  const html = await response.text();
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ');
}

const chinesePages = ['/zhuze/', '/qianling/', '/qiandeng/officers/', '/qianling/reports/', '/qianling/reports/2024-q1/', '/zhuze/mediation/', '/zhuze/survey/', '/zhuze/survey/results/', '/zhuze/services/residence-permit/', '/open-data/stations/'];

describe('plain words', () => {
  it.each(chinesePages)('%s: Chinese punctuation, quarters in Chinese numerals, half-years in words', async (path) => {
    const text = await textOf(path);
    expect(text.match(/[\u4e00-\u9fff]\s?[:(]|[:)]\s?[\u4e00-\u9fff]/g) ?? [], 'ASCII colons or brackets beside Chinese').toEqual([]);
    expect(text.match(/第\d季度/g) ?? [], 'quarters as 第三季度, as the reports title them').toEqual([]);
    expect(text.match(/\b\d{4}-H[12]\b|\bn = \d/g) ?? [], 'no 2026-H1 or n = …').toEqual([]);
  });

  it('names the survey periods as half-years and explains the interval in one sentence', async () => {
    const text = await textOf('/zhuze/survey/results/');
    expect(text).toMatch(/\d{4}年[上下]半年/);
    expect(text).toContain('满意的比例有95%的把握落在这个范围内');
    const en = await textOf('/en/zhuze/survey/results/');
    expect(en).toMatch(/(January–June|July–December) \d{4}/);
    expect(en).not.toMatch(/\d{4}-H[12]/);
  });

  it('counts money in yuan in English (not "3 10,000 yuan")', async () => {
    const text = await textOf('/en/qianling/reports/2025-q2/');
    expect(text).not.toContain('10,000 yuan');
    expect(text).toMatch(/Losses recovered for residents: [\d,]+0,000 yuan/);
  });

  it('a service states its time limit once, in its own words (no "working days" added to a calendar-day limit)', async () => {
    const text = await textOf('/zhuze/services/residence-permit/');
    expect(text).toContain('15日内');
    expect(text).not.toContain('个工作日');
  });
});
