import type { ApiHandlers, CallOutput } from '../../../shared/contract';
import { SUGGESTIONS_LISTED_MAX } from '../../../shared/contract/assist';
import { preannotationJobsOf } from '../assist/preannotation-jobs';
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
    getSuggestions: ({ articleId }) => {
      const readAt = version.current();
      if (last?.answer.articleId === articleId && last.version === readAt) return last.answer;
      articles.getSummary(articleId); // not_found for a missing article
      const { suggestions, stoppedPatterns } = assist.suggest(articleId);
      const answer = {
        articleId,
        suggestions: suggestions.slice(0, SUGGESTIONS_LISTED_MAX),
        total: suggestions.length,
        stoppedPatterns,
      };
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
