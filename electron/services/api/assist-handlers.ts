import type { ApiHandlers, CallOutput } from '../../../shared/contract';
import { preannotationJobsOf } from '../assist/preannotation-jobs';
import { suggestionsThreadOf } from '../assist/suggestions-thread';
import { DatabaseVersion } from '../store/database-version';
import type { Workbench } from '../workbench';

type AssistHandlers = Pick<
  ApiHandlers,
  | 'getSuggestions'
  | 'getAssistSettings'
  | 'setAssistSources'
  | 'startPreannotation'
  | 'getPreannotationJob'
  | 'cancelPreannotation'
>;

export function createAssistHandlers(workbench: Workbench): AssistHandlers {
  const { assist, articles } = workbench;
  const jobs = preannotationJobsOf(workbench);
  const version = new DatabaseVersion(workbench.db);
  // The last answer, given again while nothing was written since (everything suggestions are made
  // from is in the database, or shipped): the reader asks after every open, and at 400,000
  // characters computing them takes the host 0.5–1 s of CPU (bench/README.md, branch open).
  let last: { version: string; answer: CallOutput<'getSuggestions'> } | null = null;
  return {
    getSuggestions: async ({ articleId }) => {
      const readAt = version.current();
      if (last?.answer.articleId === articleId && last.version === readAt) return last.answer;
      articles.getSummary(articleId); // not_found for a missing article
      // In a worker thread: reads and writes are answered meanwhile. A write committed before the
      // worker reads makes this answer newer than `readAt` (computed again next time), never older.
      const answer = { articleId, ...(await suggestionsThreadOf(workbench).suggest(articleId)) };
      last = { version: readAt, answer };
      return answer;
    },
    getAssistSettings: () => ({
      sources: assist.sources(),
      patterns: assist.patterns(),
      addedNames: assist.addedNames(),
      shippedNameCount: assist.shippedNameCount(),
    }),
    setAssistSources: (patch) => assist.setSources(patch),
    startPreannotation: ({ scope }) => ({ jobId: jobs.start(scope) }),
    getPreannotationJob: ({ jobId }) => jobs.get(jobId),
    cancelPreannotation: ({ jobId }) => jobs.cancel(jobId),
  };
}
