/**
 * The review step of an import: the questions a file raises before anything of it is written
 * (a legacy encoding converted, a probable duplicate, labels this workbench lacks or defines
 * differently), and the answers a job's decisions give them.
 *
 * A file is imported in one transaction. Each question is asked where the import meets it; while
 * it is unanswered the import goes on with the suggested answer, so that one pass finds every
 * question of the file, and at the end of the transaction `FileReview.throwIfOpen` rolls the
 * whole file back. The job then holds the file until the user has decided, and imports it again
 * with the answers: nothing is ever half-written, and a cancelled review writes nothing.
 */
import type { ReviewChoice, ReviewQuestion } from '../../../shared/contract';

/** Answers a question from the decisions taken so far; undefined while it is open. */
export type Decide = (question: ReviewQuestion) => ReviewChoice | undefined;

/**
 * What the import did before there was a review step, and what the command line still does:
 * convert, keep probable duplicates, create missing labels, keep one's own label where the file's
 * differs.
 */
export function suggestedChoice(question: ReviewQuestion): ReviewChoice {
  if (question.kind !== 'label') return { choice: 'accept' };
  return question.existing ? { choice: 'map', labelKey: question.label } : { choice: 'create' };
}

/** Why a choice cannot answer this question, or null when it can. */
export function choiceProblem(question: ReviewQuestion, choice: ReviewChoice): string | null {
  const allowed: ReviewChoice['choice'][] =
    question.kind !== 'label' ? ['accept', 'skip'] : question.existing ? ['map', 'skip'] : ['create', 'map', 'skip'];
  return allowed.includes(choice.choice)
    ? null
    : `“${choice.choice}” does not answer this question; choose one of ${allowed.join(', ')}.`;
}

/** Two askings of the same question (a label in several records or files) become one, with their counts added. */
export function mergeQuestion(earlier: ReviewQuestion, later: ReviewQuestion): ReviewQuestion {
  if (earlier.kind !== 'label' || later.kind !== 'label') return earlier;
  return {
    ...earlier,
    files: [...new Set([...earlier.files, ...later.files])],
    spanCount: earlier.spanCount + later.spanCount,
  };
}

/** Thrown inside a file's transaction while questions are open, so that nothing of the file is written. */
export class ReviewNeeded extends Error {
  constructor(readonly questions: ReviewQuestion[]) {
    super(`${questions.length} questions need a decision before this file is imported.`);
    this.name = 'ReviewNeeded';
  }
}

/** The questions of one file, answered from the job's decisions. */
export class FileReview {
  private readonly open = new Map<string, ReviewQuestion>();

  constructor(private readonly decide: Decide) {}

  /** The decided answer; while there is none, the suggested one (the file will be rolled back). */
  ask(question: ReviewQuestion): ReviewChoice {
    const decided = this.decide(question);
    if (decided && choiceProblem(question, decided) === null) return decided;
    const earlier = this.open.get(question.id);
    this.open.set(question.id, earlier ? mergeQuestion(earlier, question) : question);
    return suggestedChoice(question);
  }

  /** Call last inside the file's transaction: an open question rolls the whole file back. */
  throwIfOpen(): void {
    if (this.open.size > 0) throw new ReviewNeeded([...this.open.values()]);
  }
}
