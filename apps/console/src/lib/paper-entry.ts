import type { AnswerInput, EnteredResponseInput, QuestionRecord } from './survey-queries.ts';

/** Rows the paper-entry grid shows at once: one per paper form. */
export const GRID_ROWS = 10;

/** The grid's cell for row `row` (from 0) and question number `position`. */
export const cellName = (row: number, position: number) => `r${row}q${position}`;

/** What a clerk typed into the grid: one string per cell, plus the batch's date, channel and area. */
export interface EntryGrid {
  submittedOn: string;
  channel: 'PAPER' | 'PHONE';
  area: string;
  cells: string[][];
}

/** Why a cell was not accepted. */
export type CellProblem = 'range' | 'required';

/** The empty grid. */
export function emptyGrid(questions: readonly QuestionRecord[], submittedOn: string): EntryGrid {
  return { submittedOn, channel: 'PAPER', area: '', cells: Array.from({ length: GRID_ROWS }, () => questions.map(() => '')) };
}

/** The grid as submitted. */
export function submittedGrid(form: FormData, questions: readonly QuestionRecord[]): EntryGrid {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    submittedOn: text('submittedOn'),
    channel: text('channel') === 'PHONE' ? 'PHONE' : 'PAPER',
    area: text('area'),
    cells: Array.from({ length: GRID_ROWS }, (_, row) => questions.map((q) => text(cellName(row, q.position)))),
  };
}

/**
 * One cell's answer, by the codes printed beside the grid: a score 1–5 or 0 for "don't know";
 * 1 yes, 0 no; an option's number from 1; free text as typed. Null: not a valid entry.
 */
function answerOf(question: QuestionRecord, cell: string): AnswerInput | null {
  const questionId = question.id;
  if (question.type === 'FREE_TEXT') return { questionId, text: cell };
  if (!/^\d{1,2}$/.test(cell)) return null;
  const n = Number(cell);
  if (question.type === 'SCALE5') return n === 0 ? { questionId, dontKnow: true } : n <= 5 ? { questionId, value: n } : null;
  if (question.type === 'YES_NO') return n <= 1 ? { questionId, value: n } : null;
  const options = question.options?.zh.length ?? 0;
  return n >= 1 && n <= options ? { questionId, choice: n - 1 } : null;
}

/**
 * The responses of the filled rows (a row left blank is skipped), or the cells that are not
 * valid: out of range, or a required question left blank in a row that has answers.
 */
export function gridResponses(
  grid: EntryGrid,
  questions: readonly QuestionRecord[],
): { responses: EnteredResponseInput[]; rows: number[]; problems: Map<string, CellProblem> } {
  const problems = new Map<string, CellProblem>();
  const responses: EnteredResponseInput[] = [];
  const rows: number[] = [];
  grid.cells.forEach((cells, row) => {
    if (cells.every((c) => c === '')) return;
    const answers: AnswerInput[] = [];
    questions.forEach((q, i) => {
      const cell = cells[i] ?? '';
      if (cell === '') {
        if (q.required) problems.set(cellName(row, q.position), 'required');
        return;
      }
      const answer = answerOf(q, cell);
      if (answer) answers.push(answer);
      else problems.set(cellName(row, q.position), 'range');
    });
    responses.push({ channel: grid.channel, submittedOn: grid.submittedOn, areaId: grid.area || null, answers });
    rows.push(row);
  });
  return { responses, rows, problems };
}
