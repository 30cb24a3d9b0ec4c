import type { SurveyQuestionType } from '@openstation/db';
import { ClientError } from '../errors.ts';

/** Longest free-text answer, in characters. */
export const MAX_TEXT_LENGTH = 1000;

export interface QuestionRule {
  id: number;
  type: SurveyQuestionType;
  required: boolean;
  /** Number of options of a SINGLE_CHOICE question. */
  options: number;
}

export interface AnswerInput {
  questionId: number;
  value?: number | null;
  dontKnow?: boolean | null;
  choice?: number | null;
  text?: string | null;
}

/** An answer as stored: nothing but the question and what was chosen or written. */
export interface AnswerRow {
  questionId: number;
  value: number | null;
  dontKnow: boolean;
  choice: number | null;
  text: string | null;
}

function refuse(code: string, message: string, questionId: number): never {
  throw new ClientError(code, message, { questionId });
}

function answerRow(question: QuestionRule, answer: AnswerInput): AnswerRow | null {
  const { id } = question;
  const value = answer.value ?? null;
  const choice = answer.choice ?? null;
  const text = answer.text?.trim() || null;
  const dontKnow = answer.dontKnow === true;
  const given = [value !== null, choice !== null, text !== null, dontKnow].filter(Boolean).length;
  if (given === 0) return null;
  if (given > 1) refuse('ANSWER_INVALID', 'Give one of value, dontKnow, choice or text for each answer.', id);
  const row: AnswerRow = { questionId: id, value: null, dontKnow: false, choice: null, text: null };
  switch (question.type) {
    case 'SCALE5':
      if (dontKnow) return { ...row, dontKnow: true };
      if (value === null) refuse('ANSWER_INVALID', 'A scale question takes `value` (1–5) or `dontKnow: true`.', id);
      if (!Number.isInteger(value) || value < 1 || value > 5) refuse('ANSWER_OUT_OF_RANGE', 'A scale answer is a whole number from 1 to 5.', id);
      return { ...row, value };
    case 'YES_NO':
      if (value === null) refuse('ANSWER_INVALID', 'A yes/no question takes `value`: 1 for yes, 0 for no.', id);
      if (value !== 0 && value !== 1) refuse('ANSWER_OUT_OF_RANGE', 'A yes/no answer is 1 (yes) or 0 (no).', id);
      return { ...row, value };
    case 'SINGLE_CHOICE':
      if (choice === null) refuse('ANSWER_INVALID', 'A single-choice question takes `choice`, the 0-based index of an option.', id);
      if (!Number.isInteger(choice) || choice < 0 || choice >= question.options) {
        refuse('ANSWER_OUT_OF_RANGE', `The choice must be an option index from 0 to ${question.options - 1}.`, id);
      }
      return { ...row, choice };
    case 'FREE_TEXT':
      if (text === null) refuse('ANSWER_INVALID', 'A free-text question takes `text`.', id);
      if (text.length > MAX_TEXT_LENGTH) refuse('ANSWER_TEXT_TOO_LONG', `A text answer has at most ${MAX_TEXT_LENGTH} characters.`, id);
      return { ...row, text };
  }
}

/**
 * Checks every answer against its question and returns the rows to store, or throws the
 * first problem as a documented client error: ANSWER_UNKNOWN_QUESTION, ANSWER_DUPLICATE_QUESTION,
 * ANSWER_INVALID, ANSWER_OUT_OF_RANGE, ANSWER_TEXT_TOO_LONG, ANSWER_MISSING_REQUIRED.
 */
export function validateAnswers(questions: readonly QuestionRule[], answers: readonly AnswerInput[]): AnswerRow[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  const rows: AnswerRow[] = [];
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question) refuse('ANSWER_UNKNOWN_QUESTION', 'An answer names a question that is not in this survey.', answer.questionId);
    if (seen.has(answer.questionId)) refuse('ANSWER_DUPLICATE_QUESTION', 'A question is answered more than once.', answer.questionId);
    seen.add(answer.questionId);
    const row = answerRow(question, answer);
    if (row) rows.push(row);
  }
  const answered = new Set(rows.map((row) => row.questionId));
  const missing = questions.find((q) => q.required && !answered.has(q.id));
  if (missing) refuse('ANSWER_MISSING_REQUIRED', 'A required question has no answer.', missing.id);
  return rows;
}
