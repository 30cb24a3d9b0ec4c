import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedCodes } from '../support/error-docs.ts';
import { en } from '../../apps/console/src/i18n/en.ts';
import { zh } from '../../apps/console/src/i18n/zh.ts';
import { csvIssueMessage } from '../../apps/console/src/lib/csv-report.ts';
import { inputDetail, ruleMessage } from '../../apps/console/src/lib/rule-messages.ts';

const csvPage = readFileSync(new URL('../../docs/csv.md', import.meta.url), 'utf8');

/** Every code a table row of docs/errors.md or docs/content-rules.md documents (first column). */
const documented = [...documentedCodes()];

/**
 * Codes no console form can receive, and why: the console sends well-formed JSON requests of its
 * own fixed documents with a session (never a key), and /ready's states are not GraphQL errors.
 */
const NOT_FROM_A_FORM: Record<string, string> = {
  CSRF_HEADER_REQUIRED: 'the console sends JSON with the session token',
  GRAPHQL_PARSE_FAILED: 'the console’s documents are fixed and parsed at build time',
  GRAPHQL_VALIDATION_FAILED: 'the console’s documents are fixed and checked by astro check against the schema',
  OPERATION_RESOLUTION_FAILURE: 'each console document holds one named operation',
  BAD_REQUEST: 'the console always sends a GraphQL POST',
  PERSISTED_OPERATION_REQUIRED: 'API keys only',
  PERSISTED_OPERATION_NOT_FOUND: 'API keys only',
  FORM_TOKEN_REQUIRED: 'residents’ survey forms only: the console enters paper answers with enterSurveyResponses',
  FORM_TOKEN_INVALID: 'residents’ survey forms only',
  FORM_TOKEN_USED: 'residents’ survey forms only',
  FORM_TOKEN_NOT_NEEDED: 'residents’ survey forms only',
  DATABASE_UNAVAILABLE: '/ready, not a GraphQL error',
  MIGRATIONS_PENDING: '/ready, not a GraphQL error',
};

const today = '2026-12-02';

describe('the console’s wording of the API’s error codes', () => {
  it('finds the codes in docs/errors.md and docs/content-rules.md, and every code it sets aside is documented', () => {
    expect(documented.length).toBeGreaterThan(50);
    for (const code of Object.keys(NOT_FROM_A_FORM)) expect(documented, code).toContain(code);
  });

  it('says every documented code a console form can receive in Chinese and in English, not in the API’s words', () => {
    const missing: string[] = [];
    for (const code of documented.filter((c) => !(c in NOT_FROM_A_FORM))) {
      const problem = { code, message: 'the API’s own English message', field: 'input.x' };
      const zhText = ruleMessage('zh', problem, today);
      const enText = ruleMessage('en', problem, today);
      const fallback = { zh: ruleMessage('zh', { ...problem, code: 'NO_SUCH_CODE' }, today), en: ruleMessage('en', { ...problem, code: 'NO_SUCH_CODE' }, today) };
      if (zhText === fallback.zh || !/[\u4e00-\u9fff]/.test(zhText) || enText === fallback.en) missing.push(code);
      if (code !== 'BAD_USER_INPUT' && code !== 'OPERATION_DOCUMENT_INVALID') expect(zhText, code).not.toContain('the API’s own English message');
    }
    expect(missing).toEqual([]);
  });

  it('gives every key in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('translates the field rules’ own words, named fields included, and keeps words it does not know', () => {
    expect(inputDetail('zh', 'dutyPhone: digits, spaces and + - ( ) only')).toBe('只能用数字、空格和 + - ( )');
    expect(inputDetail('zh', 'must not be empty')).toBe('不能为空');
    expect(inputDetail('zh', 'an email address')).toBe('应为电子邮箱地址');
    expect(inputDetail('zh', 'something new')).toBe('something new');
    expect(ruleMessage('zh', { code: 'BAD_USER_INPUT', message: 'is at most 200 characters', field: 'input.name' }, today)).toBe('填写有误：最多 200 个字符');
    expect(ruleMessage('zh', { code: 'DATE_IN_FUTURE', message: 'x', field: null }, today)).toBe('日期不能晚于今天（2026-12-02）。');
  });

  it('says every CSV issue code of docs/csv.md in Chinese', () => {
    const section = csvPage.slice(csvPage.indexOf('## Issue codes'));
    const codes = [...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1] ?? '').filter((c) => c.length > 2);
    expect(codes).toContain('station_not_yours');
    for (const code of new Set(codes)) {
      const text = csvIssueMessage('zh', { row: 2, column: 'nameZh', code, message: 'English' }, today);
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, code).not.toContain('未被接受');
    }
    expect(csvIssueMessage('zh', { row: 3, column: 'dutyPhone', code: 'invalid', message: 'dutyPhone: digits, spaces and + - ( ) only' }, today)).toBe('填写的值不符合要求：只能用数字、空格和 + - ( )');
    expect(csvIssueMessage('zh', { row: 3, column: 'lastVerifiedOn', code: 'DATE_IN_FUTURE', message: 'x' }, today)).toContain('不能晚于今天');
  });
});
